using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Web.Components.Account.Protection;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Settings.Shared;
using LeadsBlazor.Web.Infrastructure;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Settings.Users;

/// <summary>The owner's switch that makes two-factor sign-in a must for every owner.</summary>
public sealed class TwoFactorPolicyCommands(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account, UserSessions sessions, IEventBus events, TimeProvider time)
{
    public async Task<bool> IsRequiredAsync(CancellationToken cancellationToken = default) =>
        (await account.GetAsync(cancellationToken)).OwnersRequireTwoFactor;

    public async Task ChangeAsync(string userId, bool required, CancellationToken cancellationToken = default)
    {
        List<string> outsideTheRule = [];
        var changed = await contexts.ChangeAsOwnerAsync(userId, time, async (db, actor) =>
        {
            var settings = await db.AccountSettings.SingleAsync(cancellationToken);
            if (settings.OwnersRequireTwoFactor == required)
            {
                return false;
            }

            var actorUsesTwoFactor = await db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync(cancellationToken);
            settings.RequireTwoFactorForOwners(required, actorUsesTwoFactor);
            if (required)
            {
                // Owners signed in with a password alone: a new security stamp ends those sessions, so the next
                // sign-in sends them to enrol instead of leaving an open session outside the rule.
                var ownerIds = db.OwnerIds();
                foreach (var owner in await db.Users.Where(u => ownerIds.Contains(u.Id) && !u.TwoFactorEnabled).ToListAsync(cancellationToken))
                {
                    owner.SecurityStamp = Guid.NewGuid().ToString("N");
                    outsideTheRule.Add(owner.Id);
                }
            }

            db.SettingsChanges.Add(new SettingsChange(SettingsArea.Users, required ? "SettingsLog.OwnerTwoFactorOn" : "SettingsLog.OwnerTwoFactorOff", "", actor));
            return true;
        }, cancellationToken);

        if (changed)
        {
            // Their session rows go too, and their open circuits are told now rather than at their next check.
            foreach (var owner in outsideTheRule)
            {
                await sessions.EndAllAsync(owner, cancellationToken: cancellationToken);
            }

            account.Changed(events, LiveTopic.None);
        }
    }
}
