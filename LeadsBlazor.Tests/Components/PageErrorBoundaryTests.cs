using Bunit;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LeadsBlazor.Tests.Components;

/// <summary>The layout's error boundary: a failing page shows a message with a reference, and the rest of the shell lives on.</summary>
public sealed class PageErrorBoundaryTests
{
    [Theory]
    [InlineData("de-DE", "Auf dieser Seite ist ein Fehler aufgetreten.", "Fehlernummer für den Support:", "Neu laden")]
    [InlineData("en-US", "Something went wrong on this page.", "Reference for support:", "Reload")]
    public async Task A_page_that_fails_to_render_shows_a_message_with_a_reference_and_the_shell_keeps_working(
        string culture, string title, string referenceLabel, string reload)
    {
        await using var context = ComponentContext.Create(culture);
        var log = new RecordingLogger();
        context.Services.AddSingleton<ILogger<PageErrorBoundary>>(log);
        var page = new PageSwitch { Broken = true };

        var shell = context.Render(Shell(page));

        var error = shell.Find("[data-testid=page-error]");
        Assert.Contains(title, error.TextContent, StringComparison.Ordinal);
        Assert.Contains(referenceLabel, error.TextContent, StringComparison.Ordinal);
        Assert.Equal(reload, shell.Find("[data-testid=page-error-reload]").TextContent.Trim());
        Assert.Empty(shell.FindAll("[data-testid=page-content]"));

        // The user reads the reference out; support finds the same one, with the exception, in the log.
        var reference = shell.Find("[data-testid=page-error-reference]").TextContent.Trim();
        Assert.Matches("^[0-9A-F]{10}$", reference);
        var entry = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.IsType<InvalidOperationException>(entry.Exception);
        Assert.Contains(reference, entry.Message, StringComparison.Ordinal);

        // Outside the boundary (the app bar, the navigation) everything still renders and reacts.
        Assert.Equal("0", shell.Find("[data-testid=sibling]").TextContent);
        await shell.Find("[data-testid=sibling]").ClickAsync(new MouseEventArgs());
        Assert.Equal("1", shell.Find("[data-testid=sibling]").TextContent);
    }

    [Fact]
    public async Task Reload_brings_the_page_back_once_it_renders_again()
    {
        await using var context = ComponentContext.Create();
        var page = new PageSwitch();
        var shell = context.Render(Shell(page));
        Assert.Single(shell.FindAll("[data-testid=page-content]"));

        // A failing event handler is caught by the boundary too, instead of ending the circuit.
        page.Broken = true;
        await shell.Find("[data-testid=page-action]").ClickAsync(new MouseEventArgs());
        Assert.Single(shell.FindAll("[data-testid=page-error]"));

        page.Broken = false;
        await shell.Find("[data-testid=page-error-reload]").ClickAsync(new MouseEventArgs());

        Assert.Empty(shell.FindAll("[data-testid=page-error]"));
        Assert.Single(shell.FindAll("[data-testid=page-content]"));
    }

    [Fact]
    public async Task Going_to_another_page_recovers_the_boundary()
    {
        await using var context = ComponentContext.Create();
        var page = new PageSwitch { Broken = true };
        var shell = context.Render(Shell(page));
        Assert.Single(shell.FindAll("[data-testid=page-error]"));

        page.Broken = false;
        await shell.InvokeAsync(() => context.Services.GetRequiredService<NavigationManager>().NavigateTo("/leads"));

        shell.WaitForAssertion(() => Assert.Single(shell.FindAll("[data-testid=page-content]")));
        Assert.Empty(shell.FindAll("[data-testid=page-error]"));
    }

