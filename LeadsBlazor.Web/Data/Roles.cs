namespace LeadsBlazor.Web.Data;

public static class Roles
{
    /// <summary>The account owner: everything a member does, plus the settings pages.</summary>
    public const string AccountOwner = nameof(AccountOwner);
}
