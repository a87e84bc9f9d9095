namespace LeadsBlazor.Web.Features.Reminders;

/// <summary>An email with an HTML and a plain-text part.</summary>
public sealed record MailMessage(string To, string Subject, string HtmlBody, string TextBody);

/// <summary>The one way the app sends mail: reminders, invitations, password resets.</summary>
public interface IMailSender
{
    Task SendAsync(MailMessage message, CancellationToken cancellationToken = default);
}
