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

            // MudBlazor's #f44336 reaches 3.7:1 on white; due dates are small red text and need WCAG's 4.5:1.
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6ea8ff",
            Secondary = "#4db6ac",
            AppbarBackground = "#10243f",
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
