using LeadsBlazor.Web.Features.LeadViews;

namespace LeadsBlazor.Tests.Features.LeadViews;

/// <summary>A label chip's text stays readable on any colour a user picks (WCAG contrast).</summary>
public sealed class LabelChipTests
{
    [Theory]
    [InlineData("#fb8c00", "#000")] // orange: white would be 2.4:1
    [InlineData("#ffeb3b", "#000")] // yellow
    [InlineData("#e53935", "#000")] // red: black 5.0:1, white 4.2:1
    [InlineData("#1e88e5", "#000")] // blue: black 5.6:1, white 3.7:1
    [InlineData("#163a6b", "#fff")] // dark blue
    [InlineData("#8e24aa", "#fff")] // purple
    [InlineData("#fff", "#000")]
    [InlineData("not a colour", "#fff")]
    public void The_text_is_black_or_white_whichever_contrasts_more(string color, string text)
    {
        Assert.Equal($"background:{color};color:{text}", new LabelChip(1, "Heiß", color).FilledStyle);
    }
}
