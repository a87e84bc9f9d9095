using Microsoft.AspNetCore.Antiforgery;

namespace LeadsBlazor.Web.Infrastructure;

public static class AntiforgeryPosts
{
    /// <summary>
    /// A form post that binds no form fields still needs its token: minimal APIs check it only when they bind
    /// the form, so this filter checks it and answers 400 without one (another site could post it otherwise).
    /// </summary>
    public static RouteHandlerBuilder RequireAntiforgeryToken(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
            await context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context.HttpContext)
                ? await next(context)
                : TypedResults.BadRequest())
            .DisableAntiforgery();
}
