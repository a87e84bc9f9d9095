using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Settings.Reminders;
using LeadsBlazor.Web.Infrastructure.Live;

namespace LeadsBlazor.Tests.Features.Reminders;

public abstract class DayChangeServiceTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(provider: provider);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_new_day_is_announced_at_midnight_in_Berlin()
    {

        // The clock starts at 30 November, 08:00 UTC (09:00 in Berlin); midnight in Berlin is 23:00 UTC.
        var (day, at) = await NextDayAnnouncedAsync();
        Assert.Equal(new DateOnly(2026, 12, 1), day.Today);
        Assert.InRange(at, new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 23, 15, 1, TimeSpan.Zero));
    }

    [Fact]
    public async Task After_the_owner_moves_the_account_to_Auckland_the_next_day_begins_at_Aucklands_midnight()
    {

        // 08:00 UTC is 21:00 in Auckland (UTC+13 in summer): its 1 December begins at 11:00 UTC, Berlin's only at 23:00.
        await _app.Get<ReminderSettingsCommands>().ChangeAsync(_app.OwnerId, new ReminderSettings(true, 7, "Pacific/Auckland"));

        var (day, at) = await NextDayAnnouncedAsync();
        Assert.Equal(new DateOnly(2026, 12, 1), day.Today);
        Assert.InRange(at, new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 11, 15, 1, TimeSpan.Zero));
    }

    // Runs the app's clock forward a quarter of an hour at a time, for at most a day, until the new day is announced.
    private async Task<(DayChanged Day, DateTimeOffset At)> NextDayAnnouncedAsync()
    {
        var announced = new TaskCompletionSource<(DayChanged Day, DateTimeOffset At)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _app.Get<IEventBus>().Subscribe(e =>
        {
            if (e is DayChanged day)
            {
                announced.TrySetResult((day, _app.Time.GetUtcNow()));
            }

            return Task.CompletedTask;
        });
        for (var step = 0; step < 24 * 4 && !announced.Task.IsCompleted; step++)
        {
            _app.Time.Advance(TimeSpan.FromMinutes(15));

            // The service announces on its own task after the timer fired: give it time before the clock moves on, or a
            // busy machine would see the announcement a step late.
            await Task.WhenAny(announced.Task, Task.Delay(200));
        }

        return await announced.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }
}

public sealed class DayChangeServiceTestsOnSqlite() : DayChangeServiceTests(DatabaseProvider.Sqlite);

public sealed class DayChangeServiceTestsOnPostgres() : DayChangeServiceTests(DatabaseProvider.Postgres);
