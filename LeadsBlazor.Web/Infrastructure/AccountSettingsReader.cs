using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Infrastructure;

/// <summary>
/// The account's settings (currency and rates, time zone, culture, reminders), read once per circuit or request
/// and read again after the owner changes them (<see cref="AccountSettingsChanged"/>). Views and queries ask
/// here; a use case that changes the settings reads and locks the row in its own transaction instead.
/// </summary>
public sealed class AccountSettingsReader : IDisposable
{
    private readonly IDbContextFactory<LeadsDbContext> _contexts;
    private readonly TimeProvider _time;
    private readonly IDisposable _subscription;
    private Task<AccountSettings>? _settings;

    public AccountSettingsReader(IDbContextFactory<LeadsDbContext> contexts, TimeProvider time, IEventBus events)
    {
        ArgumentNullException.ThrowIfNull(events);
        _contexts = contexts;
        _time = time;
        _subscription = events.Observe(OnEvent);
    }

    /// <summary>The settings with their currencies, untracked: read them, never change them.</summary>
    public Task<AccountSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        var settings = Volatile.Read(ref _settings);
        if (settings is null || settings.IsFaulted || settings.IsCanceled)
        {
            settings = LoadAsync(cancellationToken);
            Volatile.Write(ref _settings, settings);
        }

        return settings;
    }

    /// <summary>Today's date in the account's time zone (Rule 5's "due" is measured against it).</summary>
    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).Today(_time);

    /// <summary>
    /// After the owner changed the settings: this scope reads them again at once, so the owner's own page shows the
    /// change; the other sessions read them again when the event reaches them (the bus delivers in the background).
    /// </summary>
    public void Changed(IEventBus events, LiveTopic affects)
    {
        ArgumentNullException.ThrowIfNull(events);
        Forget();
        events.Publish(new AccountSettingsChanged(affects));
    }

    public void Dispose() => _subscription.Dispose();

    private void Forget() => Volatile.Write(ref _settings, null);

    // Observed inside Publish, before the views of this session reload for the event.
    private void OnEvent(PipelineEvent pipelineEvent)
    {
        // After a gap in the relay, a change made on another instance may have passed unheard.
        if (pipelineEvent is AccountSettingsChanged or RelayReconnected)
        {
            Forget();
        }
    }

    private async Task<AccountSettings> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.AccountSettings.AsNoTracking().Include(a => a.Currencies).SingleAsync(cancellationToken);
    }
}
