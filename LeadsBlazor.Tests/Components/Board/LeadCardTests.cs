using System.Runtime.ExceptionServices;
using Bunit;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Board;
using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.RenderTree;
using LeadsBlazor.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeadsBlazor.Tests.Components.Board;

public sealed class LeadCardTests
{
    private static BoardCard Card(bool due = false, string currency = "EUR", int? idleDays = null) => new()
    {
        Id = 7,
        Version = 1,
        Name = "Relaunch Website",
        Customer = "Alpenblick Hotels AG",
        Revenue = new Money(12_500m, Currency.Parse(currency)),
        ResponsibleName = "Anna Berger",
        ResponsibleInitials = "AB",
        NextActionOn = new DateOnly(2026, 12, 3),
        IsDue = due,
        IdleDays = idleDays,
        Labels = [new LabelChip(1, "Website", "#1e88e5"), new LabelChip(2, "Heiß", "#e53935")],
        Zone = "stage-1",
    };

    [Theory]
    [InlineData("de-DE", "EUR", "12.500 €", "03.12.2026")]
    [InlineData("en-US", "EUR", "€12,500", "12/3/2026")]
    [InlineData("de-DE", "CHF", "12.500 CHF", "03.12.2026")]
    public async Task A_card_shows_revenue_and_date_in_the_users_culture(string culture, string currency, string revenue, string date)
    {
        await using var context = ComponentContext.Create(culture);

        var card = context.Render<LeadCard>(p => p.Add(c => c.Card, Card(currency: currency)));

        Assert.Equal(revenue, card.Find(".lead-card-revenue").TextContent.Trim().Replace('\u00a0', ' '));
        Assert.Equal(date, card.Find(".lead-card-next").TextContent.Trim());
    }

    [Fact]
    public async Task Sessions_showing_one_card_share_its_details_and_another_language_gets_its_own()
    {
        // A board's cards are shared by the sessions showing its view: so is the markup of their details, one string for all.
        var shared = Card(idleDays: 18);
        await using var german = ComponentContext.Create("de-DE");
        var texts = german.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var first = LeadCardMarkup.Details(shared, texts);
        Assert.Same(first.Value, LeadCardMarkup.Details(shared, texts).Value);
        Assert.Contains("12.500", german.Render<LeadCard>(p => p.Add(c => c.Card, shared)).Find(".lead-card-revenue").TextContent, StringComparison.Ordinal);

        await using var english = ComponentContext.Create("en-US");
        var card = english.Render<LeadCard>(p => p.Add(c => c.Card, shared));
        Assert.Equal("€12,500", card.Find(".lead-card-revenue").TextContent.Trim());
        Assert.Equal("Unchanged for 18 days", card.Find("[data-testid=idle-mark]").GetAttribute("title"));
    }

    [Fact]
    public async Task A_card_names_lead_customer_responsible_and_labels_and_links_to_the_lead()
    {
        await using var context = ComponentContext.Create();

        var card = context.Render<LeadCard>(p => p.Add(c => c.Card, Card()));

        Assert.Equal("Relaunch Website", card.Find(".lead-card-name").TextContent.Trim());
        Assert.Equal("leads/7", card.Find("a.lead-card-name").GetAttribute("href"));
        Assert.Equal("Alpenblick Hotels AG", card.Find(".lead-card-customer").TextContent.Trim());
        Assert.Equal("AB", card.Find(".lead-card-avatar").TextContent.Trim());
        Assert.Equal(["Website", "Heiß"], card.FindAll(".label-bar").Select(l => l.GetAttribute("title")));
    }

    [Fact]
    public async Task A_due_card_is_marked_red_and_a_later_one_is_not()
    {
        await using var context = ComponentContext.Create();

        var due = context.Render<LeadCard>(p => p.Add(c => c.Card, Card(due: true)));
        var later = context.Render<LeadCard>(p => p.Add(c => c.Card, Card(due: false)));

        Assert.Contains("lead-card-due", due.Find("[data-testid=lead-card]").ClassList);
        Assert.Contains("mud-error-text", due.Find(".lead-card-next").ClassList);
        Assert.DoesNotContain("lead-card-due", later.Find("[data-testid=lead-card]").ClassList);
        Assert.DoesNotContain("mud-error-text", later.Find(".lead-card-next").ClassList);
    }

    [Theory]
    [InlineData("de-DE", "Seit 18 Tagen unverändert")]
    [InlineData("en-US", "Unchanged for 18 days")]
    public async Task An_idle_card_carries_the_hourglass_with_how_long_nothing_changed(string culture, string label)
    {
        await using var context = ComponentContext.Create(culture);

        var idle = context.Render<LeadCard>(p => p.Add(c => c.Card, Card(idleDays: 18)));
        var busy = context.Render<LeadCard>(p => p.Add(c => c.Card, Card(due: true)));

        var mark = idle.Find(".lead-card-next [data-testid=idle-mark]");
        Assert.Equal(label, mark.GetAttribute("aria-label"));
        Assert.Equal("18", mark.GetAttribute("data-days"));
        Assert.Empty(busy.FindAll("[data-testid=idle-mark]"));
    }

    /// <summary>
    /// Every session holds each card's frames twice, in arrays that grow by doubling from 32: a card over 32 frames costs
    /// twice the memory in every open board (ADR 0017). This card shows everything a card can (customer, due, idle, labels,
    /// menu, drag) with its picker closed.
    /// </summary>
    [Fact]
    public async Task A_card_showing_everything_fits_Blazors_smallest_frame_array_of_32()
    {
        await using var context = ComponentContext.Create();
        using var renderer = new FrameCountingRenderer(context.Services);
        var frames = await renderer.FramesOfAsync<LeadCard>(new Dictionary<string, object?>
        {
            [nameof(LeadCard.Card)] = Card(due: true, idleDays: 18),
        });

        Assert.InRange(frames, 1, 32);
    }

#pragma warning disable BL0006 // Reading a component's render tree is the point here.
    private sealed class FrameCountingRenderer(IServiceProvider services) : Renderer(services, NullLoggerFactory.Instance)
    {
        public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();

        public Task<int> FramesOfAsync<TComponent>(Dictionary<string, object?> parameters)
            where TComponent : IComponent => Dispatcher.InvokeAsync(async () =>
        {
            var id = AssignRootComponentId(InstantiateComponent(typeof(TComponent)));
            await RenderRootComponentAsync(id, ParameterView.FromDictionary(parameters));
            return GetCurrentRenderTreeFrames(id).Count;
        });

        protected override void HandleException(Exception exception) => ExceptionDispatchInfo.Capture(exception).Throw();

        protected override Task UpdateDisplayAsync(in RenderBatch renderBatch) => Task.CompletedTask;
    }
#pragma warning restore BL0006
}
