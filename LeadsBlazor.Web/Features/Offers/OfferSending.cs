using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Web.Components.Shared;
using LeadsBlazor.Web.Features.Attachments;
using LeadsBlazor.Web.Features.Offers.Pdf;
using LeadsBlazor.Web.Infrastructure;
using LeadsBlazor.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Offers;

/// <summary>
/// "Versenden": writes the offer's PDF, files it with the lead (so the document as sent is kept, whatever later
/// changes the letterhead), mails it to the contact person when they have an address, and marks the offer sent, all in
/// one write: a refused step (not a draft, changed meanwhile) sends nothing, and a mail that cannot go out leaves the
/// offer a draft with no file behind.
/// </summary>
public sealed class OfferSending(OfferCommands commands, OfferPdf pdf, AttachmentStore files, IMailSender mail, MailRenderer renderer, AppUrls urls, ILogger<OfferSending> logger)
{
    public const string MailFailed = "Error.OfferMailFailed";

    /// <summary>Sends the draft at the version the user saw; returns the address it was mailed to, or null when there was none.</summary>
    public async Task<string?> SendAsync(int offerId, long version, string userId, CancellationToken cancellationToken = default)
    {
        string? mailedTo = null;
        StoredFile? stored = null;
        try
        {
            await commands.ChangeAsync(offerId, version, userId, leadTouched: true, async (db, offer, lead, actor) =>
            {
                var account = await db.AccountSettings.AsNoTracking().SingleAsync(cancellationToken);
                var settings = await OfferCommands.SettingsAsync(db, cancellationToken);
                await db.Entry(lead).Reference(l => l.ContactPerson).LoadAsync(cancellationToken);
                mailedTo = lead.ContactPerson?.Email;

                // The status moves first: an offer that is no longer a draft is refused before anything leaves the house.
                offer.Send(lead, mailedTo, actor);
                var document = OfferPrint.DocumentOf(offer, settings, account.Culture);
                var content = pdf.Render(document);
                var fileName = OfferPdf.FileName(document);
                using (var stream = new MemoryStream(content, writable: false))
                {
                    stored = await files.SaveAsync(stream, fileName, cancellationToken: cancellationToken);
                }

                lead.Attach(stored.FileName, stored.StoredName, stored.ContentType, stored.SizeBytes, actor);
                if (mailedTo is not null)
                {
                    var sender = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
                    var model = new OfferMail(offer.Number, offer.Title, OfferDate(offer.ValidUntil, document), offer.Salutation, sender.DisplayName ?? sender.Email ?? "", settings.FirmName);
                    var message = await renderer.RenderAsync<OfferEmail>(mailedTo, model, document.Culture);

                    // Inside the write, so that a mail which cannot go out leaves the offer a draft. The id names this
                    // offer at this version: pressed again after a save that failed, the pickup folder keeps it once.
                    await SendMailAsync(message with
                    {
                        MessageId = $"offer.{offer.Number}.v{offer.Version}@{urls.BaseUrl.Host}",
                        Attachments = [new MailAttachment(fileName, "application/pdf", content)],
                        ReplyTo = sender.Email,
                    }, cancellationToken);
                }
            }, cancellationToken);
        }
        catch
        {
            // The write did not commit: the PDF filed for it belongs to nothing.
            if (stored is not null)
            {
                files.Delete(stored.StoredName);
            }

            throw;
        }

        return mailedTo;
    }

    private async Task SendMailAsync(MailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await mail.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The offer mail to {To} could not be sent.", message.To);
            throw new DomainException("Offer", MailFailed, message.To);
        }
    }

    private static string OfferDate(DateOnly date, OfferDocument document)
    {
        using var _ = Preferences.Preferences.Use(document.Culture);
        return Formats.Date(date);
    }
}
