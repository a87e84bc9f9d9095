using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Board;
using LeadsBlazor.Web.Features.Forecast;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Features.Reminders;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace LeadsBlazor.Tests.Features.Board;

/// <summary>The figures and the due list come from SQL aggregates over indexes, not from loading leads.</summary>
public sealed class QueryPlanTests(ITestOutputHelper output) : IDisposable
{
    // The plans checked here are SQLite's (EXPLAIN QUERY PLAN), so this class pins SQLite whatever LEADS_TEST_PROVIDER says.
    private readonly PipelineApp _app = new(provider: DatabaseProvider.Sqlite);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_weighted_volume_is_one_grouped_count_read_from_the_covering_index_in_its_order()
    {
        await using var db = _app.NewContext();
        var query = WeightedVolumeQuery.Sums(db, new LeadFilter());

        var sql = query.ToQueryString();
        var plan = await query.ExplainAsync();
        output.WriteLine(sql);
        output.WriteLine(string.Join('\n', plan));

        Assert.Contains("GROUP BY", sql, StringComparison.Ordinal);
        Assert.Contains("COUNT(*)", sql, StringComparison.Ordinal);
        // Grouped in the index's own order: SQLite streams the groups without sorting them in a temporary tree.
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("USING COVERING INDEX IX_Leads_Status_StageId_RevenueCurrency_RevenueMinor", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal) && !step.Contains("INDEX", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_calibration_reads_the_stage_passages_from_their_own_index()
    {
        await using var db = _app.NewContext();
        var query = CalibrationQuery.Passages(db, _app.Time.GetUtcNow().AddMonths(-12));

        var plan = await query.ExplainAsync();
        output.WriteLine(query.ToQueryString());
        output.WriteLine(string.Join('\n', plan));

        Assert.Contains(plan, step => step.Contains("INDEX IX_LeadEvents_StageId_At_LeadId", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal) && step.Contains("LeadEvents", StringComparison.Ordinal) && !step.Contains("INDEX", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_weighted_volume_of_one_users_view_searches_an_index_too()
    {
        await using var db = _app.NewContext();
        var query = WeightedVolumeQuery.Sums(db, new LeadFilter(ResponsibleUserId: _app.OwnerId));

        var plan = await query.ExplainAsync();
        output.WriteLine(string.Join('\n', plan));

        Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.Contains("INDEX IX_Leads_", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal) && !step.Contains("INDEX", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Due_for_a_user_searches_the_responsible_status_date_index()
    {
        await using var db = _app.NewContext();
        var query = DueLeadsQuery.ForUser(db, _app.OwnerId, _app.Today);

        var plan = await query.ExplainAsync();
        output.WriteLine(query.ToQueryString());
        output.WriteLine(string.Join('\n', plan));

        Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.Contains("INDEX IX_Leads_ResponsibleUserId_Status_NextActionOn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_search_looks_the_text_up_in_the_trigram_index_and_fetches_the_leads_by_id()
    {
        await using var db = _app.NewContext();
        var query = WeightedVolumeQuery.Sums(db, new LeadFilter(Search: "Müller"));

        var plan = await query.ExplainAsync();
        output.WriteLine(query.ToQueryString());
        output.WriteLine(string.Join('\n', plan));

        Assert.Contains(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal) && step.Contains("VIRTUAL TABLE INDEX", StringComparison.Ordinal));
        // The leads are then fetched by id (or their index probed by id): none is read in a scan of its own.
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal) && !step.Contains("VIRTUAL TABLE", StringComparison.Ordinal) && !step.Contains("INDEX", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_searched_board_fetches_the_leads_the_trigram_index_finds_by_id()
    {
        await using var db = _app.NewContext();
        var query = BoardQuery.Searched(db, new LeadFilter(Search: "Müller"));

        var plan = await query.ExplainAsync();
        output.WriteLine(query.ToQueryString());
        output.WriteLine(string.Join('\n', plan));

        Assert.Contains(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal) && step.Contains("VIRTUAL TABLE INDEX", StringComparison.Ordinal));
        // By id, not by probing the matches while walking an index of the leads: a surname's 50,000 matches at a million leads
        // are fetched in about 100 ms, a walk of the 700,000 running leads took 400 ms.
        Assert.Contains(plan, step => step.StartsWith("SEARCH l USING INTEGER PRIMARY KEY (rowid=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("INDEX IX_Leads_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_one_label_boards_figures_read_the_labels_totals_in_their_key()
    {
        await using var db = _app.NewContext();
        var query = WeightedVolumeQuery.Sums(db, new LeadFilter(LabelIds: [1]));

        var plan = await query.ExplainAsync();
        output.WriteLine(query.ToQueryString());
        output.WriteLine(string.Join('\n', plan));

        // One step: the label's range of the totals' key, nothing else read.
        Assert.Single(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.EndsWith("USING PRIMARY KEY (LabelId=?)", StringComparison.Ordinal));
        Assert.Single(plan);
    }

    [Fact]
    public async Task A_label_view_counted_over_its_leads_starts_from_the_label_in_the_join_tables_key()
    {
        await using var db = _app.NewContext();
        var query = WeightedVolumeQuery.Grouped(db, new LeadFilter(LabelIds: [1]));

        var plan = await query.ExplainAsync();
        output.WriteLine(query.ToQueryString());
        output.WriteLine(string.Join('\n', plan));

        // The primary key of LeadLabels is (LabelsId, LeadId): the label's leads are one range of it.
        Assert.Contains(plan, step => step.Contains("USING COVERING INDEX sqlite_autoindex_LeadLabels_1 (LabelsId=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal) && !step.Contains("INDEX", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_one_label_column_reads_the_column_in_its_order_and_looks_each_lead_up_in_the_join_tables_key()
    {
        await using var db = _app.NewContext();
        var query = BoardQuery.ColumnLeads(db, new LeadFilter(LabelIds: [1]), stageId: 1, take: BoardQuery.PageSize);

        var plan = await query.ExplainAsync();
        output.WriteLine(query.ToQueryString());
        output.WriteLine(string.Join('\n', plan));

        // The page stops after its leads: no list of all the label's leads built first, no sort of them.
        Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.Contains("INDEX IX_Leads_Status_StageId_NextActionOn_Id", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("USING COVERING INDEX sqlite_autoindex_LeadLabels_1 (LabelsId=? AND LeadId=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("LIST SUBQUERY", StringComparison.Ordinal) || step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_lead_in_the_default_order_is_read_in_the_indexs_order_without_a_sort()
    {
        await using var db = _app.NewContext();
        // The all-leads list and its export without a sort of their own: next action, then id.
        var query = LeadListQuery.Sort(new LeadFilter().Apply(db.Leads.AsNoTracking()), sortBy: null, descending: false).Select(l => new { l.Id, l.Name, l.NextActionOn });

        var plan = await query.ExplainAsync();
        output.WriteLine(query.ToQueryString());
        output.WriteLine(string.Join('\n', plan));

        // The first row comes at once: no sort of every lead before it.
        Assert.Contains(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal) && step.Contains("INDEX IX_Leads_NextActionOn_Id", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }
}
