using LeadsBlazor.Domain.Forecasts;
using LeadsBlazor.Web.Components.Shared;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LeadsBlazor.Web.Features.Forecast;

/// <summary>
/// How a stage's calibration reads, wherever it shows (the forecast page, the stage settings): one hint sentence per verdict
/// ("Angebot: eingestellt 30 %, beobachtet 18 % bei 56 entschiedenen Leads – eher niedriger einstellen."), a verdict word, its colour and icon.
/// </summary>
public static class CalibrationTexts
{
    public static string Hint(this IStringLocalizer text, string stageName, StageCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var set = Formats.Percent(calibration.Set.Percent);
        if (calibration.ObservedPercent is not { } observed)
        {
            return text["Calibration.Hint.None", stageName, set];
        }

        var values = new object[] { stageName, set, Formats.Percent(observed), calibration.Decided };
        return calibration.Verdict switch
        {
            CalibrationVerdict.Matches => text["Calibration.Hint.Matches", values],
            CalibrationVerdict.SetTooHigh => text["Calibration.Hint.SetTooHigh", values],
            CalibrationVerdict.SetTooLow => text["Calibration.Hint.SetTooLow", values],
            _ => text.Plural(calibration.Decided, "Calibration.Hint.TooFew.One", "Calibration.Hint.TooFew", values),
        };
    }

    public static string Verdict(this IStringLocalizer text, CalibrationVerdict verdict) => text[$"Calibration.Verdict.{verdict}"];

    public static Color ColorOf(CalibrationVerdict verdict) => verdict switch
    {
        CalibrationVerdict.Matches => Color.Success,
        CalibrationVerdict.SetTooHigh or CalibrationVerdict.SetTooLow => Color.Warning,
        _ => Color.Default,
    };

    public static string IconOf(CalibrationVerdict verdict) => verdict switch
    {
        CalibrationVerdict.Matches => Icons.Material.Filled.CheckCircle,
        CalibrationVerdict.SetTooHigh => Icons.Material.Filled.TrendingDown,
        CalibrationVerdict.SetTooLow => Icons.Material.Filled.TrendingUp,
        _ => Icons.Material.Filled.HelpOutline,
    };
}
