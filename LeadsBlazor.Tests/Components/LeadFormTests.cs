using Bunit;
using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web;
using LeadsBlazor.Web.Components.Shared;
using LeadsBlazor.Web.Features.Customers;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LeadsBlazor.Tests.Components;

/// <summary>The lead form shows the domain's message at each field that breaks a rule, in the user's language.</summary>
public sealed class LeadFormTests : IDisposable
{
    // The directory the form searches as the user types.
    private readonly PipelineApp _app = new();

    public void Dispose() => _app.Dispose();

    private BunitContext Context(string culture = "de-DE")
    {
        var context = ComponentContext.Create(culture);
        context.Services.AddSingleton(_app.Get<CustomerSearchQuery>());
        return context;
    }

    private static LeadFormOptions Options()
    {
        var settings = new AccountSettings(Currency.Eur, "Europe/Berlin", "de-DE", new DateOnly(2026, 11, 30));
        settings.AddOrUpdateCurrency(Currency.Chf, 1.05m, new DateOnly(2026, 11, 30));
        return new([new UserOption("u1", "Anna Berger")], settings, [new StageOption(1, "Erstkontakt")], [], new DateOnly(2026, 11, 30));
    }

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
        await using var context = Context(culture);
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
        await using var context = Context();
        var text = context.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var model = new LeadFormModel
        {
            Name = "Relaunch",
            Company = new CompanyOption(null, "Alpenblick Hotels AG"),
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

    [Theory]
    [InlineData("de-DE", "Das Ende darf nicht vor dem Beginn liegen.")]
    [InlineData("en-US", "The end must not be before the start.")]
    public async Task A_service_period_that_ends_before_it_starts_shows_the_message_at_its_end(string culture, string message)
    {
        await using var context = Context(culture);
        var text = context.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var model = new LeadFormModel
        {
            Name = "Relaunch", ResponsibleUserId = "u1", NextActionOn = new DateTime(2026, 12, 3),
            ServiceFrom = new DateTime(2027, 7, 1), ServiceTo = new DateTime(2027, 6, 30),
        };
        var errors = model.Validate(Options(), text);

        var form = context.Render<LeadForm>(p => p.Add(f => f.Model, model).Add(f => f.Options, Options()).Add(f => f.Errors, errors));

        string MessageAt(string testId) => form.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() ?? "";
        Assert.Equal(message, MessageAt("field-service-to"));
        Assert.Equal("", MessageAt("field-service-from"));
        Assert.Single(errors);
        Assert.Equal((new DateTime(2027, 7, 1), new DateTime(2027, 6, 30)), (model.ServiceFrom, model.ServiceTo)); // the input stays as typed
    }

    [Fact]
    public async Task The_chosen_labels_read_by_their_names_not_their_ids()
    {
        await using var context = Context();
        var options = Options() with { Labels = [new LabelChip(1, "Website", "#1e88e5"), new LabelChip(4, "Heiß", "#e53935")] };
        var model = new LeadFormModel { Name = "Relaunch", ResponsibleUserId = "u1", LabelIds = [1, 4] };

        var form = context.Render<LeadForm>(p => p.Add(f => f.Model, model).Add(f => f.Options, options).Add(f => f.Errors, new Dictionary<string, string>()));

        Assert.Equal("Website, Heiß", form.Find("input[data-testid=field-labels]").GetAttribute("value"));
    }

    [Fact]
    public async Task A_service_period_with_one_open_end_or_none_is_valid_and_goes_into_the_input()
    {
        await using var context = Context();
        var text = context.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        LeadFormModel With(DateTime? from, DateTime? to) =>
            new() { Name = "Relaunch", ResponsibleUserId = "u1", NextActionOn = new DateTime(2026, 12, 3), ServiceFrom = from, ServiceTo = to };

        var both = With(new DateTime(2027, 3, 1), new DateTime(2027, 6, 30));
        var fromOnly = With(new DateTime(2027, 3, 1), null);
        var sameDay = With(new DateTime(2027, 3, 1), new DateTime(2027, 3, 1));
        var none = With(null, null);

        Assert.All(new[] { both, fromOnly, sameDay, none }, m => Assert.Empty(m.Validate(Options(), text)));
        Assert.Equal((new DateOnly(2027, 3, 1), new DateOnly(2027, 6, 30)), (both.ToInput().ServiceFrom, both.ToInput().ServiceTo));
        Assert.Equal((new DateOnly(2027, 3, 1), (DateOnly?)null), (fromOnly.ToInput().ServiceFrom, fromOnly.ToInput().ServiceTo));
        Assert.Equal(((DateOnly?)null, (DateOnly?)null), (none.ToInput().ServiceFrom, none.ToInput().ServiceTo));
    }

    [Fact]
    public void A_changed_service_period_counts_as_unsaved_input()
    {
        var model = new LeadFormModel { Name = "Relaunch", ResponsibleUserId = "u1" };
        var opened = model.InputState();

        model.ServiceTo = new DateTime(2027, 6, 30);

        Assert.NotEqual(opened, model.InputState());
    }

    [Theory]
    [InlineData("de-DE", "01.03.2027 – 30.06.2027", "ab 01.03.2027", "bis 30.06.2027")]
    [InlineData("en-US", "3/1/2027 – 6/30/2027", "from 3/1/2027", "until 6/30/2027")]
    public async Task A_service_period_reads_in_the_users_date_format_with_its_open_end_named(string culture, string both, string fromOnly, string toOnly)
    {
        await using var context = Context(culture);
        var text = context.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var (start, end) = (new DateOnly(2027, 3, 1), new DateOnly(2027, 6, 30));

        Assert.Equal(both, PeriodText.Of(start, end, text));
        Assert.Equal(fromOnly, PeriodText.Of(start, null, text));
        Assert.Equal(toOnly, PeriodText.Of(null, end, text));
        Assert.Null(PeriodText.Of(null, null, text));
    }

    [Fact]
    public async Task A_customer_the_directory_lacks_is_offered_as_new_and_chosen_is_created_on_save()
    {
        await using var context = Context();
        var model = new LeadFormModel { Name = "Relaunch", ResponsibleUserId = "u1", NextActionOn = new DateTime(2026, 12, 3) };
        var host = context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<LeadForm>(1);
            builder.AddAttribute(2, nameof(LeadForm.Model), model);
            builder.AddAttribute(3, nameof(LeadForm.Options), Options());
            builder.AddAttribute(4, nameof(LeadForm.NewLead), true);
            builder.CloseComponent();
        });

