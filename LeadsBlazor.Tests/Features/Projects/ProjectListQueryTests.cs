using System.Security.Claims;
using LeadsBlazor.Domain.Projects;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Projects;

namespace LeadsBlazor.Tests.Features.Projects;

/// <summary>
/// The project list on the real database (the projects of <see cref="ProjectListSeeding"/>): statuses, leader, customer, labels,
/// search, the sort by the stored budget cents and paging.
/// </summary>
public abstract class ProjectListQueryTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false" }, provider: provider);

    public void Dispose() => _app.Dispose();

    private static readonly ProjectStatus[] Every = Enum.GetValues<ProjectStatus>();

    private async Task<ProjectListSeeding.Seeded> ArrangeAsync() => await _app.Factory.CreateProjectListAsync(_app.OwnerId, await _app.CreateMemberAsync());

    private async Task<IReadOnlyList<string>> NamesAsync(ProjectFilter filter) =>
        [.. (await _app.Get<ProjectListQuery>().GetAsync(filter, nameof(ProjectRow.Name), false, 0, 25)).Rows.Select(r => r.Name)];

    [Fact]
    public async Task The_list_shows_active_and_finished_projects_and_archived_ones_only_when_asked()
    {
        await ArrangeAsync();

        Assert.Equal(["Alpen Tour", "Broschüre Frühjahr", "Relaunch Phase 1"], await NamesAsync(new ProjectFilter()));
        Assert.Equal(["Intern Wiki"], await NamesAsync(new ProjectFilter([ProjectStatus.Archived])));
        Assert.Equal(["Broschüre Frühjahr"], await NamesAsync(new ProjectFilter([ProjectStatus.Finished])));
        Assert.Equal(["Alpen Tour", "Broschüre Frühjahr", "Intern Wiki", "Relaunch Phase 1"], await NamesAsync(new ProjectFilter(Every)));
    }

    [Fact]
    public async Task The_leader_filter_shows_the_projects_a_user_leads_and_me_is_the_signed_in_user()
    {
        var seeded = await ArrangeAsync();
        var owner = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, _app.OwnerId)], "test"));

        Assert.Equal(["Broschüre Frühjahr"], await NamesAsync(new ProjectFilter(LeaderUserId: seeded.MemberId)));
        Assert.Equal(["Alpen Tour", "Relaunch Phase 1"], await NamesAsync(ProjectFilter.FromUrl(owner, null, "me", null, null, null)));
        Assert.Equal(["Alpen Tour", "Intern Wiki", "Relaunch Phase 1"], await NamesAsync(ProjectFilter.FromUrl(owner, "active,finished,archived", "me", null, null, null)));
        Assert.Equal(["Alpen Tour", "Broschüre Frühjahr", "Relaunch Phase 1"], await NamesAsync(ProjectFilter.FromUrl(owner, null, "all", null, null, null)));
    }

    [Fact]
    public async Task The_customer_and_the_labels_narrow_the_list_and_every_label_named_must_be_on_the_project()
    {
        var seeded = await ArrangeAsync();

        Assert.Equal(["Relaunch Phase 1"], await NamesAsync(new ProjectFilter(CompanyId: seeded.MuellerId)));
        Assert.Equal(["Broschüre Frühjahr"], await NamesAsync(new ProjectFilter(CompanyId: seeded.SchmidId)));
        Assert.Equal(["Alpen Tour", "Broschüre Frühjahr"], await NamesAsync(new ProjectFilter(LabelIds: [seeded.PrintLabel])));
        Assert.Equal(["Alpen Tour"], await NamesAsync(new ProjectFilter(LabelIds: [seeded.PrintLabel, seeded.WebLabel])));
        Assert.Equal(["Alpen Tour", "Relaunch Phase 1"], await NamesAsync(ProjectFilter.FromUrl(new ClaimsPrincipal(), null, null, null, $"{seeded.WebLabel}", null)));
        Assert.Equal(["Relaunch Phase 1"], await NamesAsync(ProjectFilter.FromUrl(new ClaimsPrincipal(), null, null, $"{seeded.MuellerId}", null, null)));
    }

    [Theory]
    [InlineData("müller", "Relaunch Phase 1")]
    [InlineData("MUELLER", "Relaunch Phase 1")]
    [InlineData("relaunch website", "Relaunch Phase 1")]
    [InlineData("frühjahr", "Broschüre Frühjahr")]
    [InlineData("SCHMID AG", "Broschüre Frühjahr")]
    [InlineData("alpen", "Alpen Tour")]
    public async Task The_search_finds_projects_by_name_lead_or_customer_whatever_the_case_and_umlauts(string search, string name)
    {
        await ArrangeAsync();

        Assert.Equal([name], await NamesAsync(new ProjectFilter(Search: search)));
    }

    [Fact]
    public async Task The_search_finds_a_project_by_its_number_and_takes_wildcards_as_text()
    {
        await ArrangeAsync();
        var number = $"P{_app.Today:yyMM}-002";

        Assert.Equal(["Broschüre Frühjahr"], await NamesAsync(new ProjectFilter(Search: number.ToLowerInvariant())));
        Assert.Empty(await NamesAsync(new ProjectFilter(Search: "%")));
    }

    [Fact]
    public async Task Sorted_by_budget_the_largest_come_first_each_in_its_own_currency_and_the_pages_follow_on()
    {
        await ArrangeAsync();
        var query = _app.Get<ProjectListQuery>();

        var first = await query.GetAsync(new ProjectFilter(), nameof(ProjectRow.Budget), true, 0, 2);
        var second = await query.GetAsync(new ProjectFilter(), nameof(ProjectRow.Budget), true, 1, 2);

        Assert.Equal((3, 3), (first.Total, second.Total));
        Assert.Equal(
            [("Broschüre Frühjahr", 12_500m, "EUR", "Schmid AG", (string?)null, "Mia Member"), ("Relaunch Phase 1", 8_000m, "EUR", "Müller GmbH", "Relaunch Website", await OwnerNameAsync())],
            first.Rows.Select(r => (r.Name, r.Budget!.Value.Amount, r.Budget.Value.Currency.Code, r.Customer, r.LeadName, r.Leader)));
        Assert.Equal([("Alpen Tour", 3_000m, "CHF")], second.Rows.Select(r => (r.Name, r.Budget!.Value.Amount, r.CurrencyCode)));
        Assert.Equal(
            ["Intern Wiki", "Alpen Tour", "Relaunch Phase 1", "Broschüre Frühjahr"],
            (await query.GetAsync(new ProjectFilter(Every), nameof(ProjectRow.Budget), false, 0, 25)).Rows.Select(r => r.Name));
    }

    [Fact]
    public async Task Unsorted_the_newest_number_comes_first_and_a_row_links_its_lead_and_customer()
    {
        var seeded = await ArrangeAsync();

        var rows = (await _app.Get<ProjectListQuery>().GetAsync(new ProjectFilter(Every), null, false, 0, 25)).Rows;

        Assert.Equal(["Intern Wiki", "Alpen Tour", "Broschüre Frühjahr", "Relaunch Phase 1"], rows.Select(r => r.Name));
        Assert.Equal($"P{_app.Today:yyMM}-001", rows[^1].Number);
        Assert.Equal((seeded.RelaunchLead, seeded.MuellerId), (rows[^1].LeadId, rows[^1].CompanyId));
        Assert.Equal((ProjectStatus.Finished, ProjectBilling.FixedPrice, (string?)await OwnerNameAsync()), (rows[2].Status, rows[2].Billing, rows[2].CoLeader));
        Assert.Equal((_app.Today.AddDays(90), (DateOnly?)null, 150m), (rows[1].StartOn!.Value, rows[1].FinishOn, rows[1].HourlyRate!.Value.Amount));
    }

    private async Task<string> OwnerNameAsync()
    {
        await using var db = _app.NewContext();
        return db.Users.Single(u => u.Id == _app.OwnerId).DisplayName;
    }
}

public sealed class ProjectListQueryTestsOnSqlite() : ProjectListQueryTests(DatabaseProvider.Sqlite);

public sealed class ProjectListQueryTestsOnPostgres() : ProjectListQueryTests(DatabaseProvider.Postgres);
