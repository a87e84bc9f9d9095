using System.Net;
using System.Text.RegularExpressions;

namespace LeadsBlazor.Tests.Support;

/// <summary>Fills a statically rendered form the way a browser does: its hidden fields (antiforgery token, handler) plus the user's input.</summary>
public static partial class HttpForms
{
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, IDictionary<string, string> fields) =>
        await client.PostFormAsync(pageUrl, await client.OpenFormAsync(pageUrl), fields);

    /// <summary>The hidden fields of the page's form, as a browser holds them between showing the form and sending it.</summary>
    public static async Task<Dictionary<string, string>> OpenFormAsync(this HttpClient client, string pageUrl)
    {
        var page = await client.GetStringAsync(pageUrl);
        var form = new Dictionary<string, string>();
        foreach (Match hidden in HiddenInput().Matches(page))
        {
            form[WebUtility.HtmlDecode(hidden.Groups["name"].Value)] = WebUtility.HtmlDecode(hidden.Groups["value"].Value);
        }

        return form;
    }

    /// <summary>Sends a form opened with <see cref="OpenFormAsync"/> with the user's input.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, IReadOnlyDictionary<string, string> hidden, IDictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(hidden);
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        return await client.PostAsync(pageUrl, new FormUrlEncodedContent(form));
    }

    /// <summary>The antiforgery token the sign-in page hands this client (its cookie stays with the client).</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client)
    {
        var page = await client.GetStringAsync("/Account/Login");
        return WebUtility.HtmlDecode(TokenInput().Match(page).Groups["value"].Value);
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Where a redirect points, as a path and query inside the app, however the server spelled it.</summary>
    public static string RedirectPath(this HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode}.");
        return new Uri(new Uri("http://localhost/"), location).PathAndQuery;
    }

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"[^>]*>""")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex TokenInput();
}
