using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Labels;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Labels;

/// <summary>Rule 9's use cases: any user creates, renames, recolours and deletes labels; names are unique ignoring case.</summary>
public sealed class LabelCommands(IDbContextFactory<LeadsDbContext> contexts, IEventBus events, TimeProvider time)
{
    public async Task<int> CreateAsync(string name, string color, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var label = new Label(name, color);
        Label.EnsureUnique(label.Name, await db.Labels.Select(l => l.Name).ToListAsync(cancellationToken));
        db.Labels.Add(label);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Publish(new LabelsChanged());
        return label.Id;
    }

    public async Task RenameAsync(int labelId, string name, string color, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var label = await FindAsync(db, labelId, cancellationToken);
        Label.EnsureUnique(name, await db.Labels.Where(l => l.Id != labelId).Select(l => l.Name).ToListAsync(cancellationToken));
        label.Rename(name);
        label.Recolor(color);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Publish(new LabelsChanged());
    }

    /// <summary>Deletes a label and takes it off its leads, which their history records.</summary>
    public async Task DeleteAsync(int labelId, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var label = await FindAsync(db, labelId, cancellationToken);
        var leads = await db.Leads.Include(l => l.Labels).Where(l => l.Labels.Any(x => x.Id == labelId)).ToListAsync(cancellationToken);
        var actor = new Actor(userId, time.GetUtcNow());
        foreach (var lead in leads)
        {
            lead.RemoveLabel(label, actor);
        }

        db.Labels.Remove(label);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // One event for all its leads: every view that shows labels reloads once, not once per lead.
        events.Publish(new LabelsChanged());
    }

    private static async Task<Label> FindAsync(LeadsDbContext db, int labelId, CancellationToken cancellationToken) =>
        await db.Labels.SingleOrDefaultAsync(l => l.Id == labelId, cancellationToken)
        ?? throw new DomainException("Label", ErrorKeys.UnknownLabel, labelId);
}
