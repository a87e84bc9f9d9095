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
    /// Downloads of lead and project files for signed-in users only, always as an attachment (never shown inline), under
    /// the sanitised original name (RFC 6266 with an RFC 5987 UTF-8 name); nosniff comes with every response.
    /// </summary>
    public static IEndpointRouteBuilder MapAttachmentDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/attachments/{id:int}", (int id, IDbContextFactory<LeadsDbContext> contexts, AttachmentStore store, CancellationToken cancellationToken) =>
            DownloadAsync(contexts, store, db => db.LeadAttachments.AsNoTracking().Where(a => a.Id == id).Select(a => new StoredAttachment(a.StoredName, a.FileName)), cancellationToken))
            .RequireAuthorization();
        endpoints.MapGet("/projects/attachments/{id:int}", (int id, IDbContextFactory<LeadsDbContext> contexts, AttachmentStore store, CancellationToken cancellationToken) =>
            DownloadAsync(contexts, store, db => db.ProjectAttachments.AsNoTracking().Where(a => a.Id == id).Select(a => new StoredAttachment(a.StoredName, a.FileName)), cancellationToken))
            .RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(IDbContextFactory<LeadsDbContext> contexts, AttachmentStore store, Func<LeadsDbContext, IQueryable<StoredAttachment>> find, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var attachment = await find(db).SingleOrDefaultAsync(cancellationToken);
        if (attachment is null)
        {
            return Results.NotFound();
        }

        return TypedResults.File(store.Open(attachment.StoredName), "application/octet-stream", AttachmentStore.SafeFileName(attachment.FileName));
    }

    private sealed record StoredAttachment(string StoredName, string FileName);
}
