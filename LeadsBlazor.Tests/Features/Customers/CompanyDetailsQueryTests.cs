using System.Globalization;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Board;
using LeadsBlazor.Web.Features.Customers;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Tests.Features.Customers;

/// <summary>The company page's query: the company's leads by status and their weighted volume (Rule 4), its history as read.</summary>
public abstract class CompanyDetailsQueryTests : IDisposable
{
    private readonly PipelineApp _app;

    protected CompanyDetailsQueryTests(DatabaseProvider provider)
    {
        _app = new PipelineApp(provider: provider);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
    }

    public void Dispose() => _app.Dispose();

    private CompanyCommands Companies => _app.Get<CompanyCommands>();

    private IStringLocalizer<SharedResource> Text => _app.Get<IStringLocalizer<SharedResource>>();

    private async Task<int> LeadAsync(int companyId, string name, decimal revenue, int? stageId, string currency = "EUR") =>
        await _app.Get<LeadCommands>().CreateAsync(new LeadInput
        {
            Name = name,
            ResponsibleUserId = _app.OwnerId,
            Revenue = revenue,
            Currency = currency,
            NextActionOn = _app.Today.AddDays(4),
            StageId = stageId,
            CompanyId = companyId,
        }, _app.OwnerId);

    [Fact]
    public async Task A_companys_leads_are_counted_by_status_and_weighted_as_the_board_weighs_them()
    {
        await _app.AddCurrencyAsync(Currency.Chf, 1.07m);
        var stages = await _app.StagesAsync();
        var alpen = await Companies.CreateAsync(new CompanyInput { Name = "Alpenblick AG" }, _app.OwnerId);
        var other = await Companies.CreateAsync(new CompanyInput { Name = "Seehof GmbH" }, _app.OwnerId);
        await LeadAsync(alpen, "Relaunch", 12_345.67m, stages[1].Id);
        await LeadAsync(alpen, "Shop", 8_000m, stages[2].Id, "CHF");
        await LeadAsync(alpen, "Idee", 3_000m, null);
        var won = await LeadAsync(alpen, "Kampagne", 5_000m, stages[0].Id);
        var lead = await _app.ReloadAsync(won);
        await _app.Get<LeadCommands>().CloseAsync(won, lead.Version, LeadStatus.Won, _app.Today, null, null, _app.OwnerId);
        await LeadAsync(other, "Fremder Lead", 90_000m, stages[2].Id);

        var page = await _app.Get<CompanyDetailsQuery>().GetAsync(alpen);

        Assert.NotNull(page);
        Assert.Equal(1, page.Leads.Counts[LeadStatus.Potential]);
        Assert.Equal(2, page.Leads.Counts[LeadStatus.Running]);
        Assert.Equal(1, page.Leads.Counts[LeadStatus.Won]);
        Assert.Equal(0, page.Leads.Counts[LeadStatus.Lost]);
        Assert.Equal(["Relaunch", "Shop", "Idee", "Kampagne"], page.Leads.Rows.Select(r => r.Name));

        // The board over the same leads (the search finds the customer's name, and only this customer has it).
        var board = await _app.Get<BoardQuery>().LoadAsync(new LeadFilter(Search: "Alpenblick"));
        Assert.Equal(board.Volume.Total.Weighted, page.Leads.Running.Total.Weighted);
        Assert.Equal(board.Volume.Total.Revenue, page.Leads.Running.Total.Revenue);
        Assert.True(page.Leads.Running.Total.Weighted > 0m);
        var everyone = await _app.Get<BoardQuery>().LoadAsync(new LeadFilter());
        Assert.NotEqual(everyone.Volume.Total.Weighted, page.Leads.Running.Total.Weighted);
    }

