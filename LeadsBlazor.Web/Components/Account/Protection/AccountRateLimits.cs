using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
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
    public static readonly string[] GuardedPaths =
        ["/account/login", "/account/loginwith2fa", "/account/loginwithrecoverycode", "/account/forgotpassword", "/account/resetpassword", "/setup"];

    // Far more than any of these forms needs; a larger post is refused before it is read.
    private const long MaxFormBytes = 16 * 1024;

    private const string AddressItem = "leads:posted-address";

    public static void Configure(RateLimiterOptions limiter, AccountProtectionOptions limits)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = (context, cancellationToken) => WriteTooManyRequestsAsync(context.HttpContext, context.Lease, cancellationToken);
        limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context =>
                GuardedPath(context) is { } path
                    ? Window($"ip|{path}|{ClientOf(context.Connection.RemoteIpAddress)}", limits.PostsPerIp, limits.Window)
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
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxFormBytes;
            }

            try
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                if (form["Input.Email"].ToString().Trim() is { Length: > 0 } address)
                {
                    // Hashed: the limiter keeps one entry per key, and a made-up address must not grow it by its length.
                    context.Items[AddressItem] = AddressThrottles.HashOf(address);
                }
            }
            catch (Exception error) when (error is InvalidDataException or BadHttpRequestException)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
        }

        await next(context);
    }

    // An IPv6 client usually holds a whole /64 network: counting its addresses one by one would let it start afresh with each.
    private static string? ClientOf(System.Net.IPAddress? address)
    {
        if (address is null || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6 || address.IsIPv4MappedToIPv6)
        {
            return (address?.IsIPv4MappedToIPv6 == true ? address.MapToIPv4() : address)?.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
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
