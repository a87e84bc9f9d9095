using LeadsBlazor.Domain.Pipeline;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Leads;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Support;

/// <summary>Arranges data in a running app through its own use cases.</summary>
public static class AppSeeding
{
    public static async Task<string> UserIdAsync(this LeadsAppFactory app, string email)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    public static async Task<IReadOnlyList<Stage>> StagesAsync(this LeadsAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LeadsDbContext>>().CreateDbContextAsync();
        return await db.Stages.AsNoTracking().OrderBy(s => s.Position).ToListAsync();
    }

    public static async Task<int> CreateLabelAsync(this LeadsAppFactory app, string name, string color)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LeadsBlazor.Web.Features.Labels.LabelCommands>().CreateAsync(name, color);
    }

    public static async Task<int> CreateLeadAsync(this LeadsAppFactory app, string name, decimal revenue, string responsibleUserId, int? stageId, DateOnly? nextActionOn = null, string currency = "EUR", IReadOnlyCollection<int>? labelIds = null)
    {
        using var scope = app.Services.CreateScope();
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        return await scope.ServiceProvider.GetRequiredService<LeadCommands>().CreateAsync(new LeadInput
        {
            Name = name,
            ResponsibleUserId = responsibleUserId,
            Revenue = revenue,
            Currency = currency,
            NextActionOn = nextActionOn ?? today.AddDays(5),
            StageId = stageId,
            LabelIds = labelIds ?? [],
        }, responsibleUserId);
    }

    public static async Task<LeadsBlazor.Domain.Leads.Lead> LeadAsync(this LeadsAppFactory app, int leadId)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LeadsDbContext>>().CreateDbContextAsync();
        return await db.Leads.AsNoTracking().Include(l => l.Stage).Include(l => l.History).AsSplitQuery().SingleAsync(l => l.Id == leadId);
    }
}
