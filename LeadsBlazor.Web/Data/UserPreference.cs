namespace LeadsBlazor.Web.Data;

/// <summary>
/// A user's own choice about how the app shows things (e.g. which columns a list shows), kept on the server so that
/// it follows the user to every browser and device. The value is JSON, read by whoever wrote it (<see cref="UserPreferences"/>).
/// </summary>
public sealed class UserPreference
{
    public string UserId { get; set; } = "";

    public string Name { get; set; } = "";

    public string Value { get; set; } = "";
}
