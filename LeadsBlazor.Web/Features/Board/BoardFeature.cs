namespace LeadsBlazor.Web.Features.Board;

public static class BoardFeature
{
    public static IServiceCollection AddBoard(this IServiceCollection services) =>
        services.AddScoped<BoardQuery>().AddSingleton<LeadFacts>();
}
