using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>Rule 12 on the users page: inviting someone, and the account's last owner staying one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UserSettingsTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static ILocator Row(IPage page, string email) => page.Locator($"[data-testid=user-row][data-email=\"{email}\"]");

    [Fact]
    public async Task The_owner_invites_a_user_who_then_appears_with_a_pending_invitation()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "settings/users");

        await page.GetByTestId("user-invite").ClickAsync();
        await page.GetByTestId("invite-name").WaitForCursorAsync();
        await page.GetByTestId("invite-name").FillAsync("Nina Neu");
        await page.GetByTestId("invite-email").FillAsync("nina@test.example");
        await page.GetByTestId("invite-send").ClickAsync();

        await Assertions.Expect(Row(page, "nina@test.example")).ToContainTextAsync("Einladung offen");
        await Assertions.Expect(page.GetByTestId("settings-log")).ToContainTextAsync("Benutzer eingeladen: Nina Neu <nina@test.example>");
        Assert.Single(Directory.GetFiles(App.MailFolder, "*.eml"));
    }

    [Fact]
    public async Task Demoting_the_last_owner_is_refused_with_a_message_at_the_role()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "settings/users");
        var owner = Row(page, LeadsAppFactory.OwnerEmail);

        await owner.GetByTestId("user-role").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText("Mitglied", new() { Exact = true }).ClickAsync();

        await Assertions.Expect(owner.Locator(".mud-input-helper-text.mud-input-error")).ToHaveTextAsync("Der Account braucht mindestens einen aktiven Account-Inhaber.");
        await Assertions.Expect(owner.GetByTestId("user-role")).ToHaveTextAsync("Account-Inhaber");
        await Assertions.Expect(page.GetByTestId("settings-log")).ToContainTextAsync("Noch keine Änderungen.");
    }
}
