using System.Security.Claims;
using Bunit;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Customers;
using LeadsBlazor.Web.Features.Offers;
using LeadsBlazor.Web.Features.Projects;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace LeadsBlazor.Tests.Components.Projects;

/// <summary>
/// "+ Neues Projekt" on a won lead: the dialog shows what the lead knows, says what saving does, keeps the lead's currency,
/// shows a refused field at the field; the lead's card and the company's list show the projects, live.
/// </summary>
public sealed class ProjectDialogTests : IDisposable
{
    private readonly PipelineApp _app = new();

    public void Dispose() => _app.Dispose();

    private BunitContext Context(string culture = "de-DE")
    {
        var context = ComponentContext.Create(culture);
        context.Services.AddSingleton(_app.Get<CustomerSearchQuery>());
        context.Services.AddSingleton(_app.Get<ProjectFormQuery>());
        context.Services.AddSingleton(_app.Get<NewProjectQuery>());
        context.Services.AddSingleton(_app.Get<ProjectCommands>());
        context.Services.AddSingleton(_app.Get<LeadProjectsQuery>());
        context.Services.AddSingleton(_app.Get<IEventBus>());
        context.AddAuthorization().SetAuthorized("owner@test.example").SetClaims(new Claim(ClaimTypes.NameIdentifier, _app.OwnerId));
        return context;
    }

    /// <summary>A won lead of "Alpenblick Hotels AG" in CHF, served 1 Feb – 30 Apr, with a sent offer of 8,000 and a draft of 5,000.</summary>
    private async Task<(int LeadId, int CompanyId)> WonLeadAsync()
    {
        await _app.AddCurrencyAsync(Currency.Chf, 0.95m);
        var lead = await _app.AddRunningLeadAsync((await _app.StagesAsync())[2].Id, 12_000m, currency: Currency.Chf);
        var offers = _app.Get<OfferCommands>();
        var sent = await offers.CreateAsync(lead.Id, _app.OwnerId);
        var draft = await offers.CreateAsync(lead.Id, _app.OwnerId);
        await using var db = _app.NewContext();
        var company = new Company("Alpenblick Hotels AG", "K-0001", _app.Actor);
        db.Companies.Add(company);
        var stored = await db.Offers.ToDictionaryAsync(o => o.Id);
        stored[sent].Edit(stored[sent].Details(), [OfferPosition.Item("Relaunch", 1m, "pauschal", 8_000m)]);
        stored[draft].Edit(stored[draft].Details(), [OfferPosition.Item("Relaunch klein", 1m, "pauschal", 5_000m)]);
        var current = await db.Leads.SingleAsync(l => l.Id == lead.Id);
        current.ChangeCustomer(company, null, _app.Actor);
        stored[sent].Send(current, null, _app.Actor);
        current.ChangeServicePeriod(new DateOnly(2027, 2, 1), new DateOnly(2027, 4, 30), _app.Actor);
        current.Close(LeadStatus.Won, _app.Today, null, null, _app.Actor);
        await db.SaveChangesAsync();
        return (lead.Id, company.Id);
    }

    private static async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ShowAsync(BunitContext context, int leadId)
    {
        var provider = context.Render<MudDialogProvider>();
        var dialogs = context.Services.GetRequiredService<IDialogService>();
        var dialog = await provider.InvokeAsync(() => dialogs.ShowAsync<ProjectDialog>("Neues Projekt", new DialogParameters<ProjectDialog> { { d => d.LeadId, leadId } }, ProjectDialog.Options));
        provider.WaitForElement("[data-testid=project-form]", TimeSpan.FromSeconds(5));
        return (provider, dialog);
    }

    private static string ValueOf(IRenderedComponent<MudDialogProvider> provider, string testId) =>
        provider.Find($"[data-testid={testId}] input, input[data-testid={testId}], [data-testid={testId}] textarea").GetAttribute("value") ?? "";

    private static string MessageAt(IRenderedComponent<MudDialogProvider> provider, string testId) =>
        provider.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? "";

