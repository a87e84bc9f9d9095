using System.Globalization;
using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Data.Configurations;
using LeadsBlazor.Web.Features.Settings.Shared;
using LeadsBlazor.Web.Infrastructure;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Settings.Currencies;

/// <summary>A currency of the account as the owner's list shows it: its rate to the account currency, when it was set, how many leads use it.</summary>
public sealed record CurrencyRow(string Code, decimal RateToAccount, DateOnly RateSetOn, int Leads, bool IsAccountCurrency);

/// <summary>Rule 3's currencies: the account currency, and further ones with a rate; one that leads use stays. Logged (Rule 12).</summary>
public sealed class CurrencyCommands(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account, IEventBus events, TimeProvider time)
{
    public async Task<IReadOnlyList<CurrencyRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await account.GetAsync(cancellationToken);
        var usage = await UsageAsync(db, cancellationToken);
        return [.. settings.Currencies
            .OrderBy(c => c.Code != settings.CurrencyCode).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new CurrencyRow(c.Code, c.RateToAccount, c.RateSetOn, usage.GetValueOrDefault(c.Code), c.Code == settings.CurrencyCode))];
    }

    /// <summary>Adds a currency or sets a new rate for it, dated today in the account's time zone.</summary>
    public Task SetRateAsync(string code, decimal rateToAccount, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(userId, (db, settings, actor) =>
        {
            var currency = Currency.Parse(code);
            var before = settings.Currencies.FirstOrDefault(c => c.Code == currency.Code)?.RateToAccount;
            settings.AddOrUpdateCurrency(currency, rateToAccount, settings.Today(time));
            var rate = rateToAccount.ToString("0.########", CultureInfo.InvariantCulture);
            Log(db, before is null ? "SettingsLog.CurrencyAdded" : "SettingsLog.CurrencyRate",
                before is { } old ? $"{currency.Code}: {old.ToString("0.########", CultureInfo.InvariantCulture)} → {rate} {settings.CurrencyCode}" : $"{currency.Code} = {rate} {settings.CurrencyCode}", actor);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task RemoveAsync(string code, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(userId, async (db, settings, actor) =>
        {
            var usage = await UsageAsync(db, cancellationToken);
            settings.RemoveCurrency(code, usage.GetValueOrDefault(code));
            Log(db, "SettingsLog.CurrencyRemoved", code, actor);
        }, cancellationToken);

    private async Task ChangeAsync(string userId, Func<LeadsDbContext, AccountSettings, Actor, Task> change, CancellationToken cancellationToken)
    {
        await contexts.ChangeAsOwnerAsync(userId, time, async (db, actor) =>
        {
            await change(db, await db.AccountSettings.Include(a => a.Currencies).SingleAsync(cancellationToken), actor);
            return 0;
        }, cancellationToken);

        // Rates feed the weighted volume of every board.
        account.Changed(events, LiveTopic.Money);
    }

    private static Task<Dictionary<string, int>> UsageAsync(LeadsDbContext db, CancellationToken cancellationToken) =>
        db.Leads.GroupBy(l => EF.Property<string>(l, LeadConfiguration.RevenueCurrency))
            .Select(g => new { Code = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Code, g => g.Count, cancellationToken);

    private static void Log(LeadsDbContext db, string whatKey, string detail, Actor actor) =>
        db.SettingsChanges.Add(new SettingsChange(SettingsArea.Currencies, whatKey, detail, actor));
}