        await host.Find("[data-testid=field-company]").InputAsync(new() { Value = "Bergbahnen Zermatt AG" });

        var offer = await host.WaitForElementAsync("[data-testid=company-option-new]", TimeSpan.FromSeconds(5));
        Assert.Equal("Neuen Kunden „Bergbahnen Zermatt AG“ anlegen", offer.TextContent.Trim());
        await offer.Closest(".mud-list-item")!.ClickAsync(new());
        var input = model.ToInput();
        Assert.Equal(("Bergbahnen Zermatt AG", null), (input.NewCompanyName, input.CompanyId));
    }

    [Fact]
    public void Choosing_another_customer_clears_a_contact_of_the_former_one_but_keeps_a_private_client()
    {
        var alpen = new CompanyOption(1, "Alpenblick Hotels AG", "K-0001");
        var bodensee = new CompanyOption(2, "Bodensee Reisen GmbH", "K-0002");
        var model = new LeadFormModel();

        model.ChooseContact(new PersonOption(7, "Julia Hoffmann", alpen), Options(), isNewLead: true);
        Assert.Equal(alpen, model.Company);

        model.ChooseCompany(bodensee, Options(), isNewLead: true);
        Assert.Null(model.Contact);

        model.ChooseContact(new PersonOption(8, "Jana Schmid"), Options(), isNewLead: true);
        model.ChooseCompany(alpen, Options(), isNewLead: true);
        Assert.Equal("Jana Schmid", model.Contact?.Name);
    }

    [Fact]
    public void A_new_lead_takes_its_customers_currency_unless_the_user_chose_one()
    {
        var swiss = new CompanyOption(3, "Bergbahnen Zermatt AG", "K-0003", "Zermatt", "CHF");
        var untouched = new LeadFormModel { Currency = "EUR" };
        var chosen = new LeadFormModel { Currency = "EUR", CurrencyChosen = true };
        var existing = new LeadFormModel { Currency = "EUR" };

        untouched.ChooseCompany(swiss, Options(), isNewLead: true);
        chosen.ChooseCompany(swiss, Options(), isNewLead: true);
        existing.ChooseCompany(swiss, Options(), isNewLead: false);

        Assert.Equal(("CHF", "EUR", "EUR"), (untouched.Currency, chosen.Currency, existing.Currency));
    }
}
