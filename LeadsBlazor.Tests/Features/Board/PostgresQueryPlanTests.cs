using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Board;
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

    private async Task<IReadOnlyList<string>> PlanAsync<T>(Func<LeadsDbContext, IQueryable<T>> query)
    {
        await using var db = _app.NewContext();
        var command = query(db);
        var plan = await command.ExplainOnPostgresAsync();
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
}
