using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Board;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Features.Settings.Shared;
using LeadsBlazor.Web.Features.Settings;
using LeadsBlazor.Web.Features.Settings.Currencies;
using LeadsBlazor.Web.Features.Settings.LostReasons;

namespace LeadsBlazor.Tests.Features.Settings;

/// <summary>Rule 3's currencies and Rule 1's reasons as the owner keeps them: what leads use stays, every change is logged.</summary>
public abstract class CurrencyAndReasonCommandsTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false" }, provider: provider);

    public void Dispose() => _app.Dispose();

    private CurrencyCommands Currencies => _app.Get<CurrencyCommands>();

    private CloseReasonCommands Reasons => _app.Get<CloseReasonCommands>();

    private async Task<string> CurrencyListAsync() =>
        string.Join(", ", (await Currencies.ListAsync()).Select(c => $"{c.Code} {c.RateToAccount:0.##} {c.Leads}"));

    [Fact]
    public async Task The_owner_adds_a_currency_changes_its_rate_and_removes_it_while_no_lead_uses_it()
    {
        await Currencies.SetRateAsync("usd", 0.92m, _app.OwnerId);
        Assert.Equal("EUR 1 0, USD 0.92 0", await CurrencyListAsync());

        await Currencies.SetRateAsync("USD", 0.95m, _app.OwnerId);
        Assert.Equal("EUR 1 0, USD 0.95 0", await CurrencyListAsync());

        await Currencies.RemoveAsync("USD", _app.OwnerId);
        Assert.Equal("EUR 1 0", await CurrencyListAsync());

        var log = (await _app.Get<SettingsLogQuery>().LatestAsync(SettingsArea.Currencies)).Reverse().Select(e => $"{e.WhatKey}: {e.Detail}");
        Assert.Equal(["SettingsLog.CurrencyAdded: USD = 0.92 EUR", "SettingsLog.CurrencyRate: USD: 0.92 → 0.95 EUR", "SettingsLog.CurrencyRemoved: USD"], log);
    }

    [Fact]
    public async Task A_currency_that_leads_use_and_the_account_currency_stay()
    {
        await Currencies.SetRateAsync("CHF", 1.06m, _app.OwnerId);
        var stages = await _app.StagesAsync();
        await _app.AddRunningLeadAsync(stages[0].Id, 5_000m, currency: Currency.Chf);

        var inUse = await Assert.ThrowsAsync<DomainException>(() => Currencies.RemoveAsync("CHF", _app.OwnerId));
        var account = await Assert.ThrowsAsync<DomainException>(() => Currencies.RemoveAsync("EUR", _app.OwnerId));

        Assert.Equal(ErrorKeys.CurrencyInUse, inUse.MessageKey);
        Assert.Equal(["CHF", 1], inUse.Arguments);
        Assert.Equal(ErrorKeys.AccountCurrencyFixed, account.MessageKey);
        Assert.Equal("EUR 1 0, CHF 1.06 1", await CurrencyListAsync());
    }

    [Theory]
    [InlineData("XYZ", 1.0, "Currency", ErrorKeys.UnknownCurrency)]
    [InlineData("USD", 0.0, "RateToAccount", ErrorKeys.InvalidRate)]
    [InlineData("USD", -2.0, "RateToAccount", ErrorKeys.InvalidRate)]
    [InlineData("EUR", 2.0, "Currency", ErrorKeys.AccountCurrencyFixed)]
    public async Task Bad_currency_input_is_refused_at_its_field(string code, double rate, string field, string key)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Currencies.SetRateAsync(code, (decimal)rate, _app.OwnerId));

        Assert.Equal((field, key), (error.Field, error.MessageKey));
        Assert.Equal("EUR 1 0", await CurrencyListAsync());
    }

    [Fact]
    public async Task A_retired_reason_is_no_longer_offered_but_stays_on_its_leads()
    {
        var reasons = await Reasons.ListAsync();
        var price = reasons.Single(r => r.Name == "Preis");
        var stages = await _app.StagesAsync();
        var lead = await _app.AddRunningLeadAsync(stages[0].Id);
        await _app.Get<LeadCommands>().CloseAsync(lead.Id, lead.Version, LeadStatus.Lost, _app.Today, price.Id, null, _app.OwnerId);

        await Reasons.RetireAsync(price.Id, retired: true, _app.OwnerId);
        await Reasons.AddAsync("Zu spät", _app.OwnerId);
        await Reasons.RenameAsync(reasons.Single(r => r.Name == "Sonstiges").Id, "Anderer Grund", _app.OwnerId);

        var offered = await _app.Get<CloseReasonsQuery>().OfferedAsync();
        Assert.Equal(["Zeitpunkt", "Wettbewerber", "Kein Budget", "Anderer Grund", "Zu spät"], offered.Select(r => r.Name));
        Assert.Equal(price.Id, (await _app.ReloadAsync(lead.Id)).CloseReasonId);
        var listed = await Reasons.ListAsync();
        Assert.Equal((true, 1), (listed[^1].Retired, listed[^1].Leads));
        Assert.Equal(3, (await _app.Get<SettingsLogQuery>().LatestAsync(SettingsArea.LostReasons)).Count);
    }

    [Fact]
    public async Task A_member_may_change_neither_currencies_nor_reasons()
    {
        var member = await _app.CreateMemberAsync();
        var reason = (await Reasons.ListAsync())[0];

        async Task Refused(Func<Task> action) => Assert.Equal(ErrorKeys.OwnerOnly, (await Assert.ThrowsAsync<DomainException>(action)).MessageKey);
        await Refused(() => Currencies.SetRateAsync("USD", 1m, member));
        await Refused(() => Currencies.RemoveAsync("USD", member));
        await Refused(() => Reasons.AddAsync("Zu spät", member));
        await Refused(() => Reasons.RenameAsync(reason.Id, "Zu spät", member));
        await Refused(() => Reasons.MoveAsync(reason.Id, 2, member));
        await Refused(() => Reasons.RetireAsync(reason.Id, true, member));

        Assert.Equal("EUR 1 0", await CurrencyListAsync());
        Assert.Equal(5, (await Reasons.ListAsync()).Count(r => !r.Retired));
    }
}

public sealed class CurrencyAndReasonCommandsTestsOnSqlite() : CurrencyAndReasonCommandsTests(DatabaseProvider.Sqlite);

public sealed class CurrencyAndReasonCommandsTestsOnPostgres() : CurrencyAndReasonCommandsTests(DatabaseProvider.Postgres);
