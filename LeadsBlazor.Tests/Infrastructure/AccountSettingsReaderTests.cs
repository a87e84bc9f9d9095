using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Board;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Features.Settings.Currencies;

namespace LeadsBlazor.Tests.Infrastructure;

/// <summary>A session reads the account settings once, and again as soon as the owner changes them.</summary>
public abstract class AccountSettingsReaderTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false" }, provider: provider);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_new_rate_reaches_an_open_boards_figures_without_a_new_session()
    {
        await _app.AddCurrencyAsync(Currency.Chf, 1.0m);
        var stages = await _app.StagesAsync();
        await _app.AddRunningLeadAsync(stages[3].Id, revenue: 10_000m, currency: Currency.Chf);
        var board = _app.Get<BoardQuery>();
        var running = new LeadFilter(Status: LeadStatus.Running);
        Assert.Equal(10_000m, (await board.LoadAsync(running)).Volume.Total.Revenue);

        await _app.Get<CurrencyCommands>().SetRateAsync("CHF", 1.05m, _app.OwnerId);

        Assert.Equal(10_500m, (await board.LoadAsync(running)).Volume.Total.Revenue);
    }
}

public sealed class AccountSettingsReaderTestsOnSqlite() : AccountSettingsReaderTests(DatabaseProvider.Sqlite);

public sealed class AccountSettingsReaderTestsOnPostgres() : AccountSettingsReaderTests(DatabaseProvider.Postgres);
