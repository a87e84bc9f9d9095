using LeadsBlazor.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Data;

public static class NumberRanges
{
    /// <summary>The number range of <paramref name="kind"/>, tracked: the caller takes a number and saves in its write transaction.</summary>
    public static async Task<NumberRange> NumberRangeAsync(this LeadsDbContext db, NumberRangeKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.NumberRanges.Local.FirstOrDefault(r => r.Kind == kind)
            ?? await db.NumberRanges.SingleOrDefaultAsync(r => r.Kind == kind, cancellationToken)
            ?? db.NumberRanges.Add(NumberRange.Defaults().Single(r => r.Kind == kind)).Entity;
    }
}
