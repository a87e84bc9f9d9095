using System.Text.RegularExpressions;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Settings.Currencies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>The revenue of a new lead as the user types it, and leaving the lead dialog with Escape or Cancel, in a real Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RevenueInputTests(BrowserFixture browser) : BrowserTest(browser)
{
    protected override async Task ArrangeAsync()
    {
        using var scope = App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<CurrencyCommands>().SetRateAsync("CHF", 1.06m, await App.UserIdAsync(LeadsAppFactory.OwnerEmail));
    }

    private async Task<IPage> NewLeadDialogAsync()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads/potential");
        await page.OpenLeadFormAsync("new-lead");
        return page;
    }

    [Fact]
    public async Task Typing_5000_into_the_empty_revenue_field_saves_5000_euros()
    {
        var page = await NewLeadDialogAsync();
        var revenue = page.GetByTestId("field-revenue");
        await Assertions.Expect(revenue).ToHaveValueAsync("");

        await page.GetByTestId("field-name").FillAsync("Intranet für die Stadtwerke");
        await revenue.FillAsync("5000");
        await revenue.BlurAsync();
        await Assertions.Expect(revenue).ToHaveValueAsync("5.000,00");
        await page.GetByTestId("lead-save").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/leads/\d+$"));
        await Assertions.Expect(page.Locator("dd", new() { HasText = "5.000,00 €" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_revenue_that_names_CHF_makes_the_lead_a_CHF_lead()
    {
        var page = await NewLeadDialogAsync();
        await page.GetByTestId("field-name").FillAsync("Hotel Alpenblick");
        await page.GetByTestId("field-revenue").FillAsync("CHF 3'500");
        await page.GetByTestId("lead-save").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/leads/\d+$"));
        await Assertions.Expect(page.Locator("dd", new() { HasText = "3.500,00 CHF" })).ToBeVisibleAsync();
        var leadId = int.Parse(Regex.Match(page.Url, @"/leads/(\d+)$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((3500m, "CHF"), ((await App.LeadAsync(leadId)).Revenue.Amount, (await App.LeadAsync(leadId)).Revenue.Currency.Code));
    }

    [Fact]
    public async Task A_wrong_revenue_says_why_at_the_field_when_the_user_leaves_it()
    {
        var page = await NewLeadDialogAsync();
        var revenue = page.GetByTestId("field-revenue");
        var field = page.Locator(".mud-input-control", new() { Has = revenue });

        await revenue.FillAsync("5000x");
        await Assertions.Expect(field.Locator(".mud-input-error")).ToHaveCountAsync(0);
        await revenue.BlurAsync();
        await Assertions.Expect(field).ToContainTextAsync("„5000x“ ist kein Betrag.");

        await revenue.FillAsync("5,1234");
        await revenue.BlurAsync();
        await Assertions.Expect(field).ToContainTextAsync("Höchstens 2 Nachkommastellen.");

        await revenue.FillAsync("USD 100");
        await page.GetByTestId("lead-save").ClickAsync();
        await Assertions.Expect(field).ToContainTextAsync("Die Währung USD ist in diesem Account nicht eingerichtet.");
        await Assertions.Expect(page.GetByTestId("lead-dialog")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Escape_closes_the_new_lead_dialog()
    {
        var page = await NewLeadDialogAsync();

        // The user is in the form (MudBlazor's dialog and the form both place the focus as it opens; which comes last varies).
        await page.GetByTestId("field-name").ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByTestId("lead-dialog")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Escape_with_typed_input_asks_first_and_keeps_the_input_unless_the_user_discards_it()
    {
        var page = await NewLeadDialogAsync();
        var name = page.GetByTestId("field-name");
        await name.FillAsync("Relaunch Stadtwerke");
        var question = page.GetByRole(AriaRole.Dialog).Filter(new() { HasText = "Eingaben verwerfen?" });

        await page.Keyboard.PressAsync("Escape");
        await question.GetByRole(AriaRole.Button, new() { Name = "Weiter bearbeiten" }).ClickAsync();
        await Assertions.Expect(question).ToHaveCountAsync(0);
        await Assertions.Expect(name).ToHaveValueAsync("Relaunch Stadtwerke");

        // Escape on the question answers it the same way, and does not ask again.
        await name.ClickAsync();
        await page.Keyboard.PressAsync("Escape");

        // The safe answer has the focus, as the question finishes opening; Enter there would keep editing too.
        await Assertions.Expect(question.GetByRole(AriaRole.Button, new() { Name = "Weiter bearbeiten" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(question).ToHaveCountAsync(0);
        await Assertions.Expect(name).ToHaveValueAsync("Relaunch Stadtwerke");

        await page.GetByTestId("lead-cancel").ClickAsync();
        await question.GetByRole(AriaRole.Button, new() { Name = "Verwerfen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("lead-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("lead-grid")).Not.ToContainTextAsync("Relaunch Stadtwerke");
    }
}
