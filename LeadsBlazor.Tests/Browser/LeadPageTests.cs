using System.Text;
using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>The lead page's files, labels and service period in a real Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LeadPageTests(BrowserFixture browser)
    : BrowserTest(browser, new LeadsAppFactory(settings: new Dictionary<string, string?> { ["Attachments:MaxBytes"] = "4096" }))
{
    private int _lead;

    protected override async Task ArrangeAsync() =>
        _lead = await App.CreateLeadAsync("Mit Dateien", 1_000m, await App.UserIdAsync(LeadsAppFactory.OwnerEmail), null);

    private Task<IPage> OpenLeadAsync() => OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, $"leads/{_lead}");

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_with_a_message_and_a_small_one_is_listed_and_downloads()
    {
        var page = await OpenLeadAsync();
        // MudFileUpload keeps a fresh file input for the next pick: the last one is the one a click opens.
        ILocator Input() => page.GetByTestId("attachment-upload").Last;

        await Input().ChooseFileAsync(new FilePayload { Name = "gross.txt", MimeType = "text/plain", Buffer = new byte[5000] });
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Die Datei ist zu groß: höchstens 4 KB.");
        await Assertions.Expect(page.GetByTestId("attachment")).ToHaveCountAsync(0);

        await Input().ChooseFileAsync(new FilePayload { Name = "angebot.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("Angebot 2026") });
        await Assertions.Expect(page.GetByTestId("attachment-link")).ToHaveTextAsync("angebot.txt");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("attachment-link").ClickAsync());
        Assert.Equal("angebot.txt", download.SuggestedFilename);
        Assert.Equal("Angebot 2026", await File.ReadAllTextAsync((await download.PathAsync())!));
        await Assertions.Expect(page.GetByTestId("history-entry").First).ToHaveTextAsync("Datei angehängt: angebot.txt");
    }

    [Fact]
    public async Task The_service_period_is_typed_in_the_form_refused_when_it_ends_before_it_starts_and_shown_on_the_page()
    {
        var page = await OpenLeadAsync();
        var shown = page.GetByTestId("lead-service-period");
        await Assertions.Expect(shown).ToHaveTextAsync("—");
        var (from, to) = (page.GetByTestId("field-service-from"), page.GetByTestId("field-service-to"));
        async Task TypeAsync(ILocator field, string date)
        {
            await field.FillAsync(date);
            await field.PressAsync("Tab");
        }

        await page.OpenLeadFormAsync("action-edit");
        await TypeAsync(from, "01.07.2027");
        await TypeAsync(to, "30.06.2027");
        await page.GetByTestId("lead-save").ClickAsync();

        var toControl = page.Locator(".mud-input-control").Filter(new() { Has = to }).Last;
        await Assertions.Expect(toControl.Locator(".mud-input-helper-text.mud-input-error")).ToHaveTextAsync("Das Ende darf nicht vor dem Beginn liegen.");
        await Assertions.Expect(from).ToHaveValueAsync("01.07.2027");
        await Assertions.Expect(to).ToHaveValueAsync("30.06.2027");

        await TypeAsync(from, "01.03.2027");
        await page.GetByTestId("lead-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("lead-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(shown).ToHaveTextAsync("01.03.2027 – 30.06.2027");

        // Clearing the start leaves a period open at its start.
        await page.OpenLeadFormAsync("action-edit");
        await Assertions.Expect(from).ToHaveValueAsync("01.03.2027");
        await TypeAsync(from, "");
        await page.GetByTestId("lead-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("lead-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(shown).ToHaveTextAsync("bis 30.06.2027");
        await Assertions.Expect(page.GetByTestId("history-entry").First).ToHaveTextAsync("Leistungszeitraum von: 01.03.2027 → —");
    }

    [Fact]
    public async Task A_new_label_is_created_from_the_navigation_and_put_on_the_lead_with_one_click()
    {
        var page = await OpenLeadAsync();

        await page.GetByTestId("label-new").ClickAsync();
        await page.GetByTestId("label-name").FillAsync("Messe 2027");
        await page.GetByTestId("label-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("label-nav").Locator("[data-label='Messe 2027']")).ToBeVisibleAsync();

        var toggle = page.GetByTestId("label-toggle").Filter(new() { HasText = "Messe 2027" });
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("data-on", "true");
        await Assertions.Expect(page.GetByTestId("label-nav").Locator("[data-label='Messe 2027'] [data-testid=label-count]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("history-entry").First).ToHaveTextAsync("Label hinzugefügt: Messe 2027");
    }
}
