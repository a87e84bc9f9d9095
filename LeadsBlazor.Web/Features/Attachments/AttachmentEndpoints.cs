using LeadsBlazor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Attachments;

public static class AttachmentEndpoints
{
    public static IServiceCollection AddAttachments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AttachmentOptions>(configuration.GetSection(AttachmentOptions.Section));
        services.AddSingleton<AttachmentStore>();
        return services;
    }

    /// <summary>
    /// Downloads for signed-in users only, always as an attachment (never shown inline), under the
    /// sanitised original name (RFC 6266 with an RFC 5987 UTF-8 name); nosniff comes with every response.
    /// </summary>
    public static IEndpointRouteBuilder MapAttachmentDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/attachments/{id:int}", async (int id, IDbContextFactory<LeadsDbContext> contexts, AttachmentStore store, CancellationToken cancellationToken) =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var attachment = await db.LeadAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (attachment is null)
            {
                return Results.NotFound();
            }

            return TypedResults.File(store.Open(attachment.StoredName), "application/octet-stream", AttachmentStore.SafeFileName(attachment.FileName));
        }).RequireAuthorization();
        return endpoints;
    }
}
