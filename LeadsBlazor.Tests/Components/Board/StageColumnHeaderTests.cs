using Bunit;
using LeadsBlazor.Domain.Pipeline;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Board;
using LeadsBlazor.Web.Features.LeadViews;

namespace LeadsBlazor.Tests.Components.Board;

public sealed class StageColumnHeaderTests
{
    private static BoardColumn Offer() =>
        new(3, "Angebot", Probability.FromPercent(30), new StageFigures(3, 12, 1_234_567.89m, 370_370.37m), 12);

    [Theory]
    [InlineData("de-DE", "30 %", "12 Leads", "1.234.568 €", "Gewichtet: 370.370 €")]
    [InlineData("en-US", "30%", "12 leads", "€1,234,568", "Weighted: €370,370")]
    public async Task The_header_shows_name_probability_count_revenue_and_weighted_sum_in_the_users_culture(
        string culture, string probability, string count, string revenue, string weighted)
    {
        await using var context = ComponentContext.Create(culture);

        var header = context.Render<StageColumnHeader>(p => p.Add(c => c.Column, Offer()).Add(c => c.Currency, "EUR"));

        string Text(string selector) => header.Find(selector).TextContent.Trim().Replace('\u00a0', ' ');
        Assert.Equal("Angebot", Text(".stage-name"));
        Assert.Equal(probability, Text(".stage-probability"));
        Assert.Equal(count, Text(".stage-count"));
        Assert.Equal(revenue, Text(".stage-revenue"));
        Assert.Equal(weighted, System.Text.RegularExpressions.Regex.Replace(Text(".stage-weighted"), @"\s+", " "));
        Assert.Equal("370370.37", header.Find(".stage-weighted").GetAttribute("data-value"));
    }

    [Fact]
    public async Task The_board_totals_show_the_weighted_volume_first()
    {
        await using var context = ComponentContext.Create();
        var volume = new WeightedVolume([new StageFigures(1, 2, 20_000m, 2_000m)], new StageFigures(null, 2, 20_000m, 2_000m), "EUR", []);

        var totals = context.Render<BoardTotals>(p => p.Add(c => c.Volume, volume));

        Assert.Equal("2.000 €", totals.Find("[data-testid=weighted-volume]").TextContent.Trim().Replace('\u00a0', ' '));
        Assert.Equal("20.000 €", totals.Find("[data-testid=revenue-total]").TextContent.Trim().Replace('\u00a0', ' '));
        Assert.Equal("2", totals.Find("[data-testid=running-count]").TextContent.Trim());
    }
}
