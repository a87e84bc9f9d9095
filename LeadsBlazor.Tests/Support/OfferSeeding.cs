using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Support;

/// <summary>Arranges offers through the app's own use cases, each in its own scope as a request would run it.</summary>
public static class OfferSeeding
{
    /// <summary>A lead of a new customer named <paramref name="company"/> (none when null), its next action in five days.</summary>
    public static async Task<int> CreateCustomerLeadAsync(this IServiceProvider services, string name, string responsibleUserId, string? company,
        decimal revenue = 1_000m, string currency = "EUR", int? stageId = null)
    {
        using var scope = services.CreateScope();
        var today = DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        return await scope.ServiceProvider.GetRequiredService<LeadCommands>().CreateAsync(new LeadInput
        {
            Name = name, ResponsibleUserId = responsibleUserId, Revenue = revenue, Currency = currency, StageId = stageId, NewCompanyName = company, NextActionOn = today.AddDays(5),
        }, responsibleUserId);
    }

    /// <summary>A draft on the lead titled <paramref name="title"/> with one item of <paramref name="net"/> (the owner's 19 % tax on top); returns its id.</summary>
    public static async Task<int> CreateOfferAsync(this IServiceProvider services, int leadId, string userId, string title, decimal net)
    {
        using var scope = services.CreateScope();
        var commands = scope.ServiceProvider.GetRequiredService<OfferCommands>();
        var id = await commands.CreateAsync(leadId, userId);
        var offer = await services.OfferAsync(id);
        await commands.UpdateAsync(id, offer.Version, offer.Details() with { Title = title }, [OfferPosition.Item(title, 1m, "pauschal", net)], userId);
        return id;
    }

    /// <summary>Runs an offer use case at the offer's current version, e.g. <c>(c, id, v, user) => c.ArchiveAsync(id, v, user)</c>.</summary>
    public static async Task ChangeOfferAsync(this IServiceProvider services, int offerId, string userId, Func<OfferCommands, int, long, string, Task> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        using var scope = services.CreateScope();
        await change(scope.ServiceProvider.GetRequiredService<OfferCommands>(), offerId, (await services.OfferAsync(offerId)).Version, userId);
    }

    public static async Task<Offer> OfferAsync(this IServiceProvider services, int offerId)
    {
        using var scope = services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LeadsDbContext>>().CreateDbContextAsync();
        return await db.Offers.AsNoTracking().SingleAsync(o => o.Id == offerId);
    }
}
