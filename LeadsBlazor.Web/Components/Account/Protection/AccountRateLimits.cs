using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace LeadsBlazor.Web.Components.Account.Protection;

/// <summary>
/// ASP.NET Core's rate limiter on the form posts of the pages anyone can reach: per IP address and per email
/// address typed into the form, each in a fixed window. Only posts count: opening a page is free.
/// </summary>
internal static class AccountRateLimits
{
    /// <summary>The anonymous pages whose posts are limited, as lower-case paths.</summary>
    public static readonly string[] GuardedPaths = ["/account/login", "/account/forgotpassword", "/account/resetpassword", "/setup"];

    private const string AddressItem = "leads:posted-address";

    public static void Configure(RateLimiterOptions limiter, AccountProtectionOptions limits)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = (context, cancellationToken) => WriteTooManyRequestsAsync(context.HttpContext, context.Lease, cancellationToken);
        limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context =>
                GuardedPath(context) is { } path
                    ? Window($"ip|{path}|{context.Connection.RemoteIpAddress}", limits.PostsPerIp, limits.Window)
                    : RateLimitPartition.GetNoLimiter("")),
            PartitionedRateLimiter.Create<HttpContext, string>(context =>
                GuardedPath(context) is { } path && context.Items[AddressItem] is string address
                    ? Window($"address|{path}|{address}", limits.PostsPerAddress, limits.Window)
                    : RateLimitPartition.GetNoLimiter("")));
    }

    /// <summary>Reads the posted address before the limiter runs (the limiter's partitioning cannot read a body); the form stays buffered for the page.</summary>
    public static async Task ReadPostedAddressAsync(HttpContext context, RequestDelegate next)
    {
        if (GuardedPath(context) is not null && context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (form["Input.Email"].ToString().Trim() is { Length: > 0 } address)
            {
                context.Items[AddressItem] = address.ToUpperInvariant();
            }
        }

        await next(context);
    }

    private static string? GuardedPath(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return null;
        }

        var path = context.Request.Path.Value?.TrimEnd('/').ToLowerInvariant();
        return GuardedPaths.Contains(path) ? path : null;
    }

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });

    // A page of its own, in the user's language: the Razor pages are past the limiter, and a bare 429 says nothing.
    private static async ValueTask WriteTooManyRequestsAsync(HttpContext context, RateLimitLease lease, CancellationToken cancellationToken)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var html = HtmlEncoder.Default;
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        await context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{html.Encode(text["TooManyRequests.Title"])} – {html.Encode(text["App.Name"])}</title></head>
            <body style="font-family:sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem">
            <main><h1>{html.Encode(text["TooManyRequests.Title"])}</h1><p>{html.Encode(text["TooManyRequests.Text"])}</p>
            <p><a href="{html.Encode(context.Request.PathBase + context.Request.Path)}">{html.Encode(text["TooManyRequests.Back"])}</a></p></main>
            </body>
            </html>
            """,
            cancellationToken);
    }
}
