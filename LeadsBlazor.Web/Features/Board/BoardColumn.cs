using LeadsBlazor.Domain.Pipeline;
using LeadsBlazor.Web.Features.LeadViews;

namespace LeadsBlazor.Web.Features.Board;

/// <summary>One stage column: its stage, its figures (counting every lead of the view) and how many cards are loaded.</summary>
public sealed record BoardColumn(int StageId, string Name, Probability Probability, StageFigures Figures, int LoadedCards)
{
    public string Zone => ZoneOf(StageId);

    public bool HasMore => LoadedCards < Figures.Count;

    public static string ZoneOf(int stageId) => "stage-" + stageId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
