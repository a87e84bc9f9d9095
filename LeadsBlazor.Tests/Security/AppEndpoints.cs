using System.Text.RegularExpressions;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Security;

/// <summary>The app's own list of endpoints, read from its routing: a new page or form is covered by the security tests without being named in them.</summary>
public static partial class AppEndpoints
{
    public static IReadOnlyList<RouteEndpoint> All(LeadsAppFactory app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !(e.RoutePattern.RawText ?? "").StartsWith("/_", StringComparison.Ordinal))
            .ToList();

    /// <summary>The pages and endpoints only an account owner may use, as paths to request.</summary>
    public static IReadOnlyList<string> OwnerOnlyPaths(LeadsAppFactory app) =>
        All(app).Where(IsOwnerOnly).Select(SamplePath).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Everything that takes a POST: the Razor pages (each may hold a form) and the minimal API posts.</summary>
    public static IReadOnlyList<string> PostPaths(LeadsAppFactory app) =>
        All(app).Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
                || e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Post) == true)
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains(HttpMethods.Post))
            .Select(SamplePath).Distinct().Order(StringComparer.Ordinal).ToList();

    public static bool IsOwnerOnly(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a =>
            a.Policy == Roles.AccountOwner || (a.Roles ?? "").Split(',', StringSplitOptions.TrimEntries).Contains(Roles.AccountOwner));

    /// <summary>The route with a sample value in each parameter: 1 where a number fits.</summary>
    public static string SamplePath(RouteEndpoint endpoint) =>
        "/" + Parameter().Replace((endpoint.RoutePattern.RawText ?? "").TrimStart('/'), m => m.Value.Contains(":int", StringComparison.Ordinal) ? "1" : "sample");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
