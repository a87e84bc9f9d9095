using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace LeadsBlazor.Web.Infrastructure.Mail;

/// <summary>Sends through the configured SMTP server with MailKit.</summary>
internal sealed class SmtpMailSender(IOptions<MailOptions> options, ILogger<SmtpMailSender> logger) : IMailSender
{
    public Task<IMailBatch> StartBatchAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IMailBatch>(new Batch(options.Value, logger));

    /// <summary>Connects at the first mail and keeps the connection; after a failure it reconnects for the next mail.</summary>
    private sealed class Batch(MailOptions settings, ILogger logger) : IMailBatch
    {
        private readonly SmtpClient _client = new();

        public async Task SendAsync(MailMessage message, CancellationToken cancellationToken = default)
        {
            try
            {
                await ConnectAsync(cancellationToken);
                await _client.SendAsync(MimeMessages.Create(message, settings.From), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A refused mail may leave the session in any state: start the next mail on a fresh connection.
                await CloseAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await CloseAsync();
            _client.Dispose();
        }

        private async Task ConnectAsync(CancellationToken cancellationToken)
        {
            if (_client.IsConnected)
            {
                return;
            }

            var smtp = settings.Smtp;
            await _client.ConnectAsync(smtp.Host, smtp.Port, Security(smtp), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await _client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
            }
        }

        // Port 465 speaks TLS from the first byte; other ports upgrade with STARTTLS when TLS is asked for.
        private static SecureSocketOptions Security(SmtpOptions smtp) => smtp switch
        {
            { UseTls: false } => SecureSocketOptions.None,
            { Port: 465 } => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };

        private async Task CloseAsync()
        {
            if (!_client.IsConnected)
            {
                return;
            }

            try
            {
                await _client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.CommandException or SocketException)
            {
                logger.LogDebug(e, "The SMTP connection was already broken when closing it.");
            }
        }
    }
}
