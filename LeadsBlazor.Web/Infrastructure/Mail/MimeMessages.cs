using MimeKit;

namespace LeadsBlazor.Web.Infrastructure.Mail;

internal static class MimeMessages
{
    public static MimeMessage Create(MailMessage message, string from)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        if (message.MessageId is { } messageId)
        {
            mime.MessageId = messageId;
        }

        mime.Body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody }.ToMessageBody();
        return mime;
    }
}
