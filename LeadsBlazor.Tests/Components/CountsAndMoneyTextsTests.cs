using Bunit;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web;
using LeadsBlazor.Web.Components.Shared;
using LeadsBlazor.Web.Features.Preferences;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LeadsBlazor.Tests.Components;

/// <summary>Counts in the singular for one, the grid's pager in German, card amounts with their cents, and a currency code apart from its number.</summary>
public sealed class CountsAndMoneyTextsTests
{
    [Theory]
    [InlineData("de-DE", 1, "1 Lead", "Die Stufe „Angebot“ enthält 1 laufenden Lead.")]
    [InlineData("de-DE", 3, "3 Leads", "Die Stufe „Angebot“ enthält 3 laufende Leads.")]
    [InlineData("de-DE", 0, "0 Leads", "Die Stufe „Angebot“ enthält 0 laufende Leads.")]
    [InlineData("en-US", 1, "1 lead", "The stage “Angebot” holds 1 running lead.")]
    [InlineData("en-US", 2, "2 leads", "The stage “Angebot” holds 2 running leads.")]
    public async Task A_count_of_one_reads_in_the_singular(string culture, int count, string column, string stage)
    {
        await using var context = ComponentContext.Create(culture);
        var text = context.Services.GetRequiredService<IStringLocalizer<SharedResource>>();

        Assert.Equal(column, text.Plural(count, "Board.LeadCount.One", "Board.LeadCount", count));
        Assert.StartsWith(stage, text.Plural(count, "Stage.DeleteMoves.One", "Stage.DeleteMoves", "Angebot", count), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de-DE", "1–20 von 20")]
    [InlineData("en-US", "1-20 of 20")] // MudBlazor keeps its own English words
    public async Task The_grid_pager_says_which_rows_it_shows_in_the_users_language(string culture, string info)
    {
        await using var context = ComponentContext.Create(culture);
        context.Services.AddTransient<MudLocalizer, MudTexts>();
        var rows = Enumerable.Range(1, 20).ToList();

        var grid = context.Render<MudDataGrid<int>>(p => p
            .Add(g => g.Items, rows)
            .Add(g => g.RowsPerPage, 25)
            .Add(g => g.Columns, b => { b.OpenComponent<PropertyColumn<int, int>>(0); b.AddAttribute(1, "Property", (System.Linq.Expressions.Expression<Func<int, int>>)(x => x)); b.CloseComponent(); })
            .Add(g => g.PagerContent, b => { b.OpenComponent<MudDataGridPager<int>>(0); b.CloseComponent(); }));

        Assert.Contains(info, grid.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de-DE", 5000.50, "5.000,50 €")]
    [InlineData("de-DE", 5000, "5.000 €")]
    [InlineData("en-US", 5000.50, "€5,000.50")]
    [InlineData("en-US", 0.05, "€0.05")]
    public void A_card_amount_keeps_its_cents_when_it_has_any(string culture, double amount, string shown)
    {
        using var _ = new CultureScope(culture);

        Assert.Equal(shown, Formats.MoneyKeepingCents(new Money((decimal)amount, Currency.Eur)));
    }

    [Theory]
    [InlineData("en-US", 3500, "CHF", "CHF 3,500")]
    [InlineData("en-US", -3500, "CHF", "-CHF 3,500")]
    [InlineData("en-US", 3500, "USD", "$3,500")]
    [InlineData("de-DE", 3500, "CHF", "3.500 CHF")]
    [InlineData("de-DE", 3500, "EUR", "3.500 €")]
    public void A_currency_code_stands_apart_from_its_number(string culture, int amount, string currency, string shown)
    {
        using var _ = new CultureScope(culture);

        Assert.Equal(shown, Formats.Money(amount, currency).Replace('\u00A0', ' '));
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly System.Globalization.CultureInfo _before = System.Globalization.CultureInfo.CurrentCulture;

        public CultureScope(string culture) => System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo(culture);

        public void Dispose() => System.Globalization.CultureInfo.CurrentCulture = _before;
    }
}
