using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Web.Components.Shared;
using LeadsBlazor.Web.Features.Attachments;
using LeadsBlazor.Web.Features.Offers.Pdf;
using LeadsBlazor.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Offers;

/// <summary>
/// "Versenden": writes the offer's PDF, files it with the lead (so the document as sent is kept, whatever later
/// changes the letterhead), mails it to the contact person when they have an address, and marks the offer sent, all in
/// one write: a refused step (not a draft, changed meanwhile) sends nothing.
/// </summary>
public sealed class OfferSending(OfferCommands commands, OfferPdf pdf, AttachmentStore files, IMailSender mail, MailRenderer renderer)
{
    /// <summary>Sends the draft at the version the user saw; returns the address it was mailed to, or null when there was none.</summary>
    public async Task<string?> SendAsync(int offerId, long version, string userId, CancellationToken cancellationToken = default)
    {
        string? mailedTo = null;
        await commands.ChangeAsync(offerId, version, userId, leadTouched: true, async (db, offer, lead, actor) =>
        {
            var account = await db.AccountSettings.AsNoTracking().SingleAsync(cancellationToken);
            var settings = await OfferCommands.SettingsAsync(db, account.Culture, cancellationToken);
            await db.Entry(lead).Reference(l => l.ContactPerson).LoadAsync(cancellationToken);
            mailedTo = lead.ContactPerson?.Email;

            // The status moves first: an offer that is no longer a draft is refused before anything leaves the house.
            offer.Send(lead, mailedTo, actor);
            var document = OfferPrint.DocumentOf(offer, settings, account.Culture);
            var content = pdf.Render(document);
            var fileName = OfferPdf.FileName(document);
            using (var stream = new MemoryStream(content, writable: false))
            {
                var stored = await files.SaveAsync(stream, fileName, cancellationToken: cancellationToken);
                lead.Attach(stored.FileName, stored.StoredName, stored.ContentType, stored.SizeBytes, actor);
            }

            if (mailedTo is not null)
            {
                var sender = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
                var model = new OfferMail(offer.Number, offer.Title, OfferDate(offer.ValidUntil, document), offer.Salutation, sender.DisplayName ?? sender.Email ?? "", settings.FirmName);
                var message = await renderer.RenderAsync<OfferEmail>(mailedTo, model, document.Culture);

                // Sent inside the write: if the mail cannot go out, the offer stays a draft and the user is told.
                await mail.SendAsync(
                    message with { Attachments = [new MailAttachment(fileName, "application/pdf", content)], ReplyTo = sender.Email },
                    cancellationToken);
            }
        }, cancellationToken);
        return mailedTo;
    }

    private static string OfferDate(DateOnly date, OfferDocument document)
    {
        using var _ = Preferences.Preferences.Use(document.Culture);
        return Formats.Date(date);
    }
}
