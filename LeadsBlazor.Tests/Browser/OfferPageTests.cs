using System.Text.RegularExpressions;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Customers;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace LeadsBlazor.Tests.Browser;

/// <summary>
/// Issue 16, acceptance 3: an offer made from the lead page and written in the browser prints the sums it shows, goes
/// out by mail with its PDF, gets a variant that is archived, and is archived itself when the lead is lost; the lead's
/// history shows each step.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfferPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string ContactEmail = "jana.schmid@mueller.example";
    private int _lead;
    private int _offer;
    private string _number = "";

    protected override async Task ArrangeAsync()
    {
        var owner = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        var stages = await App.StagesAsync();
        using var scope = App.Services.CreateScope();
        var companies = scope.ServiceProvider.GetRequiredService<CompanyCommands>();
        var company = await companies.CreateAsync(new CompanyInput { Name = "Müller GmbH", Street = "Hauptstraße 1", Postcode = "80331", City = "München", CountryCode = "DE" }, owner);
        var person = await companies.AddPersonAsync(company, new PersonDetails(Salutation.Ms, "Jana", "Schmid", Email: ContactEmail), owner);
        _lead = await scope.ServiceProvider.GetRequiredService<LeadCommands>().CreateAsync(new LeadInput
        {
            Name = "Relaunch Website",
            ResponsibleUserId = owner,
            Revenue = 5_000m,
            Currency = "EUR",
            NextActionOn = DateOnly.FromDateTime(App.Time.GetUtcNow().UtcDateTime).AddDays(5),
            StageId = stages[2].Id,
            CompanyId = company,
            ContactPersonId = person,
        }, owner);
    }

    // An offer on the lead made the way a colleague's session would, for the tests that start on the offer page.
    private async Task CreateOfferAsync()
    {
        using var scope = App.Services.CreateScope();
        _offer = await scope.ServiceProvider.GetRequiredService<OfferCommands>().CreateAsync(_lead, await App.UserIdAsync(LeadsAppFactory.OwnerEmail));
        _number = (await StoredOfferAsync()).Number;
    }

    // The offer as stored now, to change it the way another session would.
    private async Task<LeadsBlazor.Domain.Offers.Offer> StoredOfferAsync()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<LeadsDbContext>>().CreateDbContextAsync();
        return await db.Offers.AsNoTracking().SingleAsync(o => o.Id == _offer);
    }

    private static async Task AddItemAsync(IPage page, int index, string text, string quantity, string unit, string price)
    {
        await page.GetByTestId("offer-add-position").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Leistung" }).ClickAsync();
        var row = page.GetByTestId("offer-position").Nth(index);
        await row.GetByTestId("position-text").FillAsync(text);
        await row.GetByTestId("position-quantity").FillAsync(quantity);
        await row.GetByTestId("position-unit").FillAsync(unit);
        await row.GetByTestId("position-unit-price").FillAsync(price);
    }

    [Fact]
    public async Task An_offer_written_in_the_browser_prints_its_totals_is_mailed_gets_an_archived_variant_and_is_archived_with_its_lost_lead()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, $"leads/{_lead}");
        await page.GetByTestId("offer-new").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/offers/\d+$"));
        _offer = int.Parse(Regex.Match(page.Url, @"(\d+)$").Value, System.Globalization.CultureInfo.InvariantCulture);
        _number = (await StoredOfferAsync()).Number;
        await Assertions.Expect(page.GetByTestId("offer-number")).ToHaveTextAsync($"Angebot {_number}");
        await Assertions.Expect(page.GetByTestId("offer-status")).ToHaveTextAsync("Entwurf");
        await Assertions.Expect(page.GetByTestId("offer-field-recipient")).ToHaveValueAsync(new Regex("Müller GmbH"));

        await AddItemAsync(page, 0, "Konzept", "1", "pauschal", "2.400");
        await AddItemAsync(page, 1, "Design", "12,5", "Std.", "110");
        await AddItemAsync(page, 2, "Schulung der Redaktion", "4", "Std.", "120");
        await page.GetByTestId("offer-position").Nth(2).GetByText("Optional").ClickAsync();
        await page.GetByTestId("offer-field-discount").FillAsync("5");
        await page.GetByTestId("offer-field-tax-rate").FillAsync("19");
        await Assertions.Expect(page.GetByTestId("offer-unsaved")).ToHaveTextAsync("Ungespeicherte Änderungen");
        await page.GetByTestId("offer-save").ClickAsync();

        // 2.400 + 12,5 × 110 = 3.775 (the optional 480 left out); 5 % off: 3.586,25; 19 %: 681,39; together 4.267,64.
        await Assertions.Expect(page.GetByTestId("offer-unsaved")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("position-net")).ToHaveTextAsync(["2.400,00 €", "1.375,00 €", "480,00 €"]);
        await Assertions.Expect(page.GetByTestId("offer-items-net")).ToHaveTextAsync("3.775,00 €");
        await Assertions.Expect(page.GetByTestId("offer-discount")).ToHaveTextAsync("−188,75 €");
        await Assertions.Expect(page.GetByTestId("offer-tax")).ToHaveTextAsync("681,39 €");
        await Assertions.Expect(page.GetByTestId("offer-gross")).ToHaveTextAsync("4.267,64 €");
        var gross = (await page.GetByTestId("offer-gross").TextContentAsync())!.Replace("€", "", StringComparison.Ordinal).Trim();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("offer-pdf").ClickAsync());
        var path = Path.Combine(App.Folder, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        Assert.Equal($"Angebot_{_number}.pdf", download.SuggestedFilename);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await File.ReadAllBytesAsync(path)))
        {
            var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
            Assert.Contains(gross, words);
            Assert.Contains("Schulung", words);
        }

        await page.GetByTestId("offer-send").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync(ContactEmail);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Versenden" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("offer-status")).ToHaveTextAsync("Versendet");
        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = ContactEmail })).ToHaveTextAsync($"Angebot {_number} an {ContactEmail} gesendet.");
        await Assertions.Expect(page.GetByTestId("offer-read-only")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("position-text").First).ToHaveAttributeAsync("readonly", "");
        var mail = await MimeMessage.LoadAsync(Assert.Single(await MailFolder.WaitForMailsAsync(App.MailFolder, 1)));
        Assert.Equal(ContactEmail, mail.To.Mailboxes.Single().Address);
        var attached = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.Equal(($"Angebot_{_number}.pdf", "application/pdf"), (attached.FileName, attached.ContentType.MimeType));

        await page.GetByTestId("offer-copy").ClickAsync();
        var variantNumber = Regex.Replace(_number, @"\d+$", m => (int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(new string('0', m.Value.Length), System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("offer-number")).ToHaveTextAsync($"Angebot {variantNumber}");
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex($"/offers/{_offer}$"));
        await Assertions.Expect(page.GetByTestId("offer-status")).ToHaveTextAsync("Entwurf");
        await Assertions.Expect(page.GetByTestId("offer-gross")).ToHaveTextAsync("4.267,64 €");
        await Assertions.Expect(page.GetByTestId("offer-variant")).ToContainTextAsync(_number);
        await page.GetByTestId("offer-archive").ClickAsync();
        await Assertions.Expect(page.GetByTestId("offer-status")).ToHaveTextAsync("Archiviert");

        await page.GetByTestId("offer-lead-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/leads/{_lead}$"));
        await page.WaitForCircuitAsync();
        await page.LoseLeadAsync("Wettbewerber");

        var history = page.GetByTestId("history-entry");
        await Assertions.Expect(history.Filter(new() { HasText = $"Angebot {_number} angelegt" })).ToHaveCountAsync(1);
        await Assertions.Expect(history.Filter(new() { HasText = $"Angebot {_number}: Entwurf → Versendet" })).ToHaveCountAsync(1);
        await Assertions.Expect(history.Filter(new() { HasText = $"Angebot {variantNumber} als Variante von {_number} angelegt" })).ToHaveCountAsync(1);
        await Assertions.Expect(history.Filter(new() { HasText = $"Angebot {variantNumber}: Entwurf → Archiviert" })).ToHaveCountAsync(1);
        await Assertions.Expect(history.Filter(new() { HasText = $"Angebot {_number}: Versendet → Archiviert" })).ToHaveCountAsync(1);

        await page.GotoAsync($"offers/{_offer}");
        await Assertions.Expect(page.GetByTestId("offer-status")).ToHaveTextAsync("Archiviert");
    }

    [Fact]
    public async Task A_save_by_someone_else_keeps_the_input_typed_here_until_the_user_reloads()
    {
        await CreateOfferAsync();
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, $"offers/{_offer}");
        await page.GetByTestId("offer-field-title").FillAsync("Relaunch mit Shop");
        await Assertions.Expect(page.GetByTestId("offer-unsaved")).ToBeVisibleAsync();

        var offer = await StoredOfferAsync();
        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<OfferCommands>().UpdateAsync(_offer, offer.Version, offer.Details() with { Title = "Relaunch ohne Shop" }, [], await App.UserIdAsync(LeadsAppFactory.OwnerEmail));
        }

        await Assertions.Expect(page.GetByTestId("offer-changed-meanwhile")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("offer-field-title")).ToHaveValueAsync("Relaunch mit Shop");
        await page.GetByTestId("offer-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("offer-field-title")).ToHaveValueAsync("Relaunch mit Shop");

        await page.GetByTestId("offer-reload").ClickAsync();
        await Assertions.Expect(page.GetByTestId("offer-field-title")).ToHaveValueAsync("Relaunch ohne Shop");
        await Assertions.Expect(page.GetByTestId("offer-changed-meanwhile")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("offer-unsaved")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_deleted_offer_says_it_is_gone_and_links_to_all_offers()
    {
        await CreateOfferAsync();
        var version = (await StoredOfferAsync()).Version;
        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<OfferCommands>().DeleteAsync(_offer, version, await App.UserIdAsync(LeadsAppFactory.OwnerEmail));
        }

        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, $"offers/{_offer}");

        await Assertions.Expect(page.GetByTestId("offer-not-found")).ToContainTextAsync("Dieses Angebot gibt es nicht mehr.");
        await Assertions.Expect(page.GetByTestId("offer-not-found").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "offers");
    }
}
