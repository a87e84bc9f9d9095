using Bunit;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Forecast;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Components.Forecast;

/// <summary>Are the probabilities real? The panel's counts, rates, verdicts and hint sentences from a real history (Rule 15).</summary>
public sealed class CalibrationPanelTests : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?>
    {
        ["Reminders:BackgroundScan"] = "false",
        ["Forecast:BackgroundSnapshots"] = "false",
    });

    public void Dispose() => _app.Dispose();

    private IRenderedComponent<CalibrationPanel> Render(BunitContext context)
    {
        context.Services.AddSingleton(_app.Get<CalibrationQuery>());
        context.Services.AddSingleton(_app.Get<IEventBus>());
        var panel = context.Render<CalibrationPanel>();
        panel.WaitForElement("[data-testid=calibration-hint]");
        return panel;
    }

    private static string[] Texts(IRenderedComponent<CalibrationPanel> panel, string testId) =>
        [.. panel.FindAll($"[data-testid={testId}]").Select(e => e.TextContent.Trim().Replace('\u00A0', ' '))];

    // Vorstellung (10 %): 1 of 5 decided won, 20 %: within 10 points. Angebot (30 %): 1 of 6 won, 17 %: too high.
    // Verhandlungen (60 %): a single won lead is too few to judge. Erstkontakt: nothing decided.
    private async Task<IReadOnlyList<int>> ArrangeAsync()
    {
        var stages = await _app.StagesAsync();
        await _app.Factory.LeadsThroughAsync(stages[1].Id, won: 1, lost: 3, dropped: 1);
        var offer = await _app.Factory.LeadsThroughAsync(stages[2].Id, won: 1, lost: 5, open: 1);
        await _app.Factory.LeadsThroughAsync(stages[3].Id, won: 1);
        return offer;
    }

    [Fact]
    public async Task Each_stage_shows_its_counts_its_observed_rate_and_a_hint_following_its_verdict()
    {
        await ArrangeAsync();
        await using var context = ComponentContext.Create();

        var panel = Render(context);

        Assert.Equal(
        [
            "Erstkontakt: eingestellt 1 %, noch kein entschiedener Lead.",
            "Vorstellung: eingestellt 10 %, beobachtet 20 % bei 5 entschiedenen Leads – das passt.",
            "Angebot: eingestellt 30 %, beobachtet 17 % bei 6 entschiedenen Leads – eher niedriger einstellen.",
            "Verhandlungen: eingestellt 60 %, beobachtet 100 % bei erst 1 entschiedenen Lead – zu wenig für ein Urteil.",
        ], Texts(panel, "calibration-hint"));
        Assert.Equal(["zu wenige Leads", "passt", "zu hoch", "zu wenige Leads"], Texts(panel, "calibration-verdict"));
        Assert.Equal(["0", "5", "7", "1"], Texts(panel, "calibration-passed"));
        Assert.Equal(["–", "20 %", "17 %", "100 %"], Texts(panel, "calibration-observed"));
        Assert.Contains("in den letzten 12 Monaten", Texts(panel, "calibration-note")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hints_read_in_english_with_the_english_stage_names()
    {
        await ArrangeAsync();
        await using var context = ComponentContext.Create("en-US");

        var panel = Render(context);

        Assert.Equal("Offer: set 30%, observed 17% over 6 decided leads – consider setting it lower.", Texts(panel, "calibration-hint")[2]);
        Assert.Equal("too high", Texts(panel, "calibration-verdict")[2]);
    }

    [Fact]
    public async Task A_lead_won_in_another_session_changes_the_verdict_live()
    {
        var offer = await ArrangeAsync();
        await using var context = ComponentContext.Create();
        var panel = Render(context);
        var open = offer[^1];

        await _app.Get<LeadCommands>().CloseAsync(open, (await _app.ReloadAsync(open)).Version, LeadStatus.Won, _app.Today, null, null, _app.OwnerId);

        panel.WaitForAssertion(() => Assert.Equal(
            "Angebot: eingestellt 30 %, beobachtet 29 % bei 7 entschiedenen Leads – das passt.", Texts(panel, "calibration-hint")[2]));
        Assert.Equal("passt", Texts(panel, "calibration-verdict")[2]);
    }
}
