using System.Text.RegularExpressions;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>The lead lists, the lead dialog and the lead page in a real Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LeadListTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_lead_goes_from_the_dialog_through_potential_and_the_board_to_lost_and_its_history_tells_each_step()
    {
        var page = await NewPageAsync();
        await page.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        await page.GotoAsync("leads/potential");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("lead-grid")).ToContainTextAsync("Zeilen pro Seite");

        await page.OpenLeadFormAsync("new-lead");
        await page.GetByTestId("field-name").FillAsync("Intranet für die Stadtwerke");
        await page.GetByTestId("field-revenue").FillAsync("24000");
        await page.GetByTestId("lead-save").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/leads/\d+$"));
        var leadId = int.Parse(Regex.Match(page.Url, @"/leads/(\d+)$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.GetByTestId("lead-status")).ToHaveTextAsync("Kontaktpotential");

        await page.GetByTestId("nav-potential").ClickAsync();
        var row = page.GetByTestId("lead-grid").Locator("tr", new() { HasText = "Intranet für die Stadtwerke" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await row.GetByTestId("start-lead").ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);

        await page.GetByTestId("nav-leads").ClickAsync();
        await Assertions.Expect(page.CardIn("Erstkontakt", leadId)).ToBeVisibleAsync();

        await page.GotoAsync($"leads/{leadId}");
        await page.WaitForCircuitAsync();
        await page.LoseLeadAsync("Wettbewerber");

        await page.GotoAsync("leads/all?tab=lost");
        await page.WaitForCircuitAsync();
        var lost = page.GetByTestId("lead-grid").Locator("tr", new() { HasText = "Intranet für die Stadtwerke" });
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(App.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
        await Assertions.Expect(lost).ToContainTextAsync(today.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("status-tabs")).ToContainTextAsync("Verloren (1)");

        await page.GotoAsync($"leads/{leadId}");
        var history = page.GetByTestId("history-entry");
        await Assertions.Expect(history.Filter(new() { HasText = "Status: Laufend → Verloren" })).ToHaveCountAsync(1);
        await Assertions.Expect(history.Filter(new() { HasText = "Status: Kontaktpotential → Laufend" })).ToHaveCountAsync(1);
        await Assertions.Expect(history.Filter(new() { HasText = "Akquise-Stufe: — → Erstkontakt" })).ToHaveCountAsync(1);
        await Assertions.Expect(history.Filter(new() { HasText = "Angelegt als Kontaktpotential" })).ToHaveCountAsync(1);
        Assert.Equal(LeadStatus.Lost, (await App.LeadAsync(leadId)).Status);
    }

    [Fact]
    public async Task Two_labels_filter_every_view_to_the_leads_carrying_both_and_the_url_keeps_the_view()
    {
        var owner = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        var stages = await App.StagesAsync();
        var web = await App.CreateLabelAsync("Website", "#1e88e5");
        var hot = await App.CreateLabelAsync("Heiß", "#e53935");
        var both = await App.CreateLeadAsync("Beide Labels", 10_000m, owner, stages[0].Id, labelIds: [web, hot]);
        await App.CreateLeadAsync("Nur Website", 20_000m, owner, stages[0].Id, labelIds: [web]);
        await App.CreateLeadAsync("Nur Heiß, Potential", 30_000m, owner, null, labelIds: [hot]);
        await App.CreateLeadAsync("Beide, Potential", 40_000m, owner, null, labelIds: [web, hot]);

        var page = await NewPageAsync();
        await page.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        var nav = page.GetByTestId("label-nav");
        await Assertions.Expect(nav.Locator("[data-label=Website] [data-testid=label-count]")).ToHaveTextAsync("3");
        await Assertions.Expect(nav.Locator("[data-label=Heiß] [data-testid=label-count]")).ToHaveTextAsync("3");

        await nav.Locator("[data-label=Website]").ClickAsync();
        await nav.Locator("[data-label=Heiß]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"labels={Math.Min(web, hot)}(%2C|,){Math.Max(web, hot)}"));
        await Assertions.Expect(page.GetByTestId("lead-card")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Card(both)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("running-count")).ToHaveTextAsync("1");

        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("lead-card")).ToHaveCountAsync(1);
        await Assertions.Expect(nav.Locator("[data-chosen=true]")).ToHaveCountAsync(2);

        await page.GetByTestId("nav-potential").ClickAsync();
        await page.GotoAsync($"leads/potential?labels={web},{hot}");
        await page.WaitForCircuitAsync();
        var rows = page.GetByTestId("lead-grid").GetByTestId("lead-link");
        await Assertions.Expect(rows).ToHaveTextAsync(["Beide, Potential"]);

        await page.GotoAsync($"leads/all?tab=running&labels={web},{hot}");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("lead-grid").GetByTestId("lead-link")).ToHaveTextAsync(["Beide Labels"]);
        await Assertions.Expect(page.GetByTestId("status-tabs")).ToContainTextAsync("Kontaktpotential (1)");
    }

    [Fact]
    public async Task A_note_with_markup_shows_as_text_with_its_line_breaks()
    {
        var owner = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        var leadId = await App.CreateLeadAsync("Notizen", 1_000m, owner, null);
        var page = await NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        await page.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        await page.GotoAsync($"leads/{leadId}");
        await page.WaitForCircuitAsync();

        await page.GetByTestId("note-text").FillAsync("Erste Zeile\n<script>alert(1)</script>");
        await page.GetByTestId("note-add").ClickAsync();

        var note = page.GetByTestId("note").First;
        await Assertions.Expect(note).ToContainTextAsync("<script>alert(1)</script>");
        Assert.Equal(0, await note.Locator("script").CountAsync());
        Assert.Contains("Erste Zeile\n<script>", await note.Locator(".lead-text").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task Neuer_Lead_follows_the_view_potential_on_the_potential_list_running_on_the_running_tab_potential_on_a_closed_tab()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads/potential");

        await page.OpenLeadFormAsync("new-lead");
        await Assertions.Expect(page.GetByTestId("field-stage")).ToContainTextAsync("Kontaktpotential");
        await page.GetByTestId("field-name").FillAsync("Messestand");
        await page.GetByTestId("lead-save").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/leads/\d+$"));
        await Assertions.Expect(page.GetByTestId("lead-status")).ToHaveTextAsync("Kontaktpotential");

        await page.GotoAsync("leads/all?tab=running");
        await page.WaitForCircuitAsync();
        await page.OpenLeadFormAsync("new-lead");
        await Assertions.Expect(page.GetByTestId("field-stage")).ToContainTextAsync("Laufend: Erstkontakt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Abbrechen" }).ClickAsync();

        await page.GotoAsync("leads/all?tab=won");
        await page.WaitForCircuitAsync();
        await page.OpenLeadFormAsync("new-lead");
        await Assertions.Expect(page.GetByTestId("field-stage")).ToContainTextAsync("Kontaktpotential");
    }
}
