using LeadsBlazor.Web.Infrastructure.Mail;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Features.Offers;

/// <summary>
/// The mail that carries an offer's PDF to the customer, in the offer's language: the offer's salutation, a line
/// naming the offer and its validity, and the sender's name and firm.
/// </summary>
public sealed record OfferMail(string Number, string Title, string ValidUntil, string? Salutation, string SenderName, string FirmName) : IMailModel
{
    public string Subject(IStringLocalizer text) => text["Mail.Offer.Subject", Number, Title];

    public IReadOnlyList<string> Paragraphs(IStringLocalizer text) =>
        [.. new[] { Salutation ?? text["Mail.Offer.Greeting"], text["Mail.Offer.Body", Number, Title, ValidUntil], text["Mail.Offer.Closing"] + "\n" + SenderName + "\n" + FirmName }];

    public string PlainText(IStringLocalizer text) => string.Join("\n\n", Paragraphs(text));
}
