using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Features.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Tests.Features.Outcomes;

/// <summary>Why leads are lost, on the real database: the closed leads of a period by reason, stage left and responsible user (<see cref="OutcomeSeeding"/>).</summary>
public abstract class OutcomeQueryTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?>
    {
        ["Reminders:BackgroundScan"] = "false",
        ["Forecast:BackgroundSnapshots"] = "false",
    }, provider: provider);

    public void Dispose() => _app.Dispose();

    private async Task<OutcomeSeeding.Seeded> ArrangeAsync() => await _app.Factory.CreateOutcomesAsync(await _app.CreateMemberAsync());

    private Task<OutcomeView> GetAsync(OutcomeBreakdown by, LeadFilter? filter = null, OutcomePeriod? period = null) =>
        _app.Get<OutcomeQuery>().GetAsync(filter ?? new LeadFilter(), period ?? OutcomePeriod.Of(OutcomePeriod.DefaultPreset, _app.Today), by);

    private static OutcomeTally Row(OutcomeView view, string key) => view.Rows.Single(r => r.Key == key).Tally;

    [Fact]
    public async Task By_reason_won_leads_are_one_row_and_lost_and_dropped_ones_count_under_their_reason_in_the_account_currency()
    {
        var seeded = await ArrangeAsync();

        var view = await GetAsync(OutcomeBreakdown.Reason);

        Assert.Equal([OutcomeRowKind.Won, OutcomeRowKind.Named, OutcomeRowKind.Named], view.Rows.Select(r => r.Kind));
        Assert.Equal([null, "Preis", "Kein Budget"], view.Rows.Select(r => r.Name));
        Assert.Equal(new OutcomeTally(2, 0, 0, 30_000m, 0m, 0m), Row(view, "won"));

        // 5.000 CHF at 1,05 are 5.250 €, added to the cents of the euro lead exactly.
        Assert.Equal(new OutcomeTally(0, 2, 0, 0m, 6_484.56m, 0m), Row(view, $"{seeded.PriceReason}"));
        Assert.Equal(new OutcomeTally(0, 0, 1, 0m, 0m, 2_000m), Row(view, $"{seeded.NoBudgetReason}"));
        Assert.Equal(new OutcomeTally(2, 2, 1, 30_000m, 6_484.56m, 2_000m), view.Total);
        Assert.Equal("EUR", view.Currency);
        Assert.Equal(40, Row(view, "won").ShareOf(view.Total));
        Assert.Equal(78, Row(view, "won").RevenueShareOf(view.Total));
    }

    [Fact]
    public async Task By_stage_leads_whose_stage_was_deleted_since_are_a_row_of_their_own_not_contact_potential()
    {
        var seeded = await ArrangeAsync();
        await using (var db = _app.NewContext())
        {
            // "Vorstellung" holds no running lead, only closed ones that left it: it is deleted without a move.
            var stages = await db.Stages.ToListAsync();
            var list = new LeadsBlazor.Domain.Pipeline.StageList(stages);
            list.Delete(stages.Single(s => s.Name == "Vorstellung"), null, [], _app.Actor);
            db.Stages.Remove(stages.Single(s => s.Name == "Vorstellung"));
            await db.SaveChangesAsync();
        }

        var view = await GetAsync(OutcomeBreakdown.Stage);

        Assert.Equal(new OutcomeTally(0, 0, 1, 0m, 0m, 2_000m), Row(view, ""));
        Assert.Equal(OutcomeRowKind.Deleted, view.Rows[^1].Kind);
        Assert.Equal(view.Total.Count, view.Rows.Sum(r => r.Tally.Count));
        Assert.DoesNotContain(view.Rows, r => r.Name == "Vorstellung");
    }

    [Fact]
    public async Task By_stage_a_lead_counts_under_the_stage_it_left_and_one_closed_from_contact_potential_under_that()
    {
        var seeded = await ArrangeAsync();

        var view = await GetAsync(OutcomeBreakdown.Stage);

        Assert.Equal([OutcomeRowKind.Potential, OutcomeRowKind.Named, OutcomeRowKind.Named, OutcomeRowKind.Named], view.Rows.Select(r => r.Kind));
        Assert.Equal([null, "Vorstellung", "Angebot", "Verhandlungen"], view.Rows.Select(r => r.Name));
        Assert.Equal(new OutcomeTally(0, 0, 1, 0m, 0m, 2_000m), Row(view, ""));
        var offer = Row(view, $"{seeded.StageIds[2]}");
        Assert.Equal(new OutcomeTally(1, 1, 0, 10_000m, 5_250m, 0m), offer);
        Assert.Equal(50, offer.WinPercent);
        Assert.Equal(100, Row(view, $"{seeded.StageIds[3]}").WinPercent);
        Assert.Equal(0, Row(view, $"{seeded.StageIds[1]}").WinPercent);
    }

    [Fact]
    public async Task By_user_each_responsible_user_has_a_row_and_the_view_filter_keeps_one_user_or_a_label()
    {
        var seeded = await ArrangeAsync();

        var view = await GetAsync(OutcomeBreakdown.User);
        var member = await GetAsync(OutcomeBreakdown.User, new LeadFilter(ResponsibleUserId: seeded.MemberId));
        var web = await GetAsync(OutcomeBreakdown.Stage, new LeadFilter(LabelIds: [seeded.WebLabel]));
        var search = await GetAsync(OutcomeBreakdown.Reason, new LeadFilter(Search: "shop"));

        Assert.Equal(new OutcomeTally(1, 1, 0, 10_000m, 5_250m, 0m), Row(view, seeded.OwnerId));
        Assert.Equal(new OutcomeTally(1, 1, 1, 20_000m, 1_234.56m, 2_000m), Row(view, seeded.MemberId));
        Assert.Equal("Mia Member", view.Rows.Single(r => r.Key == seeded.MemberId).Name);
        Assert.Equal([seeded.MemberId], member.Rows.Select(r => r.Key));
        Assert.Equal([$"{seeded.StageIds[1]}", $"{seeded.StageIds[2]}"], web.Rows.Select(r => r.Key));
        Assert.Equal(new OutcomeTally(1, 1, 0, 10_000m, 1_234.56m, 0m), web.Total);
        Assert.Equal(new OutcomeTally(0, 1, 0, 0m, 5_250m, 0m), search.Total);
    }

    [Fact]
    public async Task Both_ends_of_the_period_count_and_the_days_beyond_them_do_not()
    {
        var seeded = await ArrangeAsync();
        var today = seeded.Today;

        var inclusive = await GetAsync(OutcomeBreakdown.User, period: new OutcomePeriod(today.AddDays(-30), today.AddDays(-10)));
        var inner = await GetAsync(OutcomeBreakdown.User, period: new OutcomePeriod(today.AddDays(-29), today.AddDays(-11)));
        var year = await GetAsync(OutcomeBreakdown.User);

        Assert.Equal((1, 2), (inclusive.Total.Won, inclusive.Total.Lost));
        Assert.Equal((0, 1), (inner.Total.Won, inner.Total.Lost));

        // "Intranet" closed on the default period's first day, "Altprojekt" the day before it.
        Assert.Equal(new OutcomePeriod(today.AddMonths(-12).AddDays(1), today), year.Period);
        Assert.Equal((2, 2, 1), (year.Total.Won, year.Total.Lost, year.Total.Dropped));
    }

    [Fact]
    public async Task A_retired_reason_keeps_its_name_and_running_or_reopened_leads_never_count()
    {
        var seeded = await ArrangeAsync();
        await using (var db = _app.NewContext())
        {
            var reasons = new CloseReasonList(await db.CloseReasons.ToListAsync());
            reasons.Retire(reasons.Reasons.Single(r => r.Id == seeded.PriceReason));
            var flyer = await db.Leads.Include(l => l.CloseReason).SingleAsync(l => l.Name == "Flyer");
            flyer.Reopen(LeadStatus.Running, await db.Stages.SingleAsync(s => s.Id == seeded.StageIds[1]), _app.Today.AddDays(2), _app.Actor);
            await db.SaveChangesAsync();
        }

        var view = await GetAsync(OutcomeBreakdown.Reason);

        var price = view.Rows.Single(r => r.Key == $"{seeded.PriceReason}");
        Assert.Equal(("Preis", 1, 5_250m), (price.Name, price.Tally.Lost, price.Tally.LostRevenue));
        Assert.Equal(4, view.Total.Count);
    }

    [Fact]
    public async Task The_database_groups_the_leads_and_returns_no_lead_rows()
    {
        await ArrangeAsync();
        await using var db = _app.NewContext();

        var sql = OutcomeQuery.Sums(db, new LeadFilter(), OutcomePeriod.Of(OutcomePeriod.DefaultPreset, _app.Today), OutcomeBreakdown.Reason).ToQueryString();

        Assert.Contains("GROUP BY", sql, StringComparison.Ordinal);
        // Npgsql writes count(*)::int, SQLite COUNT(*): the same aggregate, spelled in each provider's case.
        Assert.Contains("COUNT(*)", sql, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class OutcomeQueryTestsOnSqlite() : OutcomeQueryTests(DatabaseProvider.Sqlite);

public sealed class OutcomeQueryTestsOnPostgres() : OutcomeQueryTests(DatabaseProvider.Postgres);
