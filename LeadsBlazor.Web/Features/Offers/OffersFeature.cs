namespace LeadsBlazor.Web.Features.Offers;

public static class OffersFeature
{
    /// <summary>Offers on leads: their use cases, queries, pages and the PDF.</summary>
    public static IServiceCollection AddOffers(this IServiceCollection services)
    {
        services.AddScoped<OfferCommands>();
        return services;
    }
}
