using System.Net;
using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Offers;
using LeadsBlazor.Web.Features.Settings.Offers;
using LeadsBlazor.Web.Features.Settings.Shared;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Tests.Features.Settings;

/// <summary>The owner's offer settings: stored trimmed, logged, owner only, and what the next offer and the preview PDF start with.</summary>
public abstract class OfferSettingsTests(DatabaseProvider provider) : IDisposable
{
    /// <summary>A valid 1×1 PNG, as a browser would upload it.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly PipelineApp _app = new(provider: provider);

    public void Dispose() => _app.Dispose();

    private OfferSettingsCommands Commands => _app.Get<OfferSettingsCommands>();

    [Fact]
    public async Task The_letterhead_is_stored_trimmed_and_logged()
    {
        await Commands.ChangeLetterheadAsync(_app.OwnerId, new OfferLetterhead("  Berger Consulting GmbH ", " Seestraße 4\r\n8002 Zürich  ", "IBAN CH93 0076 2011 6238 5295 7\r\nUID CHE-123.456.789 "));

        var view = await Commands.GetAsync();
        Assert.Equal(new OfferLetterhead("Berger Consulting GmbH", "Seestraße 4\n8002 Zürich", "IBAN CH93 0076 2011 6238 5295 7\nUID CHE-123.456.789"), view.Letterhead);
        var logged = Assert.Single(await _app.Get<SettingsLogQuery>().LatestAsync(SettingsArea.Offers));
        Assert.Equal(("OfferSettings.Log.Letterhead", "Berger Consulting GmbH", "owner"), (logged.WhatKey, logged.Detail, logged.UserName));
    }

    [Fact]
    public async Task Saving_unchanged_values_logs_nothing()
    {
        var view = await Commands.GetAsync();

        await Commands.ChangeLetterheadAsync(_app.OwnerId, view.Letterhead);
        await Commands.ChangeTermsAsync(_app.OwnerId, view.Terms);
        await Commands.ChangeTextsAsync(_app.OwnerId, OfferLanguage.German, view.German);

        Assert.Empty(await _app.Get<SettingsLogQuery>().LatestAsync(SettingsArea.Offers));
    }

    [Fact]
    public async Task A_new_offer_starts_with_the_new_tax_rate_validity_and_texts()
    {
        await Commands.ChangeTermsAsync(_app.OwnerId, new OfferTerms(8.1m, " ", 14));
        await Commands.ChangeTextsAsync(_app.OwnerId, OfferLanguage.German, new OfferTexts(" Grüezi mitenand, ", "Gerne offerieren wir:", " Freundliche Grüsse "));
        var lead = await _app.AddRunningLeadAsync((await _app.StagesAsync())[1].Id);

        var id = await _app.Get<OfferCommands>().CreateAsync(lead.Id, _app.OwnerId, OfferLanguage.German);

        await using var db = _app.NewContext();
        var offer = await db.Offers.AsNoTracking().SingleAsync(o => o.Id == id);
        Assert.Equal((8.1m, _app.Today.AddDays(14)), (offer.TaxRatePercent, offer.ValidUntil));
        Assert.Equal(("Grüezi mitenand,", "Gerne offerieren wir:", "Freundliche Grüsse"), (offer.Salutation, offer.IntroText, offer.ClosingText));
        var log = await _app.Get<SettingsLogQuery>().LatestAsync(SettingsArea.Offers);
        // The blank tax note clears the reverse-charge note a new account starts with: that is a change too.
        Assert.Equal(["OfferSettings.Log.Texts", "OfferSettings.Log.Validity", "OfferSettings.Log.TaxNote", "OfferSettings.Log.TaxRate"], log.Select(e => e.WhatKey));
        Assert.Equal(["Deutsch", "30 → 14", "", "19 % → 8.1 %"], log.Select(e => e.Detail));
    }

    [Fact]
    public async Task A_reverse_charge_note_goes_with_a_zero_rate_into_the_next_offer()
    {
        await Commands.ChangeTermsAsync(_app.OwnerId, new OfferTerms(0m, "Steuerschuldnerschaft des Leistungsempfängers", 30));
        var lead = await _app.AddRunningLeadAsync((await _app.StagesAsync())[1].Id);

        var id = await _app.Get<OfferCommands>().CreateAsync(lead.Id, _app.OwnerId);

        await using var db = _app.NewContext();
        var offer = await db.Offers.AsNoTracking().SingleAsync(o => o.Id == id);
        Assert.Equal((0m, "Steuerschuldnerschaft des Leistungsempfängers"), (offer.TaxRatePercent, offer.TaxNote));
    }

