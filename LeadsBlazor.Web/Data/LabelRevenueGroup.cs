using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadsBlazor.Web.Data;

/// <summary>
/// A total kept by the database: how many running leads carrying one label are in one stage with one amount (in cents) in
/// one currency — the <see cref="RevenueGroup"/>s of a one-label view, kept instead of counted. A label's board at a million
/// leads would otherwise read every lead with the label (a quarter of a million for a popular one, about a second) for its
/// figures on each change; with these it reads the label's few groups.
/// <para>
/// Triggers keep the table in the same transaction as every INSERT, UPDATE and DELETE of leads and label assignments,
/// whichever code path or tool makes it (the migration <c>LabelRevenueGroups</c> of each provider creates them and fills the
/// table once; ADR 0016 lists the few hand edits they do not follow). A group whose
/// leads have all gone stays with count 0 and is not read. EF only reads the table, as a view, so it neither creates nor
/// copies it. <see cref="WeightedVolumeQuery.Grouped"/> counts the same figures from the leads: the fallback for every other
/// view and the check the tests hold the totals to.
/// </para>
/// </summary>
public sealed class LabelRevenueGroup
{
    public const string TableName = "LabelRevenueGroups";

    /// <summary>
    /// Fills the table from the leads (both providers speak this SQL; the migrations ran the same statement, frozen in their
    /// own text): for a bulk load that writes leads and labels with the insert trigger dropped, or a refill after a hand edit.
    /// </summary>
    public const string FillSql = """
        INSERT INTO "LabelRevenueGroups" ("LabelId", "StageId", "Currency", "Cents", "Count")
        SELECT ll."LabelsId", l."StageId", l."RevenueCurrency", l."RevenueMinor", COUNT(*)
        FROM "LeadLabels" AS ll
        JOIN "Leads" AS l ON l."Id" = ll."LeadId"
        WHERE l."Status" = 1 AND l."StageId" IS NOT NULL
        GROUP BY ll."LabelsId", l."StageId", l."RevenueCurrency", l."RevenueMinor";
        """;

    public int LabelId { get; private set; }

    public int StageId { get; private set; }

    public string Currency { get; private set; } = "";

    public long Cents { get; private set; }

    public int Count { get; private set; }

    /// <summary>
    /// The label whose totals serve <paramref name="filter"/>'s figures: a view of one label and nothing else (its status
    /// does not matter, the figures count running leads whatever the view's status).
    /// </summary>
    public static bool Serves(LeadFilter filter, out int labelId)
    {
        ArgumentNullException.ThrowIfNull(filter);
        labelId = filter.LabelIds is { Count: 1 } labels ? labels.First() : 0;
        return labelId != 0
            && string.IsNullOrEmpty(filter.ResponsibleUserId)
            && string.IsNullOrWhiteSpace(filter.Search)
            && filter.CompanyId is null;
    }
}

internal sealed class LabelRevenueGroupConfiguration : IEntityTypeConfiguration<LabelRevenueGroup>
{
    public void Configure(EntityTypeBuilder<LabelRevenueGroup> builder) => builder.HasNoKey().ToView(LabelRevenueGroup.TableName);
}
