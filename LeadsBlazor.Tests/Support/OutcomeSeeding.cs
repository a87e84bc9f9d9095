using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Support;

/// <summary>
/// Closed leads for the outcome analysis, stored straight through the context (arranging, not the rule under test). With today T
/// (the fake clock's day), the default period "last 12 months" runs from T − 12 months + 1 day to T:
/// <code>
/// lead        responsible  stage          revenue        outcome  reason       closed on        label
/// Relaunch    owner        Angebot        10.000 EUR     won                   T − 10           Web
/// Shop        owner        Angebot        5.000 CHF      lost     Preis        T − 20
///                                          (= 5.250 EUR at 1,05)
/// Flyer       member       Vorstellung    1.234,56 EUR   lost     Preis        T − 30           Web
/// Messe       member       (potential)    2.000 EUR      dropped  Kein Budget  T − 40
/// Intranet    member       Verhandlungen  20.000 EUR     won                   T − 12 months + 1 (the period's first day)
/// Altprojekt  owner        Angebot        7.000 EUR      lost     Zeitpunkt    T − 12 months (the day before the period)
/// Laufend     owner        Angebot        9.000 EUR      running (never counted)
/// </code>
/// </summary>
public static class OutcomeSeeding
{
    public sealed record Seeded(string OwnerId, string MemberId, int WebLabel, DateOnly Today, IReadOnlyList<int> StageIds, int PriceReason, int NoBudgetReason);

    public static async Task<Seeded> CreateOutcomesAsync(this LeadsAppFactory app, string memberId)
    {
        ArgumentNullException.ThrowIfNull(app);
        var ownerId = await app.UserIdAsync(LeadsAppFactory.OwnerEmail);
        var web = await app.CreateLabelAsync("Web", "#1e88e5");
        var now = app.Time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        using var scope = app.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LeadsDbContext>>().CreateDbContextAsync();
        var settings = await db.AccountSettings.Include(a => a.Currencies).SingleAsync();
        settings.AddOrUpdateCurrency(Currency.Chf, 1.05m, today);
        var stages = await db.Stages.OrderBy(s => s.Position).ToListAsync();
        var reasons = await db.CloseReasons.ToDictionaryAsync(r => r.Name);
        var label = await db.Labels.SingleAsync(l => l.Id == web);
        var actor = new Actor(ownerId, now);

        Lead Add(string name, string responsible, int? stage, decimal revenue, Currency? currency = null)
        {
            var money = Money.Revenue(revenue, currency ?? Currency.Eur);
            var lead = stage is { } s
                ? Lead.CreateRunning(name, responsible, money, today.AddDays(3), null, stages[s], actor)
                : Lead.CreatePotential(name, responsible, money, today.AddDays(3), null, actor);
            db.Leads.Add(lead);
            return lead;
        }

        var relaunch = Add("Relaunch", ownerId, 2, 10_000m);
        relaunch.AddLabel(label, actor);
        relaunch.Close(LeadStatus.Won, today.AddDays(-10), null, null, actor);
        Add("Shop", ownerId, 2, 5_000m, Currency.Chf).Close(LeadStatus.Lost, today.AddDays(-20), reasons["Preis"], "zu teuer", actor);
        var flyer = Add("Flyer", memberId, 1, 1_234.56m);
        flyer.AddLabel(label, actor);
        flyer.Close(LeadStatus.Lost, today.AddDays(-30), reasons["Preis"], null, actor);
        Add("Messe", memberId, null, 2_000m).Close(LeadStatus.Dropped, today.AddDays(-40), reasons["Kein Budget"], null, actor);
        Add("Intranet", memberId, 3, 20_000m).Close(LeadStatus.Won, today.AddMonths(-12).AddDays(1), null, null, actor);
        Add("Altprojekt", ownerId, 2, 7_000m).Close(LeadStatus.Lost, today.AddMonths(-12), reasons["Zeitpunkt"], null, actor);
        Add("Laufend", ownerId, 2, 9_000m);
        await db.SaveChangesAsync();
        return new Seeded(ownerId, memberId, web, today, [.. stages.Select(s => s.Id)], reasons["Preis"].Id, reasons["Kein Budget"].Id);
    }

    /// <summary>A seeded lead's id and version, for a use case that changes it as another session would.</summary>
    public static async Task<(int Id, long Version)> LeadAsync(this LeadsAppFactory app, string name)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var scope = app.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LeadsDbContext>>().CreateDbContextAsync();
        return await db.Leads.Where(l => l.Name == name).Select(l => ValueTuple.Create(l.Id, l.Version)).SingleAsync();
    }
}
