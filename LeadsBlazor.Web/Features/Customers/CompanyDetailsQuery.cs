using System.Globalization;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Data.Configurations;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Customers;

/// <summary>One entry of a company's history, with the acting user's name as it was then (else as it is now).</summary>
public sealed record CompanyHistoryEntry(CompanyEventKind Kind, string? Subject, string? Field, string? OldValue, string? NewValue, string UserName, DateTimeOffset At);

/// <summary>One of the company's leads, as compact as the company page lists it.</summary>
public sealed record CompanyLeadRow(int Id, string Name, LeadStatus Status, string? StageName, Money Revenue, string ResponsibleName, DateOnly? NextActionOn, bool IsDue);

/// <summary>
/// The company's leads: how many of each status, the running ones' weighted volume (Rule 4, by the same query the
/// board sums with), and the first <see cref="CompanyDetailsQuery.LeadRows"/> of them, open ones first.
/// </summary>
public sealed record CompanyLeads(IReadOnlyDictionary<LeadStatus, int> Counts, WeightedVolume Running, IReadOnlyList<CompanyLeadRow> Rows)
{
    public int Total => Counts.Values.Sum();
}

/// <summary>A company as its page shows it: the company with people and labels, its leads, and its history newest first.</summary>
public sealed record CompanyPageData(
    Company Company,
    string? SenderCountryCode,
    CompanyLeads Leads,
    IReadOnlyList<CompanyHistoryEntry> History,
    int HistoryTotal,
    TimeZoneInfo TimeZone);

/// <summary>A company to pick: its name and number.</summary>
public sealed record CompanyChoice(int Id, string Name, string Number)
{
    public override string ToString() => $"{Name} ({Number})";
}

/// <summary>Where a company went that is no longer there: the company it was merged into, found by the merge's trace.</summary>
public sealed record MergedInto(int CompanyId, string Name);

public sealed class CompanyDetailsQuery(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account, TimeProvider time)
{
    /// <summary>How many of the company's leads the page lists; the lead list shows them all.</summary>
    public const int LeadRows = 20;

    public async Task<CompanyPageData?> GetAsync(int companyId, int historyLimit = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var company = await db.Companies.AsNoTracking().Include(c => c.People).Include(c => c.Labels).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == companyId, cancellationToken);
        if (company is null)
        {
            return null;
        }

        var settings = await account.GetAsync(cancellationToken);
        var names = await db.UserNamesAsync(cancellationToken);
        var events = db.CompanyEvents.AsNoTracking().Where(e => e.CompanyId == companyId);
        var history = await events
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(Math.Max(1, historyLimit))
            .Select(e => new { Event = e, Actor = EF.Property<string?>(e, LeadsDbContext.EventUserName) })
            .ToListAsync(cancellationToken);
        var leads = await LeadsAsync(db, companyId, settings, names, cancellationToken);

        return new CompanyPageData(
            company,
            SenderCountry(settings.Culture),
            leads,
            [.. history.Select(row => new CompanyHistoryEntry(row.Event.Kind, row.Event.Subject, row.Event.Field, row.Event.OldValue, row.Event.NewValue,
                row.Actor ?? names.GetValueOrDefault(row.Event.UserId, row.Event.UserId), row.Event.At))],
            await events.CountAsync(cancellationToken),
            settings.TimeZone);
    }

    /// <summary>The company a vanished company was merged into, if it was merged (the survivor's history names it by name and number).</summary>
    public async Task<MergedInto?> MergedIntoAsync(string name, string number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var trace = $"{name} ({number})";
        return await db.CompanyEvents.AsNoTracking()
            .Where(e => e.Kind == CompanyEventKind.Merged && e.OldValue == trace)
            .OrderByDescending(e => e.At)
            .Join(db.Companies, e => e.CompanyId, c => c.Id, (e, c) => new MergedInto(c.Id, c.Name))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A contact person's details as the person dialog edits them; null when the person is gone.</summary>
    public async Task<PersonDetails?> PersonAsync(int personId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken))?.Details;
    }

    /// <summary>Other companies whose name or number contains <paramref name="search"/>, for picking the one a duplicate is merged into.</summary>
    public async Task<IReadOnlyList<CompanyChoice>> OthersAsync(int companyId, string? search, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var companies = db.Companies.AsNoTracking().Where(c => c.Id != companyId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + LeadFilter.EscapeLike(search.Trim()) + "%";
            companies = companies.Where(c => TextSearch.Like(c.Name, pattern) || TextSearch.Like(c.Number, pattern));
        }

        return await companies.OrderBy(c => c.Name).Take(20).Select(c => new CompanyChoice(c.Id, c.Name, c.Number)).ToListAsync(cancellationToken);
    }

    // The account's culture says where letters are sent from (de-DE: Germany), so a domestic address prints no country line.
    private static string? SenderCountry(string culture)
    {
        try
        {
            return new RegionInfo(culture).TwoLetterISORegionName;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private async Task<CompanyLeads> LeadsAsync(LeadsDbContext db, int companyId, Domain.Accounts.AccountSettings settings, Dictionary<string, string> names, CancellationToken cancellationToken)
    {
        var filter = new LeadFilter(CompanyId: companyId);
        var today = settings.Today(time);
        var counts = await filter.Apply(db.Leads.AsNoTracking())
            .GroupBy(l => l.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var running = await WeightedVolumeQuery.GetAsync(db, filter, settings, await db.Stages.AsNoTracking().ToListAsync(cancellationToken), cancellationToken);

        // Open leads first (the next action due soonest on top), then the closed ones, the latest first.
        var rows = await filter.Apply(db.Leads.AsNoTracking())
            .OrderBy(l => l.Status == LeadStatus.Running ? 0 : l.Status == LeadStatus.Potential ? 1 : 2)
            .ThenBy(l => l.NextActionOn == null).ThenBy(l => l.NextActionOn)
            .ThenByDescending(l => l.ClosedOn).ThenBy(l => l.Id)
            .Take(LeadRows)
            .Select(l => new
            {
                l.Id,
                l.Name,
                l.Status,
                StageName = l.Stage != null ? l.Stage.Name : null,
                Cents = EF.Property<long>(l, LeadConfiguration.RevenueMinor),
                Currency = EF.Property<string>(l, LeadConfiguration.RevenueCurrency),
                l.ResponsibleUserId,
                l.NextActionOn,
            })
            .ToListAsync(cancellationToken);

        return new CompanyLeads(
            Enum.GetValues<LeadStatus>().ToDictionary(s => s, s => counts.GetValueOrDefault(s)),
            running,
            [.. rows.Select(r => new CompanyLeadRow(
                r.Id, r.Name, r.Status, r.Status == LeadStatus.Running ? r.StageName : null, Money.FromMinorUnits(r.Cents, Currency.Parse(r.Currency)),
                names.GetValueOrDefault(r.ResponsibleUserId, ""), r.NextActionOn, r.Status.IsOpen() && r.NextActionOn <= today))]);
    }
}
