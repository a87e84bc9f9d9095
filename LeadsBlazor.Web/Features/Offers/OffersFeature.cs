using LeadsBlazor.Web.Features.Offers.Pdf;

namespace LeadsBlazor.Web.Features.Offers;

public static class OffersFeature
{
    /// <summary>Offers on leads: their use cases, queries, pages and the PDF.</summary>
    public static IServiceCollection AddOffers(this IServiceCollection services)
    {
        services.AddScoped<OfferCommands>();
        services.AddScoped<OfferSending>();
        services.AddScoped<OfferDetailsQuery>();
        services.AddSingleton<OfferPdf>();
        services.AddScoped<LeadOffersQuery>();
        services.AddScoped<OfferListQuery>();
        return services;
    }
}
