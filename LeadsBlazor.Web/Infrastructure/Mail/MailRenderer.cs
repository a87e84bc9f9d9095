using System.Globalization;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Preferences;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Infrastructure.Mail;

/// <summary>What a mail says besides its HTML body: the subject and the plain-text part, in the reader's language.</summary>
public interface IMailModel
{
    string Subject(IStringLocalizer text);

    /// <summary>The plain-text part, for mail programs that show no HTML and for filters and screen readers.</summary>
    string PlainText(IStringLocalizer text);
}

/// <summary>
/// Renders a mail's Razor component (which takes the model as its <c>Model</c> parameter) with Blazor's
/// <see cref="HtmlRenderer"/> in the recipient's language. Each rendering gets its own DI scope: the renderer
/// needs scoped services that a background service's root provider cannot give.
/// </summary>
public sealed class MailRenderer(IServiceScopeFactory scopes, AccountSettingsReader account, ILoggerFactory loggers, IStringLocalizer<SharedResource> text)
{
    public const string ModelParameter = "Model";

    /// <summary>A mail to a user of the app, in the language they chose, or in the account's when they chose none.</summary>
    /// <param name="to">The address: usually the user's, but Identity may name another (a new address to confirm).</param>
    public async Task<MailMessage> RenderAsync<TComponent>(ApplicationUser recipient, string to, IMailModel model, CancellationToken cancellationToken = default)
        where TComponent : IComponent
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var culture = recipient.Culture ?? (await account.GetAsync(cancellationToken)).Culture;
        return await RenderAsync<TComponent>(to, model, Preferences.CultureOf(culture));
    }

    public async Task<MailMessage> RenderAsync<TComponent>(string to, IMailModel model, CultureInfo culture)
        where TComponent : IComponent
    {
        ArgumentNullException.ThrowIfNull(model);
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            // The culture is set inside the renderer's dispatcher, where the component's texts and dates are formatted.
            using var _ = Preferences.Use(culture);
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [ModelParameter] = model });
            var html = (await renderer.RenderComponentAsync<TComponent>(parameters)).ToHtmlString();
            return new MailMessage(to, model.Subject(text), html, model.PlainText(text).ReplaceLineEndings("\r\n"));
        });
    }
}
