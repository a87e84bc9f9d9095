using System.Text;
using LeadsBlazor.Web.Data;

namespace LeadsBlazor.Tests.Infrastructure;

/// <summary>Rule 10's folding, as the search index stores names and the search box's text: case, umlauts and accents do not matter.</summary>
public sealed class TextSearchFoldTests
{
    [Theory]
    [InlineData("Relaunch Website Schmidt 17", "relaunch website schmidt 17")]
    [InlineData("Köhler", "koehler")]
    [InlineData("KÖHLER", "koehler")]
    [InlineData("Koehler", "koehler")]
    [InlineData("Straße & Grüße", "strasse & gruesse")]
    [InlineData("GROẞ", "gross")]
    [InlineData("Café Zürich", "cafe zuerich")]
    [InlineData("Ærø", "ærø")]
    [InlineData("", "")]
    public void A_name_is_folded_as_the_search_compares_it(string name, string folded) =>
        Assert.Equal(folded, TextSearch.Fold(name));

    [Fact]
    public void An_umlaut_typed_on_a_Mac_as_a_letter_and_a_combining_mark_folds_as_the_composed_one()
    {
        var decomposed = "Mu\u0308ller".Normalize(NormalizationForm.FormD);

        Assert.Equal("mueller", TextSearch.Fold(decomposed));
    }

    [Fact]
    public void No_name_folds_to_nothing() => Assert.Null(TextSearch.Fold(null));
}
