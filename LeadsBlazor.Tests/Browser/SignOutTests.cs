using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignOutTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Signing_out_from_the_user_menu_ends_the_session()
    {
        var page = await NewPageAsync();
        await page.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);

        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync("**/Account/Login");

        await page.GotoAsync("leads");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }

    [Fact]
    public async Task Dark_mode_is_kept_after_a_reload()
    {
        var page = await NewPageAsync();
        await page.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);

        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByTestId("theme-dark").ClickAndWaitForPageAsync(page);
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();

        await page.GetByTestId("user-menu").ClickAsync();
        await Assertions.Expect(page.GetByTestId("theme-light")).ToBeVisibleAsync();
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').trim()");
        Assert.Equal(new MudBlazor.PaletteDark().Background.ToString(MudBlazor.Utilities.MudColorOutputFormats.RGBA), background.Replace(" ", "", StringComparison.Ordinal), ignoreCase: true);
    }
}
