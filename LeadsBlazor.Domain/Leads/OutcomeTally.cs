namespace LeadsBlazor.Domain.Leads;

/// <summary>
/// Why leads are lost (Rule 15): the closed leads of one group (a reason, the stage they left, a responsible user) by outcome,
/// counted and with their revenue in the account currency. Amounts are exact sums of per-lead cents, so rows add up to the total.
/// </summary>
public sealed record OutcomeTally(int Won, int Lost, int Dropped, decimal WonRevenue, decimal LostRevenue, decimal DroppedRevenue)
{
    public static readonly OutcomeTally None = new(0, 0, 0, 0m, 0m, 0m);

    public int Count => Won + Lost + Dropped;

    public decimal Revenue => WonRevenue + LostRevenue + DroppedRevenue;

    /// <summary>Won ÷ closed in whole percent (half away from zero, as the calibration rounds), or null while nothing closed.</summary>
    public int? WinPercent => Percent(Won, Count);

    /// <summary>This group's part of all closed leads of <paramref name="total"/>, by number.</summary>
    public int? ShareOf(OutcomeTally total)
    {
        ArgumentNullException.ThrowIfNull(total);
        return Percent(Count, total.Count);
    }

    /// <summary>This group's part of the revenue of <paramref name="total"/>; null when the total has none.</summary>
    public int? RevenueShareOf(OutcomeTally total)
    {
        ArgumentNullException.ThrowIfNull(total);
        return total.Revenue == 0m ? null : (int)Math.Round(Revenue * 100m / total.Revenue, MidpointRounding.AwayFromZero);
    }

    public int CountOf(LeadStatus outcome) => outcome switch
    {
        LeadStatus.Won => Won,
        LeadStatus.Lost => Lost,
        LeadStatus.Dropped => Dropped,
        _ => 0,
    };

    public decimal RevenueOf(LeadStatus outcome) => outcome switch
    {
        LeadStatus.Won => WonRevenue,
        LeadStatus.Lost => LostRevenue,
        LeadStatus.Dropped => DroppedRevenue,
        _ => 0m,
    };

    /// <summary><paramref name="count"/> more leads closed with <paramref name="outcome"/>, worth <paramref name="revenue"/> together.</summary>
    public OutcomeTally Add(LeadStatus outcome, int count, decimal revenue) => outcome switch
    {
        LeadStatus.Won => this with { Won = Won + count, WonRevenue = WonRevenue + revenue },
        LeadStatus.Lost => this with { Lost = Lost + count, LostRevenue = LostRevenue + revenue },
        LeadStatus.Dropped => this with { Dropped = Dropped + count, DroppedRevenue = DroppedRevenue + revenue },
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Only a closed lead has an outcome."),
    };

    public OutcomeTally Plus(OutcomeTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Won + other.Won, Lost + other.Lost, Dropped + other.Dropped, WonRevenue + other.WonRevenue, LostRevenue + other.LostRevenue, DroppedRevenue + other.DroppedRevenue);
    }

    private static int? Percent(int part, int whole) => whole == 0 ? null : (int)Math.Round(part * 100m / whole, MidpointRounding.AwayFromZero);
}
