using System.Globalization;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Web.Components.Shared;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Data.Configurations;
using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Offers;

/// <summary>
/// What the offer list shows: the statuses (none named: every status but archived, which no longer counts), the lead's
/// responsible user, a search over number, title, lead and customer, and a date range. The list and its export apply the same filter.
/// </summary>
public sealed record OfferFilter(
    IReadOnlyCollection<OfferStatus>? Statuses = null,
    string? ResponsibleUserId = null,
    string? Search = null,
    DateOnly? From = null,
    DateOnly? To = null)
{
    /// <summary>The statuses shown when none are named.</summary>
    public static readonly IReadOnlyList<OfferStatus> Default = [OfferStatus.Draft, OfferStatus.Sent, OfferStatus.Confirmed, OfferStatus.Billed];

    public IReadOnlyCollection<OfferStatus> ShownStatuses => Statuses is { Count: > 0 } named ? named : Default;

    public IQueryable<Offer> Apply(IQueryable<Offer> offers)
    {
        ArgumentNullException.ThrowIfNull(offers);
        var statuses = ShownStatuses.ToList();
        if (statuses.Count < Enum.GetValues<OfferStatus>().Length)
        {
            offers = offers.Where(o => statuses.Contains(o.Status));
        }

        if (!string.IsNullOrEmpty(ResponsibleUserId))
        {
            offers = offers.Where(o => o.Lead!.ResponsibleUserId == ResponsibleUserId);
        }

        if (From is { } from)
        {
            offers = offers.Where(o => o.Date >= from);
        }

        if (To is { } to)
        {
            offers = offers.Where(o => o.Date <= to);
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            // The customer is searched by its name key, so "müller" and "MUELLER" find "Müller GmbH" (as the company list does).
            var key = "%" + LeadFilter.EscapeLike(CustomerName.Key(Search)) + "%";
            var text = "%" + LeadFilter.EscapeLike(Search.Trim()) + "%";
            offers = offers.Where(o =>
                TextSearch.Like(o.Number, text)
                || TextSearch.Like(o.Title, text)
                || TextSearch.Like(o.Lead!.Name, text)
                || (o.Lead.Company != null && (TextSearch.Like(o.Lead.Company.NameKey, key) || TextSearch.Like(o.Lead.Company.Name, text))));
        }

        return offers;
    }

    /// <summary>The filter as the list's URL (and its export's) names it; "responsible" reads as in every lead view ("me", a user id, "all").</summary>
    public static OfferFilter FromUrl(System.Security.Claims.ClaimsPrincipal user, string? status, string? responsible, string? search, string? from, string? to) =>
        new(ParseStatuses(status), LeadViewParameters.Filter(user, responsible, null, null).ResponsibleUserId, search, ParseDate(from), ParseDate(to));

    /// <summary>The statuses as the URL names them ("draft,sent"); unknown names are left out, none named gives the default.</summary>
    public static IReadOnlyCollection<OfferStatus> ParseStatuses(string? statuses) => UrlEnums.Parse<OfferStatus>(statuses);

    /// <summary>The statuses as the URL writes them; null for the default.</summary>
    public static string? FormatStatuses(IEnumerable<OfferStatus> statuses) => UrlEnums.Format(statuses, Default);

    /// <summary>A date in the URL (yyyy-MM-dd); anything else is no date.</summary>
    public static DateOnly? ParseDate(string? date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
}

/// <summary>One row of the offer list; the gross sum in the offer's own currency.</summary>
public sealed record OfferRow(
    int Id,
    string Number,
    string Title,
    int LeadId,
    string LeadName,
    string? Customer,
    OfferStatus Status,
    DateOnly Date,
    DateOnly ValidUntil,
    long NetMinor,
    long GrossMinor,
    string CurrencyCode,
    string? Responsible)
{
    public Money Net => Money.FromMinorUnits(NetMinor, Currency.Parse(CurrencyCode));

    public Money Gross => Money.FromMinorUnits(GrossMinor, Currency.Parse(CurrencyCode));
}

public sealed record OfferListPage(IReadOnlyList<OfferRow> Rows, int Total);

/// <summary>The list of all offers: filter, sort and page in the database, so a long list costs one page of rows and one count.</summary>
public sealed class OfferListQuery(IDbContextFactory<LeadsDbContext> contexts)
{
    public async Task<OfferListPage> GetAsync(OfferFilter filter, string? sortBy, bool descending, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var offers = filter.Apply(db.Offers.AsNoTracking());
        var total = await offers.CountAsync(cancellationToken);
        var rows = await Rows(db, Sort(offers, sortBy, descending).Skip(Math.Max(0, page) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return new OfferListPage(rows, total);
    }

    /// <summary>The rows of <paramref name="offers"/> in their order, for the list and the export.</summary>
    public static IQueryable<OfferRow> Rows(LeadsDbContext db, IQueryable<Offer> offers)
    {
        ArgumentNullException.ThrowIfNull(db);
        return offers.Select(o => new OfferRow(
            o.Id,
            o.Number,
            o.Title,
            o.LeadId,
            o.Lead!.Name,
            o.Lead.Company != null ? o.Lead.Company.Name : null,
            o.Status,
            o.Date,
            o.ValidUntil,
            EF.Property<long>(o, OfferConfiguration.NetMinor),
            EF.Property<long>(o, OfferConfiguration.GrossMinor),
            o.CurrencyCode,
            db.Users.Where(u => u.Id == o.Lead.ResponsibleUserId).Select(u => u.DisplayName).FirstOrDefault()));
    }

    /// <summary>
    /// The grid's sort by column name; none (or an unknown one) shows the newest first. The gross sum sorts by its stored cents,
    /// whatever the currency: the list shows each offer in its own currency and converts none.
    /// </summary>
    public static IQueryable<Offer> Sort(IQueryable<Offer> offers, string? sortBy, bool descending) => (sortBy, descending) switch
    {
        (nameof(OfferRow.Number), false) => offers.OrderBy(o => o.Number),
        (nameof(OfferRow.Number), true) => offers.OrderByDescending(o => o.Number),
        (nameof(OfferRow.Title), false) => offers.OrderBy(o => o.Title).ThenBy(o => o.Number),
        (nameof(OfferRow.Title), true) => offers.OrderByDescending(o => o.Title).ThenBy(o => o.Number),
        (nameof(OfferRow.LeadName), false) => offers.OrderBy(o => o.Lead!.Name).ThenBy(o => o.Number),
        (nameof(OfferRow.LeadName), true) => offers.OrderByDescending(o => o.Lead!.Name).ThenBy(o => o.Number),
        (nameof(OfferRow.Status), false) => offers.OrderBy(o => o.Status).ThenBy(o => o.Number),
        (nameof(OfferRow.Status), true) => offers.OrderByDescending(o => o.Status).ThenBy(o => o.Number),
        (nameof(OfferRow.ValidUntil), false) => offers.OrderBy(o => o.ValidUntil).ThenBy(o => o.Number),
        (nameof(OfferRow.ValidUntil), true) => offers.OrderByDescending(o => o.ValidUntil).ThenBy(o => o.Number),
        (nameof(OfferRow.Gross), false) => offers.OrderBy(o => EF.Property<long>(o, OfferConfiguration.GrossMinor)).ThenBy(o => o.Number),
        (nameof(OfferRow.Gross), true) => offers.OrderByDescending(o => EF.Property<long>(o, OfferConfiguration.GrossMinor)).ThenBy(o => o.Number),
        (nameof(OfferRow.Date), false) => offers.OrderBy(o => o.Date).ThenBy(o => o.Number),
        _ => offers.OrderByDescending(o => o.Date).ThenByDescending(o => o.Number),
    };
}
