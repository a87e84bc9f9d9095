namespace LeadsBlazor.Web.Components;

/// <summary>The user's display choices, cascaded from the first request into the circuit.</summary>
public sealed record UiPreferences(bool DarkMode);
