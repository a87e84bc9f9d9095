using System.Text.RegularExpressions;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Settings.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Security;

/// <summary>An open page (a live circuit) ends with its session, without waiting for a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CircuitSessionTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_deactivated_users_open_board_goes_to_sign_in()
    {
        await App.CreateMemberAsync();
        var page = await OpenAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword, "leads");
        var (memberId, ownerId) = (await App.UserIdAsync(LeadsAppFactory.MemberEmail), await App.UserIdAsync(LeadsAppFactory.OwnerEmail));

        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserCommands>().SetActiveAsync(memberId, false, ownerId);
        }

        await Assertions.Expect(page).ToHaveURLAsync(SignInPage());
    }

    [GeneratedRegex("/Account/Login")]
    private static partial Regex SignInPage();
}