    [Fact]
    public async Task From_a_won_lead_the_dialog_shows_its_name_customer_budget_period_and_fixed_currency_and_says_the_offers_get_confirmed()
    {
        var (leadId, _) = await WonLeadAsync();
        await using var context = Context();

        var (dialog, _) = await ShowAsync(context, leadId);

        Assert.Equal("Relaunch Website", ValueOf(dialog, "project-name"));
        Assert.Equal("Alpenblick Hotels AG", ValueOf(dialog, "project-company"));
        Assert.Equal("8.000,00", ValueOf(dialog, "project-budget"));
        Assert.Equal(("01.02.2027", "30.04.2027"), (ValueOf(dialog, "project-start"), ValueOf(dialog, "project-finish")));
        Assert.Equal("CHF", ValueOf(dialog, "project-currency"));
        Assert.True(dialog.Find("[data-testid=project-currency] input, input[data-testid=project-currency]").HasAttribute("readonly"));
        Assert.Equal("Die Währung des Leads", MessageAt(dialog, "project-currency"));
        Assert.Equal("Offene Angebote dieses Leads (Entwurf, Versendet) werden auf Bestätigt gesetzt.", dialog.Find("[data-testid=project-confirms-offers]").TextContent.Trim());
    }

    [Fact]
    public async Task A_finish_before_the_start_is_said_at_the_finish_and_the_typed_name_stays()
    {
        var (leadId, _) = await WonLeadAsync();
        await using var context = Context("en-US");
        var (dialog, _) = await ShowAsync(context, leadId);

        await dialog.Find("[data-testid=project-name] input, input[data-testid=project-name]").InputAsync(new() { Value = "Relaunch Phase 1" });
        await dialog.Find("[data-testid=project-finish] input, input[data-testid=project-finish]").ChangeAsync(new() { Value = "1/15/2027" });
        await dialog.Find("[data-testid=project-save]").ClickAsync(new());

        Assert.Equal("The end must not be before the start.", MessageAt(dialog, "project-finish"));
        Assert.Equal("Relaunch Phase 1", ValueOf(dialog, "project-name"));
        await using var db = _app.NewContext();
        Assert.Equal(0, await db.Projects.CountAsync());
    }

    [Fact]
    public async Task Saving_makes_the_project_with_the_edited_name_and_the_lead_card_shows_it_live()
    {
        var (leadId, companyId) = await WonLeadAsync();
        await using var context = Context();
        var card = context.Render<LeadProjects>(p => p.Add(c => c.LeadId, leadId));
        Assert.Equal("Noch kein Projekt. Über „+ Neues Projekt“ wird aus dem gewonnenen Lead ein Projekt.", card.Find("[data-testid=lead-projects-empty]").TextContent.Trim());
        var (dialog, reference) = await ShowAsync(context, leadId);

        await dialog.Find("[data-testid=project-name] input, input[data-testid=project-name]").InputAsync(new() { Value = "Relaunch Phase 1" });
        await dialog.Find("[data-testid=project-save]").ClickAsync(new());

        var result = await reference.Result;
        Assert.False(result!.Canceled);
        card.WaitForAssertion(() => Assert.Equal("Relaunch Phase 1", card.Find("[data-testid=lead-project-name]").TextContent.Trim()), TimeSpan.FromSeconds(5));
        var row = card.Find("[data-testid=lead-project]");
        Assert.Equal($"P{_app.Today:yyMM}-001", row.QuerySelector("[data-testid=lead-project-link]")!.TextContent.Trim());
        Assert.Equal("Aktiv", row.QuerySelector("[data-testid=project-status]")!.TextContent.Trim());
        Assert.Equal("8.000,00 CHF", row.QuerySelector("[data-testid=lead-project-budget]")!.TextContent.Trim());
        Assert.Contains("01.02.2027 – 30.04.2027", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(result.Data, int.Parse(row.GetAttribute("data-project-id")!, System.Globalization.CultureInfo.InvariantCulture));

        var forCompany = await _app.Get<CompanyProjectsQuery>().GetAsync(companyId);
        Assert.Equal([("Relaunch Phase 1", (int?)leadId, "Relaunch Website", 8_000m)], forCompany.Select(p => (p.Name, p.LeadId, p.LeadName, p.Budget!.Value.Amount)));
    }

    [Fact]
    public async Task A_lead_that_is_not_won_shows_no_project_card_until_it_has_projects()
    {
        var lead = await _app.AddRunningLeadAsync((await _app.StagesAsync())[0].Id);
        await using var context = Context();

        var card = context.Render<LeadProjects>(p => p.Add(c => c.LeadId, lead.Id));

        Assert.Empty(card.FindAll("[data-testid=lead-projects]"));
        Assert.Equal(0, await _app.Get<LeadProjectsQuery>().CountAsync(lead.Id));
    }
}
