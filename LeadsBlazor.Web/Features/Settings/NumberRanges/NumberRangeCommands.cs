using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Settings.Shared;
using LeadsBlazor.Web.Infrastructure;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Settings.NumberRanges;

/// <summary>The owner's number ranges ("Nummernkreise"): the prefix of each, and the number it gives next.</summary>
public sealed class NumberRangeCommands(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account, IEventBus events, TimeProvider time)
{
    public async Task<IReadOnlyList<NumberRangeView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var today = await account.TodayAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ranges = await db.NumberRanges.AsNoTracking().OrderBy(r => r.Kind).ToListAsync(cancellationToken);
        return [.. ranges.Select(r => new NumberRangeView(r.Kind, r.Prefix, r.Peek(today)))];
    }

    /// <summary>Gives the range a new prefix; it counts on, so no number is given twice.</summary>
    public async Task ChangePrefixAsync(string userId, NumberRangeKind kind, string prefix, CancellationToken cancellationToken = default)
    {
        var changed = await contexts.ChangeAsOwnerAsync(userId, time, async (db, actor) =>
        {
            // The start puts every range in the database (DatabaseInitializer).
            var range = await db.NumberRanges.SingleAsync(r => r.Kind == kind, cancellationToken);
            var before = range.Prefix;
            range.ChangePrefix(prefix);
            if (before == range.Prefix)
            {
                return false;
            }

            db.SettingsChanges.Add(new SettingsChange(SettingsArea.NumberRanges, LogKey(kind), $"{before} → {range.Prefix}", actor));
            return true;
        }, cancellationToken);

        if (changed)
        {
            account.Changed(events, LiveTopic.Customers);
        }
    }

    private static string LogKey(NumberRangeKind kind) => kind switch
    {
        NumberRangeKind.Customer => "SettingsLog.CustomerPrefix",
        NumberRangeKind.Offer => "SettingsLog.OfferPrefix",
        _ => "SettingsLog.ProjectPrefix",
    };
}

/// <summary>A number range as the settings page shows it: its prefix and the number it gives next.</summary>
public sealed record NumberRangeView(NumberRangeKind Kind, string Prefix, string Next);
