using MudBlazor;

namespace LeadsBlazor.Web.Components.Layout;

/// <summary>The app's colours and type: one theme for light and dark, with the system font stack (no web fonts to fetch).</summary>
internal static class AppTheme
{
    private static readonly string[] FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fbf",
            Secondary = "#00897b",
            AppbarBackground = "#163a6b",
            Background = "#f5f7fa",
            DrawerBackground = "#ffffff",

            // MudBlazor's defaults miss WCAG's 4.5:1 for small text on white and on the page background
            // (#f44336 red 3.7:1, #4caf50 green 2.8:1, #2196f3 blue 3.1:1, #ff9800 orange 2.2:1, secondary text
            // 4.48:1): due dates, "Gewonnen", chips, warnings and hints are small text.
            Error = "#c62828",
            Success = "#2e7d32",
            Info = "#1565c0",
            Warning = "#a65f00",
            TextSecondary = "rgba(0,0,0,0.66)",
            TextDisabled = "rgba(0,0,0,0.56)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6ea8ff",
            Secondary = "#4db6ac",
            AppbarBackground = "#10243f",

            // On the light blue, white text reaches 2.4:1; dark text reads. Reds and greys are lifted for the dark surface.
            PrimaryContrastText = "rgba(0,0,0,0.87)",
            Error = "#ff8a80",
            Success = "#81c784",
            Info = "#64b5f6",
            Warning = "#ffb74d",
            TextSecondary = "rgba(255,255,255,0.72)",
            TextDisabled = "rgba(255,255,255,0.56)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontFamily },
            H4 = new H4Typography { FontFamily = FontFamily, FontSize = "1.75rem", FontWeight = "600" },
            H6 = new H6Typography { FontFamily = FontFamily, FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "250px" },
    };
}
