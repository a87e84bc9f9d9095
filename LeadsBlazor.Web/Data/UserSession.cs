namespace LeadsBlazor.Web.Data;

/// <summary>
/// A signed-in session kept on the server: the cookie holds only <see cref="Key"/>, so ending a session
/// here (sign-out, a new password, a deactivation) ends it for every copy of the cookie at once.
/// </summary>
public sealed class UserSession
{
    public const int KeyLength = 64;

    public string Key { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>The serialized authentication ticket (claims and properties).</summary>
    public byte[] Ticket { get; set; } = [];

    /// <summary>When the cookie's sign-in ends; a row past it is only waiting to be cleared.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
