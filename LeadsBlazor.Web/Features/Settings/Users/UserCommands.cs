using System.Net.Mail;
using System.Text;
using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Components.Account.Protection;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Features.Reminders;
using LeadsBlazor.Web.Features.Settings.Shared;
using LeadsBlazor.Web.Infrastructure;
using LeadsBlazor.Web.Infrastructure.Live;
using LeadsBlazor.Web.Infrastructure.Mail;
using LeadsBlazor.Web.Infrastructure.Mail.Templates;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Settings.Users;

/// <summary>
/// Rule 12's user management for the owner: invite, change the role, deactivate or reactivate, and
/// hand a user's open leads to someone else. The account always keeps one active owner. Each use case
/// runs in its own DI scope (a fresh UserManager and context) and one write transaction, so two owners
/// demoting each other at once cannot leave the account without one.
/// </summary>
public sealed class UserCommands(IServiceScopeFactory scopes, IMailSender mail, MailRenderer renderer, AppUrls urls, IEventBus events, UserSessions sessions, TimeProvider time, ILogger<UserCommands> logger)
{
    public async Task<string> InviteAsync(string displayName, string email, bool owner, string culture, string actingUserId, CancellationToken cancellationToken = default)
    {
        var name = Text.Required(displayName, nameof(ApplicationUser.DisplayName));
        var address = CheckEmail(email);
        var (user, token) = await ChangeAsync(actingUserId, async (db, users, actor) =>
        {
            if (await users.FindByEmailAsync(address) is not null)
            {
                throw new DomainException(nameof(ApplicationUser.Email), ErrorKeys.DuplicateEmail, address);
            }

            // No password: the user sets one through the invitation link, so no one else ever knows it.
            var invited = new ApplicationUser
            {
                UserName = address,
                Email = address,
                EmailConfirmed = true,
                DisplayName = name,
                Culture = Preferences.Preferences.SupportedCultures.Any(c => c.Name == culture) ? culture : null,
            };
            Check(await users.CreateAsync(invited));
            if (owner)
            {
                Check(await users.AddToRoleAsync(invited, Roles.AccountOwner));
            }

            Log(db, "SettingsLog.UserInvited", $"{name} <{address}>{(owner ? " (AccountOwner)" : "")}", actor);
            return (invited, await users.GeneratePasswordResetTokenAsync(invited));
        }, cancellationToken);

        await SendInvitationAsync(user, token, cancellationToken);
        return user.Id;
    }

    /// <summary>A new link for someone who has not yet set a password (the link of the first mail lasts a day).</summary>
    public async Task ResendInvitationAsync(string userId, string actingUserId, CancellationToken cancellationToken = default)
    {
        var (user, token) = await ChangeAsync(actingUserId, async (db, users, actor) =>
        {
            var user = await FindAsync(users, userId);
            Log(db, "SettingsLog.InvitationResent", $"{user.DisplayName} <{user.Email}>", actor);
            return (user, await users.GeneratePasswordResetTokenAsync(user));
        }, cancellationToken);
        await SendInvitationAsync(user, token, cancellationToken);
    }

    public async Task ChangeRoleAsync(string userId, bool owner, string actingUserId, CancellationToken cancellationToken = default)
    {
        var changed = await ChangeAsync(actingUserId, async (db, users, actor) =>
        {
            var user = await FindAsync(users, userId);
            var isOwner = await users.IsInRoleAsync(user, Roles.AccountOwner);
            if (isOwner == owner)
            {
                return false;
            }

            if (!owner)
            {
                await EnsureAnotherActiveOwnerAsync(db, userId, "Role", cancellationToken);
                Check(await users.RemoveFromRoleAsync(user, Roles.AccountOwner));
            }
            else
            {
                Check(await users.AddToRoleAsync(user, Roles.AccountOwner));
            }

            // A new security stamp ends the user's sessions: they sign in again, with the new role.
            Check(await users.UpdateSecurityStampAsync(user));
            Log(db, owner ? "SettingsLog.UserMadeOwner" : "SettingsLog.UserMadeMember", user.DisplayName, actor);
            return true;
        }, cancellationToken);
        if (changed)
        {
            await sessions.EndAllAsync(userId, cancellationToken: cancellationToken);
        }
    }

