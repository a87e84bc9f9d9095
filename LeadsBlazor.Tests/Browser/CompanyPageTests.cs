using System.Text.RegularExpressions;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Customers;
using LeadsBlazor.Web.Features.Leads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>The company page in a real Chromium: its leads and their weighted volume, contact persons, live changes, merge.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CompanyPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    private string _owner = "";
    private int _company;
    private int _lead;
    private decimal _weighted;

    protected override async Task ArrangeAsync()
    {
        _owner = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        await App.CreateMemberAsync();
        var stage = (await App.StagesAsync())[1];
        _company = await UseAsync<CompanyCommands, int>(c => c.CreateAsync(
            new CompanyInput { Name = "Alpenblick AG", Street = "Bahnhofstrasse 1", Postcode = "8001", City = "Zürich", CountryCode = "CH", Website = "www.alpenblick.ch" }, _owner));
        _lead = await UseAsync<LeadCommands, int>(c => c.CreateAsync(new LeadInput
        {
            Name = "Relaunch Website",
            ResponsibleUserId = _owner,
            Revenue = 12_000m,
            NextActionOn = DateOnly.FromDateTime(App.Time.GetUtcNow().UtcDateTime).AddDays(5),
            StageId = stage.Id,
            CompanyId = _company,
        }, _owner));

        // Rule 4 for the one running lead: its revenue weighed by its stage's probability.
        _weighted = stage.Probability.Weigh(Money.Revenue(12_000m, Currency.Eur)).Amount;
    }

    private async Task<T> UseAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        using var scope = App.Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private Task<IPage> OwnerAsync(string path) => OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, path);

    [Fact]
    public async Task The_company_page_shows_the_address_as_posted_from_germany_and_the_running_lead_with_its_weighted_volume()
    {
        var page = await OwnerAsync($"companies/{_company}");

        await Assertions.Expect(page.GetByTestId("company-name")).ToHaveTextAsync("Alpenblick AG");
        await Assertions.Expect(page.GetByTestId("company-number")).ToHaveTextAsync("K-0001");
        await Assertions.Expect(page.GetByTestId("company-address")).ToHaveTextAsync("Bahnhofstrasse 18001 ZürichSCHWEIZ");
        await Assertions.Expect(page.GetByTestId("company-website")).ToHaveAttributeAsync("href", "https://www.alpenblick.ch/");
        await Assertions.Expect(page.GetByTestId("company-website")).ToHaveAttributeAsync("rel", "noopener noreferrer");
        await Assertions.Expect(page.GetByTestId("company-lead")).ToContainTextAsync("Relaunch Website");
        await Assertions.Expect(page.GetByTestId("company-count-Running")).ToContainTextAsync("1");
        await Assertions.Expect(page.GetByTestId("company-weighted")).ToHaveAttributeAsync("data-amount", _weighted.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("company-history").GetByTestId("history-entry").Last).ToHaveTextAsync("Kunde angelegt: Alpenblick AG");

        await page.GetByTestId("company-lead").GetByRole(AriaRole.Link, new() { Name = "Relaunch Website" }).ClickAsync();
        await page.WaitForURLAsync($"**/leads/{_lead}");
    }

    [Fact]
    public async Task A_rename_in_one_session_shows_on_the_lead_page_and_the_company_page_of_another_without_reload()
    {
        var leadPage = await OwnerAsync($"leads/{_lead}");
        var companyPage = await OpenAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword, $"companies/{_company}");
        await Assertions.Expect(leadPage.Locator(".lead-fields")).ToContainTextAsync("Alpenblick AG");

        var version = (await UseAsync<CompanyDetailsQuery, CompanyPageData?>(q => q.GetAsync(_company)))!.Company;
        await UseAsync<CompanyCommands, int>(async c =>
        {
            await c.UpdateAsync(_company, version.Version, CompanyInput.Of(version) with { Name = "Alpenblick Holding AG" }, _owner);
            return 0;
        });

        await Assertions.Expect(leadPage.Locator(".lead-fields")).ToContainTextAsync("Alpenblick Holding AG");
        await Assertions.Expect(companyPage.GetByTestId("company-name")).ToHaveTextAsync("Alpenblick Holding AG");
        await Assertions.Expect(companyPage.GetByTestId("company-history").GetByTestId("history-entry").First).ToHaveTextAsync("Name: Alpenblick AG → Alpenblick Holding AG");
    }

    [Fact]
    public async Task A_contact_person_is_added_in_the_dialog_with_errors_at_the_field_and_cannot_be_removed_while_a_lead_names_them()
    {
        var page = await OwnerAsync($"companies/{_company}");

        await page.GetByTestId("person-add").ClickAsync();
        await page.GetByTestId("person-salutation").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText("Frau", new() { Exact = true }).ClickAsync();
        await page.GetByTestId("person-first-name").FillAsync("Jana");
        await page.GetByTestId("person-last-name").FillAsync("Schmid");
        await page.GetByTestId("person-email").FillAsync("keine-adresse");
        await page.GetByTestId("person-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-input-helper-text.mud-input-error")).ToHaveTextAsync("Bitte eine gültige E-Mail-Adresse eingeben.");

        await page.GetByTestId("person-email").FillAsync("jana@alpenblick.ch");
        await page.GetByTestId("person-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("person-save")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("person-name")).ToHaveTextAsync("Frau Jana Schmid");
        await Assertions.Expect(page.GetByTestId("company-history").GetByTestId("history-entry").First).ToHaveTextAsync("Ansprechpartner Jana Schmid hinzugefügt");

        // A lead names her now: removing her is refused with the reason.
        var lead = await App.LeadAsync(_lead);
        var personId = (await UseAsync<CompanyDetailsQuery, CompanyPageData?>(q => q.GetAsync(_company)))!.Company.People.Single().Id;
        await UseAsync<LeadCommands, int>(async c =>
        {
            await c.UpdateAsync(_lead, lead.Version, new LeadInput
            {
                Name = lead.Name, ResponsibleUserId = lead.ResponsibleUserId, Revenue = lead.Revenue.Amount, Currency = lead.Revenue.Currency.Code,
                NextActionOn = lead.NextActionOn, CompanyId = _company, ContactPersonId = personId,
            }, _owner);
            return 0;
        });
        await page.GetByTestId("person-remove").ClickAsync();
        await page.Locator(".mud-message-box").GetByRole(AriaRole.Button, new() { Name = "Ansprechpartner entfernen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Jana Schmid ist Ansprechpartner in 1 Leads");
        await Assertions.Expect(page.GetByTestId("person-row")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_member_sees_no_delete_or_merge_and_the_owner_merges_the_duplicate_into_the_company_that_stays()
    {
        var survivor = await UseAsync<CompanyCommands, int>(c => c.CreateAsync(new CompanyInput { Name = "Alpenblick Gruppe" }, _owner));
        var member = await OpenAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword, $"companies/{_company}");
        await Assertions.Expect(member.GetByTestId("company-edit")).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByTestId("company-merge")).ToHaveCountAsync(0);
        await Assertions.Expect(member.GetByTestId("company-delete")).ToHaveCountAsync(0);

        var owner = await OwnerAsync($"companies/{_company}");
        await owner.GetByTestId("company-merge").ClickAsync();
        await owner.GetByTestId("merge-target").FillAsync("Gruppe");
        await owner.Locator(".mud-popover-open .mud-list-item").GetByText("Alpenblick Gruppe (K-0002)").ClickAsync();
        await Assertions.Expect(owner.GetByTestId("merge-summary")).ToContainTextAsync("1 Leads, 0 Ansprechpartner und der Verlauf gehen zu Alpenblick Gruppe");
        await owner.GetByTestId("merge-confirm").ClickAsync();

        // What the owner sees, not the address alone: a refusal would show here in a snackbar, and the failure says so.
        await Assertions.Expect(owner.GetByTestId("company-name")).ToHaveTextAsync("Alpenblick Gruppe");
        await Assertions.Expect(owner).ToHaveURLAsync(new Regex($"/companies/{survivor}$"));
        await Assertions.Expect(owner.GetByTestId("company-history").GetByTestId("history-entry").First).ToHaveTextAsync("Alpenblick AG (K-0001) zusammengeführt");
        await Assertions.Expect(owner.GetByTestId("company-lead")).ToContainTextAsync("Relaunch Website");

        // The session still showing the duplicate says where it went, with a link there, instead of an error.
        await Assertions.Expect(member.GetByTestId("company-gone")).ToContainTextAsync("Alpenblick AG wurde zusammengeführt mit:");
        await Assertions.Expect(member.GetByTestId("company-gone-link")).ToHaveTextAsync("Alpenblick Gruppe");

        await owner.GotoAsync($"leads/{_lead}");
        await Assertions.Expect(owner.Locator(".lead-fields")).ToContainTextAsync("Alpenblick Gruppe");
    }

    [Fact]
    public async Task Deleting_a_company_with_leads_is_refused_and_offers_the_merge_and_one_without_leads_goes_back_to_the_list()
    {
        var empty = await UseAsync<CompanyCommands, int>(c => c.CreateAsync(new CompanyInput { Name = "Leer GmbH" }, _owner));
        var page = await OwnerAsync($"companies/{_company}");

        await page.GetByTestId("company-delete").ClickAsync();
        await page.Locator(".mud-message-box").GetByRole(AriaRole.Button, new() { Name = "Löschen" }).ClickAsync();
        var refusal = page.Locator(".mud-message-box");
        await Assertions.Expect(refusal).ToContainTextAsync("Alpenblick AG hat 1 Leads und kann nicht gelöscht werden.");
        await refusal.GetByRole(AriaRole.Button, new() { Name = "Zusammenführen…" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("merge-dialog")).ToBeVisibleAsync();
        await page.GetByTestId("merge-cancel").ClickAsync();

        await page.GotoAsync($"companies/{empty}");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("company-delete").ClickAsync();
        await page.Locator(".mud-message-box").GetByRole(AriaRole.Button, new() { Name = "Löschen" }).ClickAsync();
        // The list's address is what the person sees; polled, not awaited as a navigation event (Blazor moves within the page).
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/companies$"));
        Assert.Null(await UseAsync<CompanyDetailsQuery, CompanyPageData?>(q => q.GetAsync(empty)));
    }

    [Fact]
    public async Task An_unknown_company_is_a_friendly_not_found_state()
    {
        var page = await OwnerAsync("companies/999");

        await Assertions.Expect(page.GetByTestId("company-not-found")).ToContainTextAsync("Diesen Kunden gibt es nicht (mehr).");
    }
}
