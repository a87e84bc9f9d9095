using System.Security.Cryptography;
using System.Text;
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

        // A mail with a stable Message-Id is kept once: its file name ends in the id's hash, so the same mail written
        // again (a digest resent after a crash, before its sending was recorded) finds itself there and is not doubled.
        var key = message.MessageId is { } id ? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..32] : Guid.NewGuid().ToString("N");
        if (message.MessageId is not null && System.IO.Directory.EnumerateFiles(Directory, $"*-{key}.eml").Any())
        {
            logger.LogInformation("Mail {MessageId} for {To} is already in the pickup folder; not written again.", message.MessageId, message.To);
            return;
        }

        // Written under a temporary name and then renamed: a reader of the folder never sees half a mail.
        var path = Path.Combine(Directory, $"{time.GetUtcNow():yyyyMMddHHmmssfff}-{key}.eml");
        var partial = path + ".tmp";
        await mime.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path);
        logger.LogInformation("Wrote mail \"{Subject}\" for {To} to {Path}.", message.Subject, message.To, path);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
