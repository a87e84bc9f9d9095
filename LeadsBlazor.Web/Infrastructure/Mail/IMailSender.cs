namespace LeadsBlazor.Web.Infrastructure.Mail;

/// <summary>
/// An email with an HTML and a plain-text part. <paramref name="MessageId"/>, when given, names the mail for good
/// (the same mail sent again carries the same id, and the pickup folder keeps it once); otherwise MimeKit makes one.
/// <paramref name="ReplyTo"/> sends answers to a person (the user who sent an offer) rather than to the app's address.
/// </summary>
public sealed record MailMessage(string To, string Subject, string HtmlBody, string TextBody, string? MessageId = null)
{
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    public string? ReplyTo { get; init; }
}

/// <summary>A file sent with a mail, e.g. an offer's PDF.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>The one way the app sends mail: reminders, invitations, password resets, offers.</summary>
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