    [Theory]
    [InlineData(8.125, 30, "TaxRate", ErrorKeys.PercentOutOfRange)]
    [InlineData(19, 400, "ValidityDays", ErrorKeys.ValidityOutOfRange)]
    public async Task Terms_out_of_range_are_refused_at_their_field(decimal taxRate, int days, string field, string key)
    {
        var before = (await Commands.GetAsync()).Terms;

        var error = await Assert.ThrowsAsync<DomainException>(() => Commands.ChangeTermsAsync(_app.OwnerId, new OfferTerms(taxRate, null, days)));

        Assert.Equal((field, key), (error.Field, error.MessageKey));
        Assert.Equal(before, (await Commands.GetAsync()).Terms);
    }

    [Fact]
    public async Task A_png_logo_is_stored_shown_and_removed_and_each_step_is_logged()
    {
        await Commands.ChangeLogoAsync(_app.OwnerId, Png);
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(Png), (await Commands.GetAsync()).LogoDataUrl);

        await Commands.ChangeLogoAsync(_app.OwnerId, null);

        Assert.Null((await Commands.GetAsync()).LogoDataUrl);
        var log = await _app.Get<SettingsLogQuery>().LatestAsync(SettingsArea.Offers);
        Assert.Equal(["OfferSettings.Log.LogoRemoved", "OfferSettings.Log.Logo"], log.Select(e => e.WhatKey));
    }

    [Fact]
    public async Task A_logo_that_is_no_png_or_jpeg_is_refused_and_the_old_one_stays()
    {
        await Commands.ChangeLogoAsync(_app.OwnerId, Png);

        var error = await Assert.ThrowsAsync<DomainException>(() => Commands.ChangeLogoAsync(_app.OwnerId, "GIF89a, not a logo"u8.ToArray()));

        Assert.Equal(("Logo", ErrorKeys.InvalidLogo), (error.Field, error.MessageKey));
        Assert.StartsWith("data:image/png;base64,", (await Commands.GetAsync()).LogoDataUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_may_change_none_of_the_offer_settings()
    {
        var member = await _app.CreateMemberAsync();
        Func<Task>[] changes =
        [
            () => Commands.ChangeLetterheadAsync(member, new OfferLetterhead("Hijack", null, null)),
            () => Commands.ChangeTermsAsync(member, new OfferTerms(0m, null, 1)),
            () => Commands.ChangeTextsAsync(member, OfferLanguage.English, new OfferTexts("Hi", null, null)),
            () => Commands.ChangeLogoAsync(member, Png),
        ];

        foreach (var change in changes)
        {
            Assert.Equal(ErrorKeys.OwnerOnly, (await Assert.ThrowsAsync<DomainException>(change)).MessageKey);
        }

        var view = await Commands.GetAsync();
        Assert.Equal(("Ihre Firma", 19m, "Dear Sir or Madam,", null), (view.Letterhead.FirmName, view.Terms.TaxRatePercent, view.English.Salutation, view.LogoDataUrl));
        Assert.Empty(await _app.Get<SettingsLogQuery>().LatestAsync(SettingsArea.Offers));
    }

    [Fact]
    public async Task The_page_shows_the_offer_number_given_next()
    {
        Assert.Equal($"A{_app.Today:yyMM}-001", (await Commands.GetAsync()).NextOfferNumber);
    }

    [Fact]
    public async Task The_owner_downloads_a_sample_pdf_with_the_letterhead_and_texts_and_no_number_is_used()
    {
        await Commands.ChangeLetterheadAsync(_app.OwnerId, new OfferLetterhead("Berger Consulting GmbH", "Seestraße 4\n8002 Zürich", "IBAN DE02 1203 0000 0000 2020 51"));
        await Commands.ChangeTextsAsync(_app.OwnerId, OfferLanguage.English, new OfferTexts("Dear friends,", "Here is our offer.", "Cheers"));
        await Commands.ChangeLogoAsync(_app.OwnerId, Png);
        var client = _app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);

        var response = await client.GetAsync(new Uri($"{OfferPreviewEndpoint.Path}?language=English", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var words = string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Berger Consulting GmbH", words, StringComparison.Ordinal);
        Assert.Contains("IBAN DE02 1203", words, StringComparison.Ordinal);
        Assert.Contains("Dear friends,", words, StringComparison.Ordinal);
        Assert.Contains("Requirements workshop", words, StringComparison.Ordinal);
        Assert.Equal($"A{_app.Today:yyMM}-001", (await Commands.GetAsync()).NextOfferNumber);
    }

    [Fact]
    public async Task A_member_asking_for_the_sample_pdf_is_refused()
    {
        await _app.CreateMemberAsync();
        var client = _app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword);

        var response = await client.GetAsync(new Uri(OfferPreviewEndpoint.Path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.RedirectPath(), StringComparison.Ordinal);
    }
}

public sealed class OfferSettingsTestsOnSqlite() : OfferSettingsTests(DatabaseProvider.Sqlite);

public sealed class OfferSettingsTestsOnPostgres() : OfferSettingsTests(DatabaseProvider.Postgres);
