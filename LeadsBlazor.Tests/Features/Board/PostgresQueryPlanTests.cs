using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Board;
using LeadsBlazor.Web.Features.Forecast;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Features.Reminders;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace LeadsBlazor.Tests.Features.Board;

/// <summary>
/// On PostgreSQL the figures and the due list find the same indexes as on SQLite (<see cref="QueryPlanTests"/>): the
/// migrations of both providers come from one model, and these checks catch a query that no index of it can serve.
/// </summary>
public sealed class PostgresQueryPlanTests(ITestOutputHelper output) : IDisposable
{
    private readonly PipelineApp _app = new(provider: DatabaseProvider.Postgres);

    public void Dispose() => _app.Dispose();

    private async Task<IReadOnlyList<string>> PlanAsync<T>(Func<LeadsDbContext, IQueryable<T>> query, bool bitmapScansOnly = false)
    {
        await using var db = _app.NewContext();
        var command = query(db);
        var plan = await command.ExplainOnPostgresAsync(bitmapScansOnly);
        output.WriteLine(command.ToQueryString());
        output.WriteLine(string.Join('\n', plan));
        return plan;
    }

    private static bool ReadsLeadsWhole(string row) => row.Contains("Seq Scan on \"Leads\"", StringComparison.Ordinal);

    [Fact]
    public async Task The_weighted_volume_is_one_grouped_count_read_from_the_covering_index()
    {
        var plan = await PlanAsync(db => WeightedVolumeQuery.Sums(db, new LeadFilter()));

        Assert.Contains(plan, row => row.Contains("Index Only Scan using \"IX_Leads_Status_StageId_RevenueCurrency_RevenueMinor\"", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, ReadsLeadsWhole);
    }

    [Fact]
    public async Task The_calibration_reads_the_stage_passages_from_their_own_index()
    {
        var plan = await PlanAsync(db => CalibrationQuery.Passages(db, _app.Time.GetUtcNow().AddMonths(-12)));

        Assert.Contains(plan, row => row.Contains("\"IX_LeadEvents_StageId_At_LeadId\"", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, row => row.Contains("Seq Scan on \"LeadEvents\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_weighted_volume_of_one_users_view_searches_an_index_too()
    {
        var plan = await PlanAsync(db => WeightedVolumeQuery.Sums(db, new LeadFilter(ResponsibleUserId: _app.OwnerId)));

        Assert.Contains(plan, row => row.Contains("\"IX_Leads_", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, ReadsLeadsWhole);
    }

    [Fact]
    public async Task Due_for_a_user_searches_the_responsible_status_date_index()
    {
        var plan = await PlanAsync(db => DueLeadsQuery.ForUser(db, _app.OwnerId, _app.Today));

        Assert.Contains(plan, row => row.Contains("\"IX_Leads_ResponsibleUserId_Status_NextActionOn\"", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, ReadsLeadsWhole);
    }

    [Fact]
    public async Task A_search_unites_the_trigram_indexes_of_lead_customer_and_contact_names()
    {
        // Enough customers and contacts, counted, that reading a table whole through its key costs more than its trigram index.
        await using (var db = _app.NewContext())
        {
            for (var i = 0; i < 500; i++)
            {
                var company = db.Companies.Add(new Company($"Kunde {i}", $"K-{i:D5}", _app.Actor)).Entity;
                company.AddPerson(PersonDetails.FromName($"Kontakt {i}"), _app.Actor);
            }

            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"Companies\", \"People\"");
        }

        // The figures of any searched view, and the leads a searched board counts and pages itself.
        foreach (var plan in new[]
        {
            await PlanAsync(db => WeightedVolumeQuery.Sums(db, new LeadFilter(Search: "Müller")), bitmapScansOnly: true),
            await PlanAsync(db => BoardQuery.Searched(db, new LeadFilter(Search: "Müller")), bitmapScansOnly: true),
        })
        {
            Assert.Contains(plan, row => row.Contains("Bitmap Index Scan on \"IX_Leads_Name_Search\"", StringComparison.Ordinal));
            Assert.Contains(plan, row => row.Contains("Bitmap Index Scan on \"IX_Companies_Name_Search\"", StringComparison.Ordinal));
            Assert.Contains(plan, row => row.Contains("Bitmap Index Scan on \"IX_People_Name_Search\"", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, ReadsLeadsWhole);
        }
    }

    [Fact]
    public async Task A_one_label_boards_figures_read_the_labels_totals_in_their_key()
    {
        var plan = await PlanAsync(db => WeightedVolumeQuery.Sums(db, new LeadFilter(LabelIds: [1])));

        Assert.Contains(plan, row => row.Contains("Index Scan", StringComparison.Ordinal) && row.Contains("\"PK_LabelRevenueGroups\"", StringComparison.Ordinal));
        Assert.Contains(plan, row => row.Contains("Index Cond: (\"LabelId\" = 1)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, row => row.Contains("\"Leads\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_label_view_counted_over_its_leads_starts_from_the_label_in_the_join_tables_key()
    {
        var plan = await PlanAsync(db => WeightedVolumeQuery.Grouped(db, new LeadFilter(LabelIds: [1])));

        Assert.Contains(plan, row => row.Contains("\"PK_LeadLabels\" on \"LeadLabels\"", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, ReadsLeadsWhole);
    }
}
