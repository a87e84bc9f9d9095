namespace LeadsBlazor.Web.Infrastructure.Mail;

/// <summary>
/// An email with an HTML and a plain-text part. <paramref name="MessageId"/>, when given, names the mail for good
/// (the same mail sent again carries the same id, and the pickup folder keeps it once); otherwise MimeKit makes one.
/// </summary>
public sealed record MailMessage(string To, string Subject, string HtmlBody, string TextBody, string? MessageId = null);

/// <summary>The one way the app sends mail: reminders, invitations, password resets.</summary>
public interface IMailSender
{
    /// <summary>Opens a batch for several mails: SMTP keeps one connection for all of them.</summary>
    Task<IMailBatch> StartBatchAsync(CancellationToken cancellationToken = default);

    async Task SendAsync(MailMessage message, CancellationToken cancellationToken = default)
    {
        await using var batch = await StartBatchAsync(cancellationToken);
        await batch.SendAsync(message, cancellationToken);
    }
}

/// <summary>Mails sent one after the other over one connection. A failed mail does not stop the next one.</summary>
public interface IMailBatch : IAsyncDisposable
{
    Task SendAsync(MailMessage message, CancellationToken cancellationToken = default);
}
