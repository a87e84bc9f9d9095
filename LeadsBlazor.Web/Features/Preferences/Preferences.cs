using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace LeadsBlazor.Web.Features.Preferences;

/// <summary>The user's language and light/dark choice, each kept in a cookie so a reload keeps it.</summary>
public static class Preferences
{
    public const string ThemeCookie = "leads.theme";

    public static readonly CultureInfo[] SupportedCultures = [new("de-DE"), new("en-US")];

    /// <summary>The supported culture of that name; German when the name is none of them.</summary>
    public static CultureInfo CultureOf(string? name) => SupportedCultures.FirstOrDefault(c => c.Name == name) ?? SupportedCultures[0];

    /// <summary>Texts and formats in another culture for a block: a mail in its recipient's language, a header in both languages.</summary>
    public static CultureScope Use(CultureInfo culture) => new(culture);

    public readonly struct CultureScope : IDisposable
    {
        private readonly CultureInfo _culture;
        private readonly CultureInfo _uiCulture;

        public CultureScope(CultureInfo culture)
        {
            (_culture, _uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        }

        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
    }

    public static IServiceCollection AddLeadsLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");

        // German text is mostly Latin-1: write "ü" into the page, not "&#xFC;".
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("de-DE");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;

            // The cookie first, then the browser's language; German when neither says.
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    public static bool IsDark(HttpContext? context) => context?.Request.Cookies[ThemeCookie] == "dark";

    /// <summary>Form posts from the user menu (with antiforgery: the language is also stored on the user); each returns to the page.</summary>
    public static IEndpointRouteBuilder MapPreferenceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/preferences").AllowAnonymous();
        group.MapPost("/culture/{culture}", async (HttpContext context, UserManager<ApplicationUser> users, string culture, string? returnUrl) =>
        {
            if (SupportedCultures.Any(c => c.Name == culture))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    PreferenceCookie(context));

                // Kept on the user as well: reminder mails are written in the language they chose.
                if (await users.GetUserAsync(context.User) is { } user && user.Culture != culture)
                {
                    user.Culture = culture;
                    await users.UpdateAsync(user);
                }
            }

            return TypedResults.LocalRedirect(SafeReturnUrl(returnUrl));
        }).RequireAntiforgeryToken();
        group.MapPost("/theme/{mode}", (HttpContext context, string mode, string? returnUrl) =>
        {
            context.Response.Cookies.Append(ThemeCookie, mode == "dark" ? "dark" : "light", PreferenceCookie(context));
            return TypedResults.LocalRedirect(SafeReturnUrl(returnUrl));
        }).RequireAntiforgeryToken();
        return endpoints;
    }

    private static CookieOptions PreferenceCookie(HttpContext context) => new()
    {
        MaxAge = TimeSpan.FromDays(365),
        IsEssential = true,
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
    };

    // Only paths inside the app: never an open redirect.
    private static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && LocalUrls.IsLocal(returnUrl) ? "~" + returnUrl : "~/";
}
