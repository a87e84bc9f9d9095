namespace LeadsBlazor.Web.Infrastructure;

/// <summary>
/// The app's public address (<c>App:BaseUrl</c>) for links that leave the app in mails. Never taken
/// from the request: a forged Host header would otherwise send a reset token to someone else's site.
/// </summary>
public sealed class AppUrls(IConfiguration configuration)
{
    public const string DefaultBaseUrl = "http://localhost:5000";

    public Uri BaseUrl { get; } = new(EnsureTrailingSlash(configuration["App:BaseUrl"] is { Length: > 0 } url ? url : DefaultBaseUrl));

    public Uri Absolute(string relativePath) => new(BaseUrl, relativePath.TrimStart('/'));

    private static string EnsureTrailingSlash(string url) => url.EndsWith('/') ? url : url + "/";
}
