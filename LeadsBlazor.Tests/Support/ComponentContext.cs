using System.Globalization;
using Bunit;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace LeadsBlazor.Tests.Support;

/// <summary>
/// The one place component tests get their bUnit context: MudBlazor's services, loose JS interop,
/// the app's German and English texts, a connected circuit, and a culture. Used per test with <c>await using</c>, as a
/// shared base class fails at teardown under xunit 2 when popovers were rendered.
/// </summary>
public static class ComponentContext
{
    public static BunitContext Create(string culture = "de-DE")
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.Services.AddLocalization(options => options.ResourcesPath = "Resources");

        // Views keep themselves live through LiveRefresh, which asks whether the browser is connected: here it always is.
        context.Services.AddScoped<CircuitConnection>();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        return context;
    }
}