    public async Task SetActiveAsync(string userId, bool active, string actingUserId, CancellationToken cancellationToken = default)
    {
        var deactivated = await ChangeAsync(actingUserId, async (db, users, actor) =>
        {
            var user = await FindAsync(users, userId);
            if (user.IsActive == active)
            {
                return false;
            }

            if (!active && await users.IsInRoleAsync(user, Roles.AccountOwner))
            {
                await EnsureAnotherActiveOwnerAsync(db, userId, "Active", cancellationToken);
            }

            user.IsActive = active;
            Check(await users.UpdateAsync(user));

            // A new stamp: a deactivated user's sessions end on their next request.
            Check(await users.UpdateSecurityStampAsync(user));
            Log(db, active ? "SettingsLog.UserActivated" : "SettingsLog.UserDeactivated", user.DisplayName, actor);
            return !active;
        }, cancellationToken);
        if (deactivated)
        {
            await sessions.EndAllAsync(userId, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Hands every open lead of one user to another, each with its history entry; closed leads keep who won or lost them.</summary>
    public async Task<int> ReassignOpenLeadsAsync(string fromUserId, string toUserId, string actingUserId, CancellationToken cancellationToken = default)
    {
        var moved = await ChangeAsync(actingUserId, async (db, users, actor) =>
        {
            var from = await FindAsync(users, fromUserId);
            var to = await db.Users.SingleOrDefaultAsync(u => u.Id == toUserId && u.IsActive, cancellationToken)
                ?? throw new DomainException("ReassignTo", ErrorKeys.UnknownUser, toUserId);
            if (from.Id == to.Id)
            {
                return 0;
            }

            var leads = await db.Leads
                .Where(l => l.ResponsibleUserId == fromUserId)
                .Open()
                .ToListAsync(cancellationToken);
            leads.ForEach(l => l.AssignTo(to.Id, id => id == to.Id ? to.DisplayName : from.DisplayName, actor));
            Log(db, "SettingsLog.LeadsReassigned", $"{from.DisplayName} → {to.DisplayName} ({leads.Count})", actor);
            return leads.Count;
        }, cancellationToken);

        events.Publish(new LeadsReassigned(fromUserId, toUserId));
        return moved;
    }

    private async Task<T> ChangeAsync<T>(string actingUserId, Func<LeadsDbContext, UserManager<ApplicationUser>, Actor, Task<T>> change, CancellationToken cancellationToken)
    {
        // The scope's context is the one its UserManager saves through, so both share the write transaction.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await scope.ServiceProvider.GetRequiredService<LeadsDbContext>().ChangeAsOwnerAsync(actingUserId, time, (db, actor) => change(db, users, actor), cancellationToken);
    }

    private static async Task EnsureAnotherActiveOwnerAsync(LeadsDbContext db, string userId, string field, CancellationToken cancellationToken)
    {
        var owners = db.OwnerIds();
        if (!await db.Users.AnyAsync(u => u.Id != userId && u.IsActive && owners.Contains(u.Id), cancellationToken))
        {
            throw new DomainException(field, ErrorKeys.LastOwner);
        }
    }

    private static async Task<ApplicationUser> FindAsync(UserManager<ApplicationUser> users, string userId) =>
        await users.FindByIdAsync(userId) ?? throw new DomainException("User", ErrorKeys.UnknownUser, userId);

    private static string CheckEmail(string? email)
    {
        var address = Text.Required(email, nameof(ApplicationUser.Email), 256);
        return MailAddress.TryCreate(address, out var parsed) && parsed.Address == address && address.Contains('.', StringComparison.Ordinal)
            ? address
            : throw new DomainException(nameof(ApplicationUser.Email), ErrorKeys.InvalidEmail);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private static void Log(LeadsDbContext db, string whatKey, string detail, Actor actor) =>
        db.SettingsChanges.Add(new SettingsChange(SettingsArea.Users, whatKey, detail, actor));

    // The mail is written in the invitee's language; the link's token is the password-reset token Identity checks.
    private async Task SendInvitationAsync(ApplicationUser user, string token, CancellationToken cancellationToken)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = urls.Absolute($"Account/ResetPassword?invite=1&email={Uri.EscapeDataString(user.Email!)}&code={code}");
        var message = await renderer.RenderAsync<InvitationEmail>(user, user.Email!, new Invitation(user.NameOrEmail(), user.Email!, link, urls.BaseUrl), cancellationToken);

        try
        {
            await mail.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException or UnauthorizedAccessException or MailKit.Security.AuthenticationException)
        {
            // The user exists and can be invited again once mail works; the owner must learn that this mail did not go.
            logger.LogError(e, "The invitation to {Email} could not be sent.", user.Email);
            throw new DomainException("", ErrorKeys.InvitationNotSent, user.Email!);
        }
    }
}
