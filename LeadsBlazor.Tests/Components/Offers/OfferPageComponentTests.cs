using Bunit;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web;
using LeadsBlazor.Web.Features.Offers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Tests.Components.Offers;

/// <summary>The offer page's parts: positions move by button with their sums, a sent offer is read-only, the steps follow the status.</summary>
public sealed class OfferPageComponentTests
{
    private static OfferEditorModel ThreeRows()
    {
        var model = new OfferEditorModel { TaxRateText = "19" };
        var first = model.Add(OfferPositionKind.Item);
        (first.Text, first.UnitPriceText) = ("Konzept", "1000");
        model.Add(OfferPositionKind.Subtotal);
        var second = model.Add(OfferPositionKind.Item);
        (second.Text, second.QuantityText, second.UnitPriceText) = ("Umsetzung", "2", "300");
        return model;
    }

    [Fact]
    public async Task Moving_a_position_up_by_its_button_reorders_the_rows_and_the_subtotal_follows()
    {
        await using var context = ComponentContext.Create();
        var text = context.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var model = ThreeRows();
        IRenderedComponent<OfferPositionsEditor>? editor = null;

        // As the page does: every change reads the input again and hands the reading down.
        void ReadAgain() => editor!.Render(again => again.Add(e => e.Reading, model.Read(text, System.Globalization.CultureInfo.CurrentCulture)));
        editor = context.Render<OfferPositionsEditor>(p => p
            .Add(e => e.Model, model).Add(e => e.Reading, model.Read(text, System.Globalization.CultureInfo.CurrentCulture)).Add(e => e.Currency, "EUR")
            .Add(e => e.OnChanged, ReadAgain));
        Assert.Equal("1.000,00 €", editor.Find("[data-testid=position-subtotal]").TextContent.Trim());

        await editor.FindAll("[data-testid=position-up]")[2].ClickAsync(new());

        editor.WaitForAssertion(() =>
        {
            Assert.Equal(["Item", "Item", "Subtotal"], editor.FindAll("[data-testid=offer-position]").Select(e => e.GetAttribute("data-kind")));
            Assert.Equal("1.600,00 €", editor.Find("[data-testid=position-subtotal]").TextContent.Trim());
        });
        Assert.Equal(["Konzept", "Umsetzung", null], model.Rows.Select(r => r.Text));
    }

    [Fact]
    public async Task A_read_only_offer_shows_its_positions_without_inputs_to_change_or_move_them()
    {
        await using var context = ComponentContext.Create();
        var text = context.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var model = ThreeRows();

        var editor = context.Render<OfferPositionsEditor>(p => p
            .Add(e => e.Model, model).Add(e => e.Reading, model.Read(text, System.Globalization.CultureInfo.CurrentCulture)).Add(e => e.Currency, "EUR").Add(e => e.ReadOnly, true));

        Assert.Equal(3, editor.FindAll("[data-testid=offer-position]").Count);
        Assert.Empty(editor.FindAll("[data-testid=position-up], [data-testid=position-down], [data-testid=position-remove], [data-testid=offer-add-position]"));
        Assert.All(editor.FindAll("input[type=text], textarea"), input => Assert.True(input.HasAttribute("readonly")));
        Assert.Equal(["1.000,00 €", "600,00 €"], editor.FindAll("[data-testid=position-net]").Select(e => e.TextContent.Trim()));
    }

    [Theory]
    [InlineData(OfferStatus.Draft, new[] { "offer-save", "offer-send", "offer-confirm", "offer-copy", "offer-pdf", "offer-take-revenue", "offer-archive", "offer-delete" })]
    [InlineData(OfferStatus.Sent, new[] { "offer-confirm", "offer-copy", "offer-pdf", "offer-take-revenue", "offer-archive" })]
    [InlineData(OfferStatus.Archived, new[] { "offer-copy", "offer-pdf", "offer-take-revenue" })]
    public async Task The_actions_are_those_the_status_allows(OfferStatus status, string[] expected)
    {
        await using var context = ComponentContext.Create();

        var actions = context.Render<OfferActions>(p => p.Add(a => a.Status, status).Add(a => a.Id, 7).Add(a => a.CanSave, true));

        Assert.Equal(expected, actions.FindAll("[data-testid^=offer-]").Select(e => e.GetAttribute("data-testid")).Where(id => id != "offer-actions"));
        Assert.Equal("offers/7/pdf", actions.Find("[data-testid=offer-pdf]").GetAttribute("href"));
        Assert.True(actions.Find("[data-testid=offer-pdf]").HasAttribute("download"));
    }

    [Fact]
    public async Task Unsaved_input_is_named_and_holds_back_the_steps_that_act_on_the_saved_offer()
    {
        await using var context = ComponentContext.Create();

        var actions = context.Render<OfferActions>(p => p.Add(a => a.Status, OfferStatus.Draft).Add(a => a.Id, 7).Add(a => a.CanSave, true).Add(a => a.Unsaved, true));

        Assert.Equal("Ungespeicherte Änderungen", actions.Find("[data-testid=offer-unsaved]").TextContent.Trim());
        Assert.False(actions.Find("[data-testid=offer-save]").HasAttribute("disabled"));
        Assert.All(["offer-send", "offer-confirm", "offer-copy", "offer-pdf", "offer-archive"], id => Assert.True(actions.Find($"[data-testid={id}]").HasAttribute("disabled"), id));
    }
}
