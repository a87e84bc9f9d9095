using System.Runtime.InteropServices;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Pipeline;

namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>The figures of one stage column, or of the whole view: in the account currency, exact sums of per-lead cents.</summary>
public sealed record StageFigures(int? StageId, int Count, decimal Revenue, decimal Weighted);

/// <summary><paramref name="Count"/> running leads of one stage whose revenue is <paramref name="InAccount"/> each, in the account currency.</summary>
public sealed record StageAmount(int StageId, Money InAccount, int Count);

/// <summary>Rule 4: the weighted volume of the running leads a view shows, per stage and in total.</summary>
public sealed record WeightedVolume(IReadOnlyList<StageFigures> Stages, StageFigures Total, string Currency, IReadOnlyList<StageAmount> Amounts)
{
    public StageFigures For(int stageId) =>
        Stages.FirstOrDefault(s => s.StageId == stageId) ?? new StageFigures(stageId, 0, 0m, 0m);

    /// <summary>The total weighted volume if one stage had another probability: the preview before the owner saves it, by the same rule.</summary>
    public decimal TotalWeightedIf(int? stageId, int probabilityPercent)
    {
        if (stageId is not { } id)
        {
            return Total.Weighted;
        }

        var probability = Probability.FromPercent(Math.Clamp(probabilityPercent, 0, 100));
        var reweighted = Amounts.Where(a => a.StageId == id).Sum(a => probability.Weigh(a.InAccount).Amount * a.Count);
        return Total.Weighted - For(id).Weighted + reweighted;
    }

    /// <summary>Adds up per-lead amounts into stage columns and the total; the total is the sum of the columns.</summary>
    public static WeightedVolume Of(IReadOnlyList<StageAmount> amounts, IReadOnlyDictionary<int, Probability> probabilities, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        ArgumentNullException.ThrowIfNull(probabilities);

        // One pass over the amounts (a searched board has tens of thousands), the stages in the order they first appear. A
        // stage the view does not know (deleted a moment ago) weighs nothing rather than failing the board.
        var sums = new Dictionary<int, (int Count, decimal Revenue, decimal Weighted)>();
        var order = new List<int>();
        foreach (var amount in amounts)
        {
            ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, amount.StageId, out var known);
            if (!known)
            {
                order.Add(amount.StageId);
            }

            var weighted = probabilities.GetValueOrDefault(amount.StageId).Weigh(amount.InAccount);
            sum = (sum.Count + amount.Count, sum.Revenue + (amount.InAccount.Amount * amount.Count), sum.Weighted + (weighted.Amount * amount.Count));
        }

        var stages = order.Select(id => new StageFigures(id, sums[id].Count, sums[id].Revenue, sums[id].Weighted)).ToList();
        var total = new StageFigures(null, stages.Sum(s => s.Count), stages.Sum(s => s.Revenue), stages.Sum(s => s.Weighted));
        return new WeightedVolume(stages, total, currency.Code, amounts);
    }
}
