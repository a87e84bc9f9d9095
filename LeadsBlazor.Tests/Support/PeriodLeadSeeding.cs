using LeadsBlazor.Web.Features.Leads;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Support;

/// <summary>Running leads with a service period, for the forecast's tests, stored through the app's own use case.</summary>
public static class PeriodLeadSeeding
{
    public static async Task<int> CreatePeriodLeadAsync(
        this IServiceProvider services, string name, decimal revenue, string responsibleUserId, int stageId, DateOnly? from, DateOnly? to, IReadOnlyCollection<int>? labels = null)
    {
        using var scope = services.CreateScope();
        var today = DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        return await scope.ServiceProvider.GetRequiredService<LeadCommands>().CreateAsync(new LeadInput
        {
            Name = name,
            ResponsibleUserId = responsibleUserId,
            Revenue = revenue,
            NextActionOn = today.AddDays(3),
            StageId = stageId,
            ServiceFrom = from,
            ServiceTo = to,
            LabelIds = labels ?? [],
        }, responsibleUserId);
    }
}