    [Fact]
    public async Task The_history_says_who_changed_which_field_and_which_contact_person_newest_first()
    {
        var id = await Companies.CreateAsync(new CompanyInput { Name = "Bergbahn AG" }, _app.OwnerId);
        var company = (await _app.Get<CompanyDetailsQuery>().GetAsync(id))!.Company;
        await Companies.UpdateAsync(id, company.Version, CompanyInput.Of(company) with { Name = "Bergbahnen AG", CountryCode = "CH" }, _app.OwnerId);
        var person = await Companies.AddPersonAsync(id, PersonDetails.FromName("Jana Schmid"), _app.OwnerId);
        await Companies.UpdatePersonAsync(person, PersonDetails.FromName("Jana Schmid", "jana@bergbahnen.ch") with { Salutation = Salutation.Ms }, _app.OwnerId);

        var page = await _app.Get<CompanyDetailsQuery>().GetAsync(id);

        var lines = page!.History.Select(e => CompanyHistoryFormat.Describe(Text, e)).ToList();
        Assert.Equal(
        [
            "Ansprechpartner Jana Schmid, E-Mail: — → jana@bergbahnen.ch",
            "Ansprechpartner Jana Schmid, Anrede: — → Frau",
            "Ansprechpartner Jana Schmid hinzugefügt",
            "Land: — → Schweiz",
            "Name: Bergbahn AG → Bergbahnen AG",
            "Kunde angelegt: Bergbahn AG",
        ], lines);
        // The bootstrap owner is named after their address.
        Assert.All(page.History, e => Assert.Equal("owner", e.UserName));
        Assert.Equal(lines.Count, page.HistoryTotal);

        var limited = await _app.Get<CompanyDetailsQuery>().GetAsync(id, historyLimit: 2);
        Assert.Equal(2, limited!.History.Count);
        Assert.Equal(lines.Count, limited.HistoryTotal);
    }

    [Fact]
    public async Task A_company_merged_away_is_no_longer_found_and_says_which_company_took_it_over()
    {
        var duplicate = await Companies.CreateAsync(new CompanyInput { Name = "Müller Bau" }, _app.OwnerId);
        var survivor = await Companies.CreateAsync(new CompanyInput { Name = "Müller Bau GmbH" }, _app.OwnerId);
        var gone = (await _app.Get<CompanyDetailsQuery>().GetAsync(duplicate))!.Company;

        await Companies.MergeAsync(duplicate, survivor, _app.OwnerId);

        Assert.Null(await _app.Get<CompanyDetailsQuery>().GetAsync(duplicate));
        Assert.Equal(new MergedInto(survivor, "Müller Bau GmbH"), await _app.Get<CompanyDetailsQuery>().MergedIntoAsync(gone.Name, gone.Number));
        Assert.Null(await _app.Get<CompanyDetailsQuery>().MergedIntoAsync("Niemand", "K-9999"));
    }

    [Fact]
    public async Task The_merge_target_search_finds_other_companies_by_name_or_number_but_never_the_company_itself()
    {
        var self = await Companies.CreateAsync(new CompanyInput { Name = "Müller Bau" }, _app.OwnerId);
        var other = await Companies.CreateAsync(new CompanyInput { Name = "Müller Bau GmbH" }, _app.OwnerId);
        var number = (await _app.Get<CompanyDetailsQuery>().GetAsync(other))!.Company.Number;

        Assert.Equal([other], (await _app.Get<CompanyDetailsQuery>().OthersAsync(self, "Müller")).Select(c => c.Id));
        Assert.Equal([other], (await _app.Get<CompanyDetailsQuery>().OthersAsync(self, number)).Select(c => c.Id));
        Assert.Empty(await _app.Get<CompanyDetailsQuery>().OthersAsync(self, "50%_"));
    }
}

public sealed class CompanyDetailsQueryTestsOnSqlite() : CompanyDetailsQueryTests(DatabaseProvider.Sqlite);

public sealed class CompanyDetailsQueryTestsOnPostgres() : CompanyDetailsQueryTests(DatabaseProvider.Postgres);
