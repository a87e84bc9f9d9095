using Microsoft.AspNetCore.Identity;

namespace LeadsBlazor.Web.Data;

/// <summary>A person who signs in: a member, or the account owner (role <see cref="Roles.AccountOwner"/>).</summary>
public sealed class ApplicationUser : IdentityUser
{
    [PersonalData]
    public string DisplayName { get; set; } = "";

    /// <summary>A deactivated user can no longer sign in; their leads keep them as responsible until reassigned.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>The user's own switch for reminder emails (Rule 6).</summary>
    public bool RemindersEnabled { get; set; } = true;

    /// <summary>The language the user chose in the user menu ("de-DE", "en-US"); mails to them use it. Null: the account's.</summary>
    public string? Culture { get; set; }

    /// <summary>How mails address the user: by name, or by their email when they have none.</summary>
    public string NameOrEmail() => DisplayName is { Length: > 0 } ? DisplayName : Email ?? "";

    /// <summary>Two letters for the avatar on cards.</summary>
    public static string InitialsOf(string? name) =>
        string.Concat((string.IsNullOrWhiteSpace(name) ? "?" : name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(p => char.ToUpperInvariant(p[0])));
}
