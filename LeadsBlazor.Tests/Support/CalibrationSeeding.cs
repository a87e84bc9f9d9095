using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Support;

/// <summary>Arranges a stage's history for the calibration (Rule 15): leads that enter the stage today and end as given.</summary>
public static class CalibrationSeeding
{
    /// <summary>Stores the owner's leads straight through the context; returns their ids, the won first, then the lost, the dropped and the open ones.</summary>
    public static async Task<IReadOnlyList<int>> LeadsThroughAsync(this LeadsAppFactory app, int stageId, int won = 0, int lost = 0, int dropped = 0, int open = 0)
    {
        var actor = new Actor(await app.UserIdAsync(LeadsAppFactory.OwnerEmail), app.Time.GetUtcNow());
        var today = DateOnly.FromDateTime(actor.At.UtcDateTime);
        using var scope = app.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LeadsDbContext>>().CreateDbContextAsync();
        var stage = await db.Stages.SingleAsync(s => s.Id == stageId);
        var reason = await db.CloseReasons.FirstAsync();
        LeadStatus[] outcomes =
        [
            .. Enumerable.Repeat(LeadStatus.Won, won), .. Enumerable.Repeat(LeadStatus.Lost, lost),
            .. Enumerable.Repeat(LeadStatus.Dropped, dropped), .. Enumerable.Repeat(LeadStatus.Running, open),
        ];
        var leads = outcomes.Select(outcome =>
        {
            var lead = Lead.CreateRunning($"{stage.Name} {outcome}", actor.UserId, Money.Revenue(1_000m, Currency.Eur), today.AddDays(3), null, stage, actor);
            if (outcome != LeadStatus.Running)
            {
                lead.Close(outcome, today, outcome == LeadStatus.Won ? null : reason, null, actor);
            }

            return lead;
        }).ToList();
        db.Leads.AddRange(leads);
        await db.SaveChangesAsync();
        return [.. leads.Select(l => l.Id)];
    }
}
