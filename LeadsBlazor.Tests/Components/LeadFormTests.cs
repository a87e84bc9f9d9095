using Bunit;
using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web;
using LeadsBlazor.Web.Features.Leads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Tests.Components;

/// <summary>The lead form shows the domain's message at each field that breaks a rule, in the user's language.</summary>
public sealed class LeadFormTests
{
    private static LeadFormOptions Options() => new(
        [new UserOption("u1", "Anna Berger")],
        new AccountSettings(Currency.Eur, "Europe/Berlin", "de-DE", new DateOnly(2026, 11, 30)),
        [new StageOption(1, "Erstkontakt")],
        [],
        ["Alpenblick Hotels AG"],
        [],
        new DateOnly(2026, 11, 30));

    private static LeadFormModel Broken() => new()
    {
        Name = "  ",
        ResponsibleUserId = "u1",
        RevenueText = "-5",
        Currency = "USD",
        NextActionOn = null,
        NextAction = new string('x', 501),
    };

    [Theory]
    [InlineData("de-DE", "Bitte ausfüllen.", "Der Betrag darf nicht negativ sein.", "Unbekannte Währung „USD“.", "Ein offener Lead braucht ein Datum für die nächste Aktion.", "Höchstens 500 Zeichen.")]
    [InlineData("en-US", "Please fill in.", "The amount must not be negative.", "Unknown currency “USD”.", "An open lead needs a next-action date.", "At most 500 characters.")]
    public async Task Each_broken_field_shows_its_own_message(string culture, string name, string revenue, string currency, string nextActionOn, string nextAction)
    {
        await using var context = ComponentContext.Create(culture);
        var text = context.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var model = Broken();
        var errors = model.Validate(Options(), text);

        var form = context.Render<LeadForm>(p => p.Add(f => f.Model, model).Add(f => f.Options, Options()).Add(f => f.Errors, errors).Add(f => f.ShowStage, true));

        string MessageAt(string testId) => form.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() ?? "";
        Assert.Equal(name, MessageAt("field-name"));
        Assert.Equal(revenue, MessageAt("field-revenue"));
        Assert.Equal(currency, MessageAt("field-currency"));
        Assert.Equal(nextActionOn, MessageAt("field-next-action-on"));
        Assert.Equal(nextAction, MessageAt("field-next-action"));
        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public async Task A_valid_form_has_no_messages_and_makes_the_use_cases_input()
    {
        await using var context = ComponentContext.Create();
        var text = context.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var model = new LeadFormModel
        {
            Name = "Relaunch",
            Company = "Alpenblick Hotels AG",
            ResponsibleUserId = "u1",
            RevenueText = "12.000",
            Currency = "EUR",
            NextActionOn = new DateTime(2026, 12, 3),
            StageId = 1,
        };

        var errors = model.Validate(Options(), text);
        var input = model.ToInput();

        Assert.Empty(errors);
        Assert.Equal(("Relaunch", "Alpenblick Hotels AG", new DateOnly(2026, 12, 3), 1), (input.Name, input.NewCompanyName, input.NextActionOn!.Value, input.StageId!.Value));
    }
}
