using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Leads;

public sealed record UserOption(string Id, string Name);

public sealed record StageOption(int Id, string Name);

/// <summary>What the lead form offers: users, the account's currencies, stages and labels (the directory is searched as the user types, see <see cref="Customers.CustomerSearchQuery"/>).</summary>
public sealed record LeadFormOptions(
    IReadOnlyList<UserOption> Users,
    AccountSettings Settings,
    IReadOnlyList<StageOption> Stages,
    IReadOnlyList<LabelChip> Labels,
    DateOnly Today);

public sealed class LeadFormOptionsQuery(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account, TimeProvider time)
{
    public async Task<LeadFormOptions> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await account.GetAsync(cancellationToken);
        return new LeadFormOptions(
            await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName).Select(u => new UserOption(u.Id, u.DisplayName)).ToListAsync(cancellationToken),
            settings,
            await db.Stages.AsNoTracking().OrderBy(s => s.Position).Select(s => new StageOption(s.Id, s.Name)).ToListAsync(cancellationToken),
            await db.Labels.AsNoTracking().OrderBy(l => l.Name).Select(l => new LabelChip(l.Id, l.Name, l.Color)).ToListAsync(cancellationToken),
            settings.Today(time));
    }
}
