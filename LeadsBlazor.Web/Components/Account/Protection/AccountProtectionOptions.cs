namespace LeadsBlazor.Web.Components.Account.Protection;

/// <summary>
/// How much the account pages (sign-in, forgot-password, reset and invitation, first-run setup) take before
/// they answer 429. Section <c>AccountProtection</c>; the defaults suit a team, not a crowd behind one address.
/// </summary>
public sealed class AccountProtectionOptions
{
    public const string Section = "AccountProtection";

    /// <summary>Form posts per page from one IP address within <see cref="Window"/>.</summary>
    public int PostsPerIp { get; set; } = 5;

    /// <summary>Form posts per page naming one email address within <see cref="Window"/>, from anywhere.</summary>
    public int PostsPerAddress { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>At most one reset mail per address this often, however often it is asked for.</summary>
    public TimeSpan ResetMailInterval { get; set; } = TimeSpan.FromMinutes(15);
}
