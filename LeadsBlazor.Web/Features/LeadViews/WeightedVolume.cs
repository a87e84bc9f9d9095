namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>The figures of one stage column, or of the whole view: in the account currency, rounded to the cent.</summary>
public sealed record StageFigures(int? StageId, int Count, decimal Revenue, decimal Weighted);

/// <summary>Rule 4: the weighted volume of the running leads a view shows, per stage and in total.</summary>
public sealed record WeightedVolume(IReadOnlyList<StageFigures> Stages, StageFigures Total, string Currency)
{
    public StageFigures For(int stageId) =>
        Stages.FirstOrDefault(s => s.StageId == stageId) ?? new StageFigures(stageId, 0, 0m, 0m);

    /// <summary>The total weighted volume if one stage had another probability: the preview before the owner saves it.</summary>
    public decimal TotalWeightedIf(int? stageId, int probabilityPercent)
    {
        if (stageId is not { } id)
        {
            return Total.Weighted;
        }

        var stage = For(id);
        var reweighted = decimal.Round(stage.Revenue * Math.Clamp(probabilityPercent, 0, 100) / 100m, 2, MidpointRounding.AwayFromZero);
        return Total.Weighted - stage.Weighted + reweighted;
    }
}
