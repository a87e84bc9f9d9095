using LeadsBlazor.Domain.Leads;

namespace LeadsBlazor.Tests.Domain;

/// <summary>Rule 15 (why leads are lost): a group's tally, its win rate and its share of all closed leads.</summary>
public sealed class OutcomeTallyTests
{
    [Fact]
    public void The_win_rate_is_won_of_all_closed_leads_rounded_half_away_from_zero_and_none_without_a_closed_lead()
    {
        var tally = OutcomeTally.None.Add(LeadStatus.Won, 1, 10_000m).Add(LeadStatus.Lost, 4, 2_000.50m).Add(LeadStatus.Dropped, 3, 0.25m);

        Assert.Equal((8, 12_000.75m), (tally.Count, tally.Revenue));
        Assert.Equal(13, tally.WinPercent);
        Assert.Null(OutcomeTally.None.WinPercent);
        Assert.Equal(2_000.50m, tally.RevenueOf(LeadStatus.Lost));
        Assert.Throws<ArgumentOutOfRangeException>(() => tally.Add(LeadStatus.Running, 1, 1m));
    }

    [Fact]
    public void A_share_is_the_groups_part_of_the_total_by_number_and_by_revenue()
    {
        var lost = new OutcomeTally(0, 1, 0, 0m, 500m, 0m);
        var won = new OutcomeTally(2, 0, 0, 1_500m, 0m, 0m);
        var total = lost.Plus(won);

        Assert.Equal((33, 25), (lost.ShareOf(total), lost.RevenueShareOf(total)));
        Assert.Equal((67, 75), (won.ShareOf(total), won.RevenueShareOf(total)));
        Assert.Null(lost.ShareOf(OutcomeTally.None));
        Assert.Null(lost.RevenueShareOf(OutcomeTally.None));
    }
}
