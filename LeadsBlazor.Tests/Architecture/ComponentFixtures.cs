using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Tests.Architecture.Fixtures;

// Components that exist only to check the component rule itself: the compiler moves lambda bodies into
// closure classes (<>c, <>c__DisplayClass) and async bodies into state machines, so a rule that looked at
// the component class alone would miss these two and pass.

/// <summary>Has the context factory injected, as <c>@inject IDbContextFactory&lt;LeadsDbContext&gt; Contexts</c> compiles to.</summary>
public sealed class DatabaseInjected : ComponentBase
{
    [Inject]
    public IDbContextFactory<LeadsDbContext> Contexts { get; set; } = default!;
}

/// <summary>Reaches the database only inside an async lifecycle method (a compiler-generated state machine).</summary>
public sealed class DatabaseInAsyncMethod : ComponentBase
{
    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var factory = (IDbContextFactory<LeadsDbContext>)Services.GetService(typeof(IDbContextFactory<LeadsDbContext>))!;
        await using var db = await factory.CreateDbContextAsync();
    }
}

/// <summary>Reaches the database only inside a render fragment's lambda, as Razor markup compiles to.</summary>
public sealed class DatabaseInRenderLambda : ComponentBase
{
    [Parameter]
    public object? Source { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        var source = Source;
        RenderFragment fragment = inner => inner.AddContent(0, (source as LeadsDbContext)?.ContextId.ToString());
        builder.AddContent(0, fragment);
    }
}

/// <summary>Uses lambdas and async code too, but no database type: the rule must let it pass.</summary>
public sealed class NoDatabase : ComponentBase
{
    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    protected override async Task OnInitializedAsync() => await Task.Yield();

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        var services = Services;
        RenderFragment fragment = inner => inner.AddContent(0, services.ToString());
        builder.AddContent(0, fragment);
    }
}
