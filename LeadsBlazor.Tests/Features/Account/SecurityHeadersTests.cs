using LeadsBlazor.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LeadsBlazor.Tests.Features.Account;

/// <summary>Reads the security baseline from real responses of the app as it runs in production (HTTPS, not Development).</summary>
public sealed class SecurityHeadersTests : IDisposable
{
    private readonly LeadsAppFactory _factory = new("Production");

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://leads.example.com"),
    });

    [Fact]
    public async Task Every_page_carries_the_security_headers()
    {
        var response = await Client().GetAsync("/Account/Login");

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_and_the_health_check_carry_them_too()
    {
        var redirect = await Client().GetAsync("/leads");
        var health = await Client().GetAsync("/healthz");

        Assert.Contains("frame-ancestors 'none'", string.Join(' ', redirect.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(health.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_secure_and_same_site_lax()
    {
        var response = await Client().SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("leads.auth=", StringComparison.Ordinal));
        var flags = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(f => f.ToLowerInvariant()).ToList();
        Assert.Contains("httponly", flags);
        Assert.Contains("secure", flags);
        Assert.Contains("samesite=lax", flags);
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_secure_outside_development()
    {
        var response = await Client().GetAsync("/Account/Login");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", cookie.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Contains("httponly", cookie.ToLowerInvariant(), StringComparison.Ordinal);
    }
}
