using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Preferences;
using LeadsBlazor.Web.Features.Projects;
using LeadsBlazor.Domain.Projects;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Tests.Features.Projects;

/// <summary>Rule 7 for projects: the history reads in the reader's language, with dates and amounts in their formats and statuses in words.</summary>
public abstract class ProjectHistoryFormatTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false" }, provider: provider);

    public void Dispose() => _app.Dispose();

    private async Task<IReadOnlyList<string>> HistoryAsync(int projectId, string culture)
    {
        var overview = (await _app.Get<ProjectDetailsQuery>().GetAsync(projectId))!;
        var text = _app.Get<IStringLocalizer<SharedResource>>();
        using var _ = Preferences.Use(Preferences.CultureOf(culture));
        return [.. overview.History.Select(e => ProjectHistoryFormat.Describe(text, e, overview.Project.CurrencyCode))];
    }

    [Fact]
    public async Task Changes_status_moves_and_billing_read_in_German_and_in_English()
    {
        var services = _app.Factory.Services;
        var (leadId, first, _) = await services.CreateWonLeadWithTwoOffersAsync(_app.OwnerId);
        var projectId = await services.CreateProjectFromLeadAsync(leadId, _app.OwnerId, "Relaunch");
        var commands = _app.Get<ProjectCommands>();
        var input = await _app.Get<NewProjectQuery>().FromLeadAsync(leadId);
        var version = (await _app.Get<ProjectDetailsQuery>().GetAsync(projectId))!.Project.Version;
        await commands.UpdateAsync(projectId, version, input with
        {
            Name = "Relaunch", Budget = 13_000.5m, StartOn = new DateOnly(2027, 1, 4), FinishOn = new DateOnly(2027, 3, 31), Billing = ProjectBilling.FixedPrice,
        }, _app.OwnerId);
        await commands.BillOfferAsync(projectId, first, _app.OwnerId);
        await commands.UnbillOfferAsync(projectId, first, _app.OwnerId);
        version = (await _app.Get<ProjectDetailsQuery>().GetAsync(projectId))!.Project.Version;
        await commands.ChangeStatusAsync(projectId, version, ProjectStatus.Finished, _app.OwnerId);
        var number = $"P{_app.Today:yyMM}-001";
        var offer = (await services.OfferAsync(first)).Number;

        var german = await HistoryAsync(projectId, "de-DE");
        var english = await HistoryAsync(projectId, "en-US");

        Assert.Equal($"Projekt {number} angelegt", german[^1]);
        Assert.Contains("Budget: 12.000,00 € → 13.000,50 €", german);
        Assert.Contains("Start: — → 04.01.2027", german);
        Assert.Contains("Ende: — → 31.03.2027", german);
        Assert.Contains("Abrechnung: Nach Aufwand → Festpreis", german);
        Assert.Contains($"Angebot {offer} zur Abrechnung gewählt", german);
        Assert.Contains($"Angebot {offer} aus der Abrechnung herausgenommen", german);
        Assert.Equal("Status: Aktiv → Abgeschlossen", german[0]);
        Assert.Equal($"Project {number} created", english[^1]);
        Assert.Contains("Budget: €12,000.00 → €13,000.50", english);
        Assert.Contains("Start: — → 1/4/2027", english);
        Assert.Contains($"Offer {offer} chosen for billing", english);
        Assert.Equal("Status: Active → Finished", english[0]);
    }
}

public sealed class ProjectHistoryFormatTestsOnSqlite() : ProjectHistoryFormatTests(DatabaseProvider.Sqlite);

public sealed class ProjectHistoryFormatTestsOnPostgres() : ProjectHistoryFormatTests(DatabaseProvider.Postgres);
