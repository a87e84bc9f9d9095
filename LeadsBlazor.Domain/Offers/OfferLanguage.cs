namespace LeadsBlazor.Domain.Offers;

/// <summary>The language an offer is written and printed in.</summary>
public enum OfferLanguage
{
    German = 0,
    English = 1,
}