    [Fact]
    public async Task Following_a_link_away_from_a_failed_page_shows_the_next_page()
    {
        // With the real Router: it handles the location change before the boundary recovers, so the boundary
        // recovers into the new page and does not render the failed one again.
        await using var context = ComponentContext.Create();
        var navigation = context.Services.GetRequiredService<NavigationManager>();
        var app = context.Render<Router>(p => p
            .Add(r => r.AppAssembly, typeof(PageErrorBoundaryTests).Assembly)
            .Add(r => r.Found, route => builder =>
            {
                builder.OpenComponent<RouteView>(0);
                builder.AddAttribute(1, nameof(RouteView.RouteData), route);
                builder.AddAttribute(2, nameof(RouteView.DefaultLayout), typeof(BoundaryLayout));
                builder.CloseComponent();
            }));

        await app.InvokeAsync(() => navigation.NavigateTo(BrokenPage.Address));
        app.WaitForAssertion(() => Assert.Single(app.FindAll("[data-testid=page-error]")));

        await app.InvokeAsync(() => navigation.NavigateTo(FinePage.Address));

        app.WaitForAssertion(() => Assert.Single(app.FindAll("[data-testid=fine-page]")));
        Assert.Empty(app.FindAll("[data-testid=page-error]"));
    }

    /// <summary>A stand-in for the layout: a counter beside the boundary, the page inside it.</summary>
    private static RenderFragment Shell(PageSwitch page) => builder =>
    {
        builder.OpenComponent<Counter>(0);
        builder.CloseComponent();
        builder.OpenComponent<PageErrorBoundary>(1);
        builder.AddAttribute(2, nameof(PageErrorBoundary.ChildContent), (RenderFragment)(inner =>
        {
            inner.OpenComponent<FlakyPage>(3);
            inner.AddAttribute(4, nameof(FlakyPage.Switch), page);
            inner.CloseComponent();
        }));
        builder.CloseComponent();
    };

    /// <summary>Whether the page fails; shared with the test, so that a fixed page can come back.</summary>
    public sealed class PageSwitch
    {
        public bool Broken { get; set; }
    }

    /// <summary>A page that throws while rendering, or from a click, while its switch says broken.</summary>
    public sealed class FlakyPage : ComponentBase
    {
        [Parameter]
        public PageSwitch Switch { get; set; } = new();

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            if (Switch.Broken)
            {
                throw new InvalidOperationException("The page broke while rendering.");
            }

            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "data-testid", "page-action");
            builder.AddAttribute(2, "onclick", EventCallback.Factory.Create<MouseEventArgs>(this, Act));
            builder.AddContent(3, "Act");
            builder.CloseElement();
            builder.OpenElement(4, "p");
            builder.AddAttribute(5, "data-testid", "page-content");
            builder.AddContent(6, "Content");
            builder.CloseElement();
        }

        private void Act()
        {
            if (Switch.Broken)
            {
                throw new InvalidOperationException("The page broke in a click handler.");
            }
        }
    }

    /// <summary>Something outside the boundary with state of its own, like the app bar's filter.</summary>
    public sealed class Counter : ComponentBase
    {
        private int clicks;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "data-testid", "sibling");
            builder.AddAttribute(2, "onclick", EventCallback.Factory.Create<MouseEventArgs>(this, () => clicks++));
            builder.AddContent(3, clicks);
            builder.CloseElement();
        }
    }

    /// <summary>The app's layout reduced to the boundary around the body.</summary>
    public sealed class BoundaryLayout : LayoutComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<PageErrorBoundary>(0);
            builder.AddAttribute(1, nameof(PageErrorBoundary.ChildContent), Body);
            builder.CloseComponent();
        }
    }

    [Route(Address)]
    public sealed class BrokenPage : ComponentBase
    {
        public const string Address = "/test/broken-page";

        protected override void BuildRenderTree(RenderTreeBuilder builder) => throw new InvalidOperationException("This page always fails.");
    }

    [Route(Address)]
    public sealed class FinePage : ComponentBase
    {
        public const string Address = "/test/fine-page";

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "data-testid", "fine-page");
            builder.AddContent(2, "Fine");
            builder.CloseElement();
        }
    }

    private sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);

    private sealed class RecordingLogger : ILogger<PageErrorBoundary>
    {
        public List<LogEntry> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add(new LogEntry(logLevel, formatter(state, exception), exception));
    }
}
