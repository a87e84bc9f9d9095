namespace LeadsBlazor.Domain.Offers;

/// <summary>
/// Where an offer stands: a draft is being written; sent, it is with the customer; confirmed, the customer took it
/// (a project made from the won lead confirms it); billed, a project invoiced it; archived, it no longer counts.
/// </summary>
public enum OfferStatus
{
    Draft = 0,
    Sent = 1,
    Confirmed = 2,
    Billed = 3,
    Archived = 4,
}

public static class OfferStatusRules
{
    /// <summary>Draft or sent: the customer has not decided, so closing the lead as lost or dropped archives it.</summary>
    public static bool IsOpen(this OfferStatus status) => status is OfferStatus.Draft or OfferStatus.Sent;

    /// <summary>Only a draft is written, sent and deleted: anything after it is a document the customer holds.</summary>
    public static bool IsDraft(this OfferStatus status) => status == OfferStatus.Draft;

    /// <summary>The customer may say yes to a draft (on the phone) or to what was sent.</summary>
    public static bool CanBeConfirmed(this OfferStatus status) => status.IsOpen();

    /// <summary>Any offer but a billed or an archived one may stop counting.</summary>
    public static bool CanBeArchived(this OfferStatus status) => status is OfferStatus.Draft or OfferStatus.Sent or OfferStatus.Confirmed;
}
