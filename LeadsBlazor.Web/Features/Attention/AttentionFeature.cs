namespace LeadsBlazor.Web.Features.Attention;

public static class AttentionFeature
{
    public static IServiceCollection AddAttention(this IServiceCollection services) => services.AddScoped<AttentionQuery>();
}
