using System.Globalization;
using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Offers;
using LeadsBlazor.Web.Features.Settings.Shared;
using LeadsBlazor.Web.Infrastructure;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Settings.Offers;

/// <summary>
/// The owner's settings for offers: the letterhead and logo every offer prints, and the tax rate, validity and texts a
/// new offer starts with. An offer already made keeps what it was made with.
/// </summary>
public sealed class OfferSettingsCommands(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account, IEventBus events, TimeProvider time)
{
    public async Task<OfferSettingsView> GetAsync(CancellationToken cancellationToken = default)
    {
        var accountSettings = await account.GetAsync(cancellationToken);
        var today = await account.TodayAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await OfferCommands.SettingsAsync(db, cancellationToken);
        var next = (await db.NumberRangeAsync(NumberRangeKind.Offer, cancellationToken)).Peek(today);
        return new OfferSettingsView(
            new OfferLetterhead(settings.FirmName, settings.Address, settings.Footer),
            settings.Logo is { } logo ? $"data:{settings.LogoContentType};base64,{Convert.ToBase64String(logo)}" : null,
            new OfferTerms(settings.TaxRatePercent, settings.TaxNote, settings.ValidityDays),
            settings.German,
            settings.English,
            next);
    }

    /// <summary>The "Briefkopf": firm name, address and footer lines, trimmed by the domain.</summary>
    public Task ChangeLetterheadAsync(string userId, OfferLetterhead wanted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        return ChangeAsync(userId, settings =>
        {
            var before = new OfferLetterhead(settings.FirmName, settings.Address, settings.Footer);
            settings.ChangeLetterhead(wanted.FirmName, wanted.Address, wanted.Footer);
            return before == new OfferLetterhead(settings.FirmName, settings.Address, settings.Footer) ? [] : [("OfferSettings.Log.Letterhead", settings.FirmName)];
        }, cancellationToken);
    }

    /// <summary>The terms a new offer starts with; the log names each value that moved.</summary>
    public Task ChangeTermsAsync(string userId, OfferTerms wanted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        return ChangeAsync(userId, settings =>
        {
            var before = new OfferTerms(settings.TaxRatePercent, settings.TaxNote, settings.ValidityDays);
            settings.ChangeTerms(wanted.TaxRatePercent, wanted.TaxNote, wanted.ValidityDays);
            var changes = new List<(string, string)>();
            if (before.TaxRatePercent != settings.TaxRatePercent)
            {
                changes.Add(("OfferSettings.Log.TaxRate", $"{Percent(before.TaxRatePercent)} → {Percent(settings.TaxRatePercent)}"));
            }

            if (before.TaxNote != settings.TaxNote)
            {
                changes.Add(("OfferSettings.Log.TaxNote", settings.TaxNote ?? ""));
            }

            if (before.ValidityDays != settings.ValidityDays)
            {
                changes.Add(("OfferSettings.Log.Validity", $"{before.ValidityDays} → {settings.ValidityDays}"));
            }

            return changes;
        }, cancellationToken);
    }

    /// <summary>The salutation (when no contact person is named), intro and closing of new offers in one language.</summary>
    public Task ChangeTextsAsync(string userId, OfferLanguage language, OfferTexts wanted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        return ChangeAsync(userId, settings =>
        {
            var before = settings.TextsFor(language);
            settings.ChangeTexts(language, wanted);
            return before == settings.TextsFor(language) ? [] : [("OfferSettings.Log.Texts", LanguageName(language))];
        }, cancellationToken);
    }

    /// <summary>A PNG or JPEG up to 1 MB, or null to print no logo; the domain decides what an image is.</summary>
    public Task ChangeLogoAsync(string userId, byte[]? image, CancellationToken cancellationToken = default) =>
        ChangeAsync(userId, settings =>
        {
            var had = settings.Logo is not null;
            settings.ChangeLogo(image);
            return image is not null ? [("OfferSettings.Log.Logo", "")]
                : had ? [("OfferSettings.Log.LogoRemoved", "")]
                : [];
        }, cancellationToken);

    private async Task ChangeAsync(string userId, Func<OfferSettings, IReadOnlyList<(string WhatKey, string Detail)>> change, CancellationToken cancellationToken)
    {
        var culture = (await account.GetAsync(cancellationToken)).Culture;
        var changed = await contexts.ChangeAsOwnerAsync(userId, time, async (db, actor) =>
        {
            var settings = await OfferCommands.SettingsAsync(db, cancellationToken);
            var logged = change(settings);
            foreach (var (whatKey, detail) in logged)
            {
                db.SettingsChanges.Add(new SettingsChange(SettingsArea.Offers, whatKey, detail, actor));
            }

            return logged.Count > 0;
        }, cancellationToken);

        if (changed)
        {
            // Offers already made keep their letter, and no view shows these settings live: the event only lets the
            // cached account settings be read again, as the other settings areas do.
            account.Changed(events, LiveTopic.None);
        }
    }

    // The log's detail is read in every reader's language: numbers without a culture's separators, languages by their own names.
    private static string Percent(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture) + " %";

    private static string LanguageName(OfferLanguage language) => language == OfferLanguage.English ? "English" : "Deutsch";
}

/// <summary>The "Briefkopf" as the settings page edits it: address and footer as "\n"-separated lines.</summary>
public sealed record OfferLetterhead(string FirmName, string? Address, string? Footer);

/// <summary>What a new offer starts with besides its texts.</summary>
public sealed record OfferTerms(decimal TaxRatePercent, string? TaxNote, int ValidityDays);

/// <summary>The offer settings as the page shows them, the logo as a data URL for its preview and the offer number given next.</summary>
public sealed record OfferSettingsView(OfferLetterhead Letterhead, string? LogoDataUrl, OfferTerms Terms, OfferTexts German, OfferTexts English, string NextOfferNumber);
