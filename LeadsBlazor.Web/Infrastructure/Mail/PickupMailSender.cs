using Microsoft.Extensions.Options;

namespace LeadsBlazor.Web.Infrastructure.Mail;

/// <summary>Writes each mail as an .eml file into the pickup folder: the default, so that nothing leaves the machine until SMTP is set up.</summary>
internal sealed class PickupMailSender(IOptions<MailOptions> options, IHostEnvironment environment, TimeProvider time, ILogger<PickupMailSender> logger) : IMailSender, IMailBatch
{
    public string Directory => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    public Task<IMailBatch> StartBatchAsync(CancellationToken cancellationToken = default) => Task.FromResult<IMailBatch>(this);

    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken = default)
    {
        var mime = MimeMessages.Create(message, options.Value.From);
        System.IO.Directory.CreateDirectory(Directory);

        // Written under a temporary name and then renamed: a reader of the folder never sees half a mail.
        var path = Path.Combine(Directory, $"{time.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        var partial = path + ".tmp";
        await mime.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path);
        logger.LogInformation("Wrote mail \"{Subject}\" for {To} to {Path}.", message.Subject, message.To, path);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
