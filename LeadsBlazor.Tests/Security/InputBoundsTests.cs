using System.Globalization;
using System.Net;
using System.Text;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Domain;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Attachments;
using LeadsBlazor.Web.Features.Excel;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Tests.Security;

/// <summary>Inputs at the edge of what they can hold (issue 14): huge amounts, dates from year 1 or 9999, a thousand ids in a URL, file names that lie on screen.</summary>
public abstract class InputBoundsTests : IDisposable
{
    private const string ThirtyTwoDigits = "12345678901234567890123456789012";
    private const string DateOutOfRange = "Das Datum muss zwischen 1900 und 2199 liegen.";

    private readonly PipelineApp _app;

    protected InputBoundsTests(DatabaseProvider provider)
    {
        _app = new PipelineApp(new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false" }, provider);
        // As a German user's request sets it.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
    }

    public void Dispose() => _app.Dispose();

    private IStringLocalizer<SharedResource> Text => _app.Get<IStringLocalizer<SharedResource>>();

    private async Task<ImportPreview> PreviewAsync(params Dictionary<string, object?>[] rows)
    {
        var read = _app.Get<ImportSheet>().Read(ImportBoundsTests.Sheet(rows), out var errors);
        Assert.Empty(errors);
        return await _app.Get<LeadImport>().PreviewAsync(read, errors, _app.OwnerId);
    }

    private async Task<LeadFormModel> FormAsync(Action<LeadFormModel> fill)
    {
        var form = new LeadFormModel { Name = "Relaunch Website", ResponsibleUserId = _app.OwnerId, NextActionOn = new DateTime(2026, 12, 10) };
        fill(form);
        form.Validate(await _app.Get<LeadFormOptionsQuery>().GetAsync(), Text);
        return form;
    }

    [Fact]
    public void A_32_digit_revenue_is_no_amount_and_never_zero()
    {
        var read = MoneyText.Read(ThirtyTwoDigits, CultureInfo.GetCultureInfo("de-DE"));

        Assert.False(read.IsValid);
        Assert.Equal(ErrorKeys.AmountTooLarge, read.ErrorKey);
    }

    [Fact]
    public async Task A_32_digit_revenue_in_the_form_is_refused_with_a_message()
    {
        var form = await FormAsync(_ => { });
        form.RevenueText = ThirtyTwoDigits;

        var errors = form.Validate(await _app.Get<LeadFormOptionsQuery>().GetAsync(), Text);

        Assert.Equal("Der Betrag darf höchstens 1.000.000.000.000 sein.", errors[nameof(LeadFormModel.Revenue)]);
    }

    [Fact]
    public async Task A_32_digit_revenue_in_an_import_is_refused_on_its_row_as_text_and_as_a_number()
    {
        var preview = await PreviewAsync(
            ImportBoundsTests.ImportRow("Als Text", revenue: ThirtyTwoDigits),
            ImportBoundsTests.ImportRow("Als Zahl", revenue: 12345678901234567890123456789012d));

        Assert.Equal(2, preview.Count(ImportAction.Invalid));
        Assert.All(preview.Rows, r => Assert.Equal("Möglicher Umsatz", Assert.Single(r.Errors).Column));
        Assert.Equal("Der Betrag darf höchstens 1.000.000.000.000 sein.", preview.Rows[0].Errors[0].Message);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1899, 12, 31)]
    [InlineData(2200, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void A_date_outside_1900_to_2199_is_refused_for_the_next_action_and_the_closing(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);

        var created = Assert.Throws<DomainException>(() => LeadBuilder.Potential(nextActionOn: date));
        var scheduled = Assert.Throws<DomainException>(() => LeadBuilder.Potential().ScheduleNextAction(date, "Anrufen", LeadBuilder.Anna));
        var closed = Assert.Throws<DomainException>(() => LeadBuilder.Potential().Close(LeadStatus.Won, date, null, null, LeadBuilder.Anna));
        var won = LeadBuilder.Potential();
        won.Close(LeadStatus.Won, LeadBuilder.Today, null, null, LeadBuilder.Anna);
        var redated = Assert.Throws<DomainException>(() => won.ChangeClosedOn(date, LeadBuilder.Anna));
        var reopened = Assert.Throws<DomainException>(() => won.Reopen(LeadStatus.Potential, null, date, LeadBuilder.Anna));

        Assert.All([created, scheduled, closed, redated, reopened], e => Assert.Equal(ErrorKeys.DateOutOfRange, e.MessageKey));
        Assert.Equal([nameof(Lead.NextActionOn), nameof(Lead.NextActionOn), nameof(Lead.ClosedOn), nameof(Lead.ClosedOn), nameof(Lead.NextActionOn)], new[] { created, scheduled, closed, redated, reopened }.Select(e => e.Field));
        Assert.Equal(LeadStatus.Won, won.Status); // a refused reopening changes nothing
    }

    [Fact]
    public void The_first_and_the_last_day_of_the_range_are_accepted()
    {
        var lead = LeadBuilder.Potential(nextActionOn: new DateOnly(1900, 1, 1));
        lead.ScheduleNextAction(new DateOnly(2199, 12, 31), "Anrufen", LeadBuilder.Anna);
        lead.Close(LeadStatus.Won, new DateOnly(1900, 1, 1), null, null, LeadBuilder.Anna);

        Assert.Equal(new DateOnly(1900, 1, 1), lead.ClosedOn);
    }

    [Fact]
    public async Task The_form_says_so_for_a_next_action_on_31_12_9999()
    {
        var form = await FormAsync(f => f.NextActionOn = new DateTime(9999, 12, 31));

        var errors = form.Validate(await _app.Get<LeadFormOptionsQuery>().GetAsync(), Text);

        Assert.Equal(DateOutOfRange, errors[nameof(LeadFormModel.NextActionOn)]);
    }

    [Fact]
    public async Task An_import_row_dated_01_01_0001_is_refused_on_its_row()
    {
        var preview = await PreviewAsync(ImportBoundsTests.ImportRow("Jahr eins", nextActionOn: "01.01.0001"), ImportBoundsTests.ImportRow("Heute"));

        var refused = Assert.Single(preview.Rows, r => r.Action == ImportAction.Invalid);
        Assert.Equal(new CellError(2, "Nächste Aktion am", DateOutOfRange), Assert.Single(refused.Errors));
        Assert.Equal(1, preview.Count(ImportAction.Create));
    }

    [Fact]
    public async Task A_thousand_label_ids_in_the_export_link_are_a_400_with_a_message_and_the_list_page_still_answers()
    {
        var client = _app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        var thousand = string.Join(',', Enumerable.Range(1, 1_000));
        var twenty = string.Join(',', Enumerable.Range(1, LeadViewParameters.MaxLabels));

        var export = await client.GetAsync($"/leads/export?labels={thousand}");
        var allowed = await client.GetAsync($"/leads/export?labels={twenty}");
        var list = await client.GetAsync($"/leads/all?labels={thousand}");
        var board = await client.GetAsync($"/leads?labels={thousand}");

        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.Contains("Es können höchstens 20 Labels zugleich gefiltert werden.", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
    }

    [Theory]
    [InlineData("invoice\u202Eexe.txt", "invoiceexe.txt")]
    [InlineData("\u202Dangebot\u202C.pdf", "angebot.pdf")]
    [InlineData("pre\u2066is\u2067ola\u2068ted\u2069.txt", "preisolated.txt")]
    [InlineData("l\u200Er\u200Fm.txt", "lrm.txt")]
    [InlineData("zero\u200Bwidth\uFEFF.txt", "zerowidth.txt")]
    [InlineData("zeilen\u2028umbruch\u0007.txt", "zeilenumbruch.txt")]
    public void File_names_lose_bidi_controls_and_other_invisible_characters(string given, string kept)
    {
        Assert.Equal(kept, AttachmentStore.SafeFileName(given));
    }

    [Fact]
    public async Task An_attachment_named_with_a_right_to_left_override_is_stored_and_downloaded_under_the_name_as_seen()
    {
        var lead = await _app.Get<LeadCommands>().CreateAsync(new LeadInput
        {
            Name = "Mit Anhang", ResponsibleUserId = _app.OwnerId, Revenue = 1_000m, NextActionOn = _app.Today,
        }, _app.OwnerId);
        var stored = await _app.Get<AttachmentStore>().SaveAsync(new MemoryStream(Encoding.UTF8.GetBytes("Rechnung")), "invoice\u202Eexe.txt");
        var id = await _app.Get<LeadCommands>().AttachAsync(lead, stored, _app.OwnerId);
        var client = _app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);

        var response = await client.GetAsync($"/attachments/{id}");

        Assert.Equal("invoiceexe.txt", stored.FileName);
        Assert.Equal("invoiceexe.txt", response.Content.Headers.ContentDisposition!.FileNameStar);
    }
}

public sealed class InputBoundsTestsOnSqlite() : InputBoundsTests(DatabaseProvider.Sqlite);

public sealed class InputBoundsTestsOnPostgres() : InputBoundsTests(DatabaseProvider.Postgres);
