using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Features.Reminders;

/// <summary>
/// Renders <see cref="ReminderDigestEmail"/> with Blazor's <see cref="HtmlRenderer"/> in the recipient's language.
/// Each rendering gets its own DI scope: the renderer needs scoped services that a background service's root provider cannot give.
/// </summary>
public sealed class ReminderMailRenderer(IServiceScopeFactory scopes, ILoggerFactory loggers, IStringLocalizer<SharedResource> text)
{
    public async Task<MailMessage> RenderAsync(string to, ReminderDigest digest, CultureInfo culture)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            // The culture is set inside the renderer's dispatcher, where the component's texts and dates are formatted.
            using var _ = Preferences.Preferences.Use(culture);
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(ReminderDigestEmail.Digest)] = digest });
            var html = (await renderer.RenderComponentAsync<ReminderDigestEmail>(parameters)).ToHtmlString();
            return new MailMessage(to, digest.Subject(text), html, digest.PlainText(text));
        });
    }
}
