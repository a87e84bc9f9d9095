using System.Text.RegularExpressions;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>The lead page's offers in a real Chromium: a new offer, taking its revenue, archived offers, a lost lead.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LeadOffersTests(BrowserFixture browser) : BrowserTest(browser)
{
    private int _lead;
    private string _owner = "";

    protected override async Task ArrangeAsync()
    {
        _owner = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        var stages = await App.StagesAsync();
        _lead = await App.Services.CreateCustomerLeadAsync("Relaunch Website", _owner, "Müller GmbH", revenue: 10_000m, stageId: stages[1].Id);
    }

    private async Task<IReadOnlyList<Offer>> OffersOfLeadAsync()
    {
        using var scope = App.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LeadsDbContext>>().CreateDbContextAsync();
        return await db.Offers.AsNoTracking().Where(o => o.LeadId == _lead).ToListAsync();
    }

    [Fact]
    public async Task New_offer_makes_a_draft_on_the_lead_and_opens_it()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, $"leads/{_lead}");
        await Assertions.Expect(page.GetByTestId("lead-offers-empty")).ToBeVisibleAsync();

        await page.GetByTestId("offer-new").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/offers/\d+$"));
        var offer = Assert.Single(await OffersOfLeadAsync());
        Assert.EndsWith($"/offers/{offer.Id}", page.Url, StringComparison.Ordinal);
        Assert.Equal((OfferStatus.Draft, "Relaunch Website"), (offer.Status, offer.Title));
    }

    [Fact]
    public async Task Taking_an_offers_revenue_asks_first_then_the_lead_shows_the_offers_net_sum()
    {
        await App.Services.CreateOfferAsync(_lead, _owner, "Webshop", 12_345m);
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, $"leads/{_lead}");
        var row = page.GetByTestId("lead-offer");
        await Assertions.Expect(row).ToContainTextAsync("Webshop");
        await Assertions.Expect(row.GetByTestId("lead-offer-gross")).ToHaveTextAsync("14.690,55 €");
        await Assertions.Expect(row.GetByTestId("offer-status")).ToHaveTextAsync("Entwurf");
        await Assertions.Expect(page.GetByTestId("lead-revenue")).ToHaveTextAsync("10.000,00 €");

        await row.GetByTestId("offer-take-revenue").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("10.000,00 €");
        await Assertions.Expect(dialog).ToContainTextAsync("12.345,00 €");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Umsatz übernehmen" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Möglicher Umsatz auf 12.345,00 € gesetzt")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("lead-revenue")).ToHaveTextAsync("12.345,00 €");
        Assert.Equal(12_345m, (await App.LeadAsync(_lead)).Revenue.Amount);
    }

    [Fact]
    public async Task Archived_offers_wait_behind_a_switch_dimmed_and_a_lost_lead_archives_its_open_offers_and_takes_no_new_one()
    {
        var webshop = await App.Services.CreateOfferAsync(_lead, _owner, "Webshop", 1_000m);
        var flyer = await App.Services.CreateOfferAsync(_lead, _owner, "Flyer", 300m);
        await App.Services.ChangeOfferAsync(flyer, _owner, (c, id, version, user) => c.ArchiveAsync(id, version, user));
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, $"leads/{_lead}");
        var rows = page.GetByTestId("lead-offer");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync("Webshop");

        await page.GetByTestId("offers-show-archived").ClickAsync();
        var archived = page.Locator($"[data-testid=lead-offer][data-offer-id='{flyer}']");
        await Assertions.Expect(archived).ToHaveAttributeAsync("data-archived", "true");
        await Assertions.Expect(archived).ToHaveClassAsync(new Regex("mud-text-secondary"));
        await Assertions.Expect(archived.GetByTestId("offer-status")).ToHaveTextAsync("Archiviert");

        await page.GetByTestId("action-lost").ClickAsync();
        await page.GetByTestId("close-reason").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Wettbewerber" }).ClickAsync();
        await page.GetByTestId("close-confirm").ClickAsync();

        var open = page.Locator($"[data-testid=lead-offer][data-offer-id='{webshop}']");
        await Assertions.Expect(open).ToHaveAttributeAsync("data-archived", "true");
        await Assertions.Expect(page.GetByTestId("offer-new")).ToBeDisabledAsync();
        Assert.All(await OffersOfLeadAsync(), o => Assert.Equal(OfferStatus.Archived, o.Status));
    }
}
