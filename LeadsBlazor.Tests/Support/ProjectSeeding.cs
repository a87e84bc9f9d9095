using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Support;

/// <summary>Arranges won leads and their projects through the app's own use cases, each in its own scope as a request would run it.</summary>
public static class ProjectSeeding
{
    /// <summary>
    /// A lead of the customer "Nordlicht GmbH" with two draft offers ("Relaunch" 8,000 and "Relaunch klein" 5,000 net),
    /// won today. Its first project confirms both offers.
    /// </summary>
    public static async Task<(int LeadId, int FirstOffer, int SecondOffer)> CreateWonLeadWithTwoOffersAsync(this IServiceProvider services, string userId, string name = "Relaunch Website")
    {
        var leadId = await services.CreateCustomerLeadAsync(name, userId, "Nordlicht GmbH", 12_000m);
        var first = await services.CreateOfferAsync(leadId, userId, "Relaunch", 8_000m);
        var second = await services.CreateOfferAsync(leadId, userId, "Relaunch klein", 5_000m);
        using var scope = services.CreateScope();
        var today = DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LeadsDbContext>>().CreateDbContextAsync())
        {
            var version = await db.Leads.Where(l => l.Id == leadId).Select(l => l.Version).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<LeadCommands>().CloseAsync(leadId, version, LeadStatus.Won, today, null, null, userId);
        }

        return (leadId, first, second);
    }

    /// <summary>A project from the won lead, prefilled as "+ Neues Projekt" does, under <paramref name="name"/>; returns its id.</summary>
    public static async Task<int> CreateProjectFromLeadAsync(this IServiceProvider services, int leadId, string userId, string name)
    {
        using var scope = services.CreateScope();
        var input = await scope.ServiceProvider.GetRequiredService<NewProjectQuery>().FromLeadAsync(leadId);
        return await scope.ServiceProvider.GetRequiredService<ProjectCommands>().CreateFromLeadAsync(leadId, input with { Name = name }, userId);
    }
}
