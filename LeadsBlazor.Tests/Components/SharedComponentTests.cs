using Bunit;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Components.Shared;

namespace LeadsBlazor.Tests.Components;

public sealed class SharedComponentTests
{
    [Fact]
    public async Task A_placeholder_page_says_what_will_come_there()
    {
        await using var context = ComponentContext.Create();

        var page = context.Render<PlaceholderPage>(p => p
            .Add(c => c.Title, "Projekte")
            .Add(c => c.Description, "Hier entstehen die Projekte."));

        Assert.Equal("Projekte", page.Find("h1").TextContent.Trim());
        Assert.Contains("Hier entstehen die Projekte.", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Demnächst", page.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de-DE", "Nicht erlaubt", "Diese Seite ist dem Account-Inhaber vorbehalten.")]
    [InlineData("en-US", "Not allowed", "This page is for the account owner only.")]
    public async Task Not_allowed_explains_itself_in_the_users_language(string culture, string title, string text)
    {
        await using var context = ComponentContext.Create(culture);

        var notAllowed = context.Render<NotAllowed>();

        Assert.Contains(title, notAllowed.Find("[data-testid=not-allowed]").TextContent, StringComparison.Ordinal);
        Assert.Contains(text, notAllowed.Markup, StringComparison.Ordinal);
    }
}
