using System.Net;
using LeadsBlazor.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LeadsBlazor.Tests.Security;

/// <summary>
/// Every page of the app's features (the customer directory's /companies and /companies/{id} among them) sends an
/// anonymous request to sign-in. The pages come from the app's routing, so a new page is covered without being named here.
/// </summary>
public sealed class SignInRequiredTests(SignInRequiredTests.App app) : IClassFixture<SignInRequiredTests.App>
{
    public sealed class App : IDisposable
    {
        public LeadsAppFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    [Fact]
    public async Task An_anonymous_request_for_any_feature_page_is_sent_to_sign_in()
    {
        var pages = AppEndpoints.All(app.Factory)
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type.Namespace?.StartsWith("LeadsBlazor.Web.Features", StringComparison.Ordinal) == true)
            .Select(AppEndpoints.SamplePath).Distinct().Order(StringComparer.Ordinal).ToList();
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Contains("/leads", pages);
        foreach (var path in pages)
        {
            var response = await client.GetAsync(path);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.RedirectPath().StartsWith("/Account/Login", StringComparison.Ordinal),
                $"{path}: an anonymous request got {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task An_anonymous_request_for_any_download_or_export_is_refused()
    {
        // Every GET the app maps besides its pages and the anonymous ones (sign-in, static files, health): the Excel
        // exports (leads, offers, projects, the forecast, the outcomes), PDFs and attachments.
        var downloads = AppEndpoints.All(app.Factory)
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null
                && e.Metadata.GetMetadata<IAllowAnonymous>() is null
                && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) == true)
            .Select(AppEndpoints.SamplePath).Distinct().Order(StringComparer.Ordinal).ToList();
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Contains("/leads/forecast/export", downloads);
        Assert.Contains("/leads/outcomes/export", downloads);
        foreach (var path in downloads)
        {
            var response = await client.GetAsync(path);

            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized && (response.Headers.Location is null || response.RedirectPath().StartsWith("/Account/Login", StringComparison.Ordinal)),
                $"{path}: an anonymous request got {(int)response.StatusCode} {response.Headers.Location}");
        }
    }
}
