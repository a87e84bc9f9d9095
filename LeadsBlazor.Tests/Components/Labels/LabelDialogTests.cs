using Bunit;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Labels;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace LeadsBlazor.Tests.Components.Labels;

/// <summary>The label dialog offers a palette of named colours; a new label starts with the first one no label has (Rule 9).</summary>
public sealed class LabelDialogTests
{
    private static async Task<IRenderedComponent<MudDialogProvider>> ShowAsync(BunitContext context, DialogParameters<LabelDialog> parameters)
    {
        // The dialog is only shown here, never saved: its use cases are not reached.
        context.Services.AddSingleton(new LabelCommands(null!, null!, TimeProvider.System));
        var provider = context.Render<MudDialogProvider>();
        var dialogs = context.Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<LabelDialog>("Label", parameters));
        return provider;
    }

    private static string[] Checked(IRenderedComponent<MudDialogProvider> dialog) =>
        [.. dialog.FindAll("[data-testid=label-swatch][aria-checked=true]").Select(s => s.GetAttribute("aria-label")!)];

    [Fact]
    public async Task A_new_label_starts_with_the_first_palette_colour_no_label_has()
    {
        await using var context = ComponentContext.Create();

        var dialog = await ShowAsync(context, new() { { d => d.UsedColors, ["#E53935", "#fb8c00", "#1e88e5"] } });

        Assert.Equal(["Gelb"], Checked(dialog));
        Assert.Equal(12, dialog.FindAll("[data-testid=label-swatch]").Count);
        Assert.Equal(12, dialog.FindAll("[data-testid=label-swatch]").Select(s => s.GetAttribute("data-color")).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Empty(dialog.FindAll(".mud-picker"));
    }

    [Fact]
    public async Task When_every_colour_is_taken_a_new_label_starts_with_the_first()
    {
        await using var context = ComponentContext.Create("en-US");

        var dialog = await ShowAsync(context, new() { { d => d.UsedColors, [.. Web.Features.LeadViews.LabelPalette.Colors.Select(c => c.Hex)] } });

        Assert.Equal(["Red"], Checked(dialog));
    }

    [Fact]
    public async Task Choosing_a_swatch_checks_it_and_colours_the_preview()
    {
        await using var context = ComponentContext.Create();
        var dialog = await ShowAsync(context, new() { { d => d.UsedColors, [] } });

        await dialog.Find("[data-testid=label-swatch][aria-label=Violett]").ClickAsync(new());

        Assert.Equal(["Violett"], Checked(dialog));
        Assert.Contains("background:#8e24aa", dialog.Find("[data-testid=label-preview]").GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_keeps_a_colour_from_before_the_palette_and_deleting_names_the_label_not_its_id()
    {
        await using var context = ComponentContext.Create();
        var dialog = await ShowAsync(context, new()
        {
            { d => d.LabelId, 42 },
            { d => d.LabelName, "Messe" },
            { d => d.LabelColor, "#123456" },
            { d => d.Leads, 3 },
        });

        Assert.Equal(["Bisherige Farbe"], Checked(dialog));
        Assert.Equal("Messe", dialog.Find("[data-testid=label-preview]").TextContent.Trim());

        await dialog.Find("[data-testid=label-delete]").ClickAsync(new());

        var warning = dialog.Find("[data-testid=label-delete-warning]").TextContent;
        Assert.Contains("„Messe“ wird von 3 Leads entfernt", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("42", warning, StringComparison.Ordinal);
    }
}
