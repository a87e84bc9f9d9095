using System.Text;
using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>The project page in a real Chromium: choosing an offer for billing (live in a second session), notes and files.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProjectPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    private int _project;
    private int _firstOffer;

    protected override async Task ArrangeAsync()
    {
        await App.CreateMemberAsync();
        var owner = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        (var lead, _firstOffer, _) = await App.Services.CreateWonLeadWithTwoOffersAsync(owner);
        _project = await App.Services.CreateProjectFromLeadAsync(lead, owner, "Relaunch Phase 1");
    }

    [Fact]
    public async Task An_offer_chosen_for_billing_shows_as_billed_in_a_second_session_without_a_reload()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, $"projects/{_project}");
        var other = await OpenAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword, $"projects/{_project}");
        ILocator Row(IPage p) => p.Locator($"[data-testid=project-offer][data-offer-id='{_firstOffer}']");
        await Assertions.Expect(page.GetByTestId("project-name")).ToHaveTextAsync("Relaunch Phase 1");
        await Assertions.Expect(Row(other).GetByTestId("offer-status")).ToHaveTextAsync("Bestätigt");

        await Row(page).GetByTestId("offer-bill").ClickAsync();

        await Assertions.Expect(Row(page)).ToHaveAttributeAsync("data-billed-here", "true");
        await Assertions.Expect(Row(page).GetByTestId("offer-status")).ToHaveTextAsync("Verrechnet");
        await Assertions.Expect(Row(other).GetByTestId("offer-status")).ToHaveTextAsync("Verrechnet");
        await Assertions.Expect(Row(other).GetByTestId("offer-bill")).ToBeCheckedAsync();
        await Assertions.Expect(other.GetByTestId("history-entry").First).ToContainTextAsync("zur Abrechnung gewählt");
    }

    [Fact]
    public async Task A_note_is_added_and_a_file_is_attached_and_downloads()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, $"projects/{_project}");

        await page.GetByTestId("note-text").FillAsync("Kick-off am Montag\nmit dem ganzen Team");
        await page.GetByTestId("note-add").ClickAsync();
        await Assertions.Expect(page.GetByTestId("note")).ToContainTextAsync("Kick-off am Montag");
        await Assertions.Expect(page.GetByTestId("history-entry").First).ToContainTextAsync("Notiz: Kick-off am Montag");

        // MudFileUpload keeps a fresh file input for the next pick: the last one is the one a click opens.
        await page.GetByTestId("attachment-upload").Last.ChooseFileAsync(new FilePayload { Name = "protokoll.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("Protokoll 2026") });
        await Assertions.Expect(page.GetByTestId("attachment-link")).ToHaveTextAsync("protokoll.txt");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("attachment-link").ClickAsync());
        Assert.Equal("protokoll.txt", download.SuggestedFilename);
        Assert.Equal("Protokoll 2026", await File.ReadAllTextAsync((await download.PathAsync())!));
        await Assertions.Expect(page.GetByTestId("history-entry").First).ToHaveTextAsync("Datei angehängt: protokoll.txt");
    }
}
