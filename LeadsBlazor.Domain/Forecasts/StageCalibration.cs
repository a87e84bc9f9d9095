using LeadsBlazor.Domain.Pipeline;

namespace LeadsBlazor.Domain.Forecasts;

/// <summary>How the set probability of a stage compares with what its leads did.</summary>
public enum CalibrationVerdict
{
    /// <summary>Fewer than <see cref="StageCalibration.MinimumDecided"/> leads have an outcome: no judgement yet.</summary>
    TooFewLeads,

    /// <summary>The observed win rate is within <see cref="StageCalibration.Tolerance"/> points of the set probability.</summary>
    Matches,

    /// <summary>Fewer leads were won than the probability promises.</summary>
    SetTooHigh,

    /// <summary>More leads were won than the probability promises.</summary>
    SetTooLow,
}

/// <summary>
/// Rule 15 (calibration) for one stage: of the leads that entered it in the window, how many were won, lost, dropped or are still open
/// (their status now), and the observed win rate beside the set probability. The rate counts decided leads only
/// (won ÷ (won + lost + dropped)): an open lead has not yet shown whether the probability holds.
/// </summary>
public sealed record StageCalibration(int StageId, Probability Set, int Won, int Lost, int Dropped, int Open)
{
    /// <summary>Below this many decided leads a rate says more about chance than about the stage.</summary>
    public const int MinimumDecided = 5;

    /// <summary>Percentage points the observed rate may differ from the set probability and still match it.</summary>
    public const int Tolerance = 10;

    public int Passed => Won + Lost + Dropped + Open;

    public int Decided => Won + Lost + Dropped;

    /// <summary>The observed win rate in whole percent (rounded half away from zero), or null while no lead is decided.</summary>
    public int? ObservedPercent => Decided == 0 ? null : (int)Math.Round(Won * 100m / Decided, MidpointRounding.AwayFromZero);

    public CalibrationVerdict Verdict => Decided < MinimumDecided || ObservedPercent is not { } observed
        ? CalibrationVerdict.TooFewLeads
        : Math.Abs(observed - Set.Percent) <= Tolerance ? CalibrationVerdict.Matches
        : observed < Set.Percent ? CalibrationVerdict.SetTooHigh
        : CalibrationVerdict.SetTooLow;
}
