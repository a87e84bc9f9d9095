using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Projects;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Support;

/// <summary>
/// The projects the project list's tests look at, made through the app's own use cases, each in its own scope as a request would run it:
/// <list type="bullet">
/// <item>"Relaunch Phase 1": from the won lead "Relaunch Website" of Müller GmbH, the owner's, 8.000 € budget, label "Web", active.</item>
/// <item>"Broschüre Frühjahr": Schmid AG, led by Mia Member with the owner as co-leader, 12.500 € fixed price, label "Print", finished.</item>
/// <item>"Alpen Tour": no customer, the owner's, 3.000 CHF at 150 CHF an hour, labels "Print" and "Web", active.</item>
/// <item>"Intern Wiki": no customer and no budget, the owner's, archived.</item>
/// </list>
/// </summary>
public static class ProjectListSeeding
{
    public sealed record Seeded(string MemberId, int MuellerId, int SchmidId, int WebLabel, int PrintLabel, int RelaunchLead);

    public static async Task<Seeded> CreateProjectListAsync(this LeadsAppFactory app, string ownerId, string memberId)
    {
        var services = app.Services;
        var stage = (await app.StagesAsync())[0].Id;
        var web = await app.CreateLabelAsync("Web", "#1e88e5");
        var print = await app.CreateLabelAsync("Print", "#e53935");
        var relaunch = await services.CreateCustomerLeadAsync("Relaunch Website", ownerId, "Müller GmbH", stageId: stage);
        var campaign = await services.CreateCustomerLeadAsync("Kampagne Frühjahr", memberId, "Schmid AG", stageId: stage);
        await WinAsync(services, relaunch, ownerId);
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        using var scope = services.CreateScope();
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LeadsDbContext>>().CreateDbContextAsync())
        {
            var settings = await db.AccountSettings.Include(a => a.Currencies).SingleAsync();
            settings.AddOrUpdateCurrency(Currency.Chf, 1.05m, today);
            await db.SaveChangesAsync();
        }

        var commands = scope.ServiceProvider.GetRequiredService<ProjectCommands>();
        var fromLead = await scope.ServiceProvider.GetRequiredService<NewProjectQuery>().FromLeadAsync(relaunch);
        var mueller = fromLead.CompanyId!.Value;
        await commands.CreateFromLeadAsync(relaunch, fromLead with
        {
            Name = "Relaunch Phase 1", Budget = 8_000m, StartOn = today.AddDays(7), FinishOn = today.AddDays(60), LabelIds = [web],
        }, ownerId);
        var schmid = (await app.LeadAsync(campaign)).CompanyId!.Value;
        var brochure = await commands.CreateAsync(new ProjectInput
        {
            Name = "Broschüre Frühjahr", CompanyId = schmid, LeaderUserId = memberId, CoLeaderUserId = ownerId, CurrencyCode = "EUR",
            Billing = ProjectBilling.FixedPrice, Budget = 12_500m, StartOn = today, FinishOn = today.AddDays(30), LabelIds = [print],
        }, memberId);
        await ChangeStatusAsync(services, brochure, ProjectStatus.Finished, memberId);
        await commands.CreateAsync(new ProjectInput
        {
            Name = "Alpen Tour", LeaderUserId = ownerId, CurrencyCode = "CHF", Budget = 3_000m, HourlyRate = 150m, StartOn = today.AddDays(90), LabelIds = [print, web],
        }, ownerId);
        var wiki = await commands.CreateAsync(new ProjectInput { Name = "Intern Wiki", LeaderUserId = ownerId, CurrencyCode = "EUR" }, ownerId);
        await ChangeStatusAsync(services, wiki, ProjectStatus.Archived, ownerId);
        return new Seeded(memberId, mueller, schmid, web, print, relaunch);
    }

    private static async Task WinAsync(IServiceProvider services, int leadId, string userId)
    {
        using var scope = services.CreateScope();
        var lead = await Lead(scope, leadId);
        var today = DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        await scope.ServiceProvider.GetRequiredService<LeadCommands>().CloseAsync(leadId, lead.Version, LeadStatus.Won, today, null, null, userId);
    }

    private static async Task ChangeStatusAsync(IServiceProvider services, int projectId, ProjectStatus status, string userId)
    {
        using var scope = services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LeadsDbContext>>().CreateDbContextAsync();
        var version = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Version).SingleAsync();
        await scope.ServiceProvider.GetRequiredService<ProjectCommands>().ChangeStatusAsync(projectId, version, status, userId);
    }

    private static async Task<Lead> Lead(IServiceScope scope, int leadId)
    {
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LeadsDbContext>>().CreateDbContextAsync();
        return await db.Leads.AsNoTracking().SingleAsync(l => l.Id == leadId);
    }
}
