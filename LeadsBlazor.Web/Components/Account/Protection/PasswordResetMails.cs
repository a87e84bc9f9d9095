using System.Text;
using System.Threading.Channels;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace LeadsBlazor.Web.Components.Account.Protection;

/// <summary>
/// Forgot-password requests, answered at once and the same way for every address: whether an account exists,
/// and the token and mail it then needs, is found out after the answer, in the background, one request at a
/// time. An address gets at most one mail per <see cref="AccountProtectionOptions.ResetMailInterval"/>.
/// </summary>
public sealed class PasswordResetMails(
    IServiceScopeFactory scopes,
    AddressThrottles throttles,
    IOptions<AccountProtectionOptions> options,
    AppUrls urls,
    TimeProvider time,
    ILogger<PasswordResetMails> logger) : BackgroundService
{
    // A flood fills the queue, not the memory: what does not fit is dropped (the per-IP limit stops most before).
    private readonly Channel<string> _requests = Channel.CreateBounded<string>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Request(string email) => _requests.Writer.TryWrite(email);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var email in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendAsync(email, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "A password reset mail could not be sent.");
            }
        }
    }

    private async Task SendAsync(string email, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is not { IsActive: true }
            || !await throttles.ChangeAsync(email, t => t.TryTakeResetMail(time.GetUtcNow(), options.Value.ResetMailInterval), cancellationToken))
        {
            return;
        }

        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = urls.Absolute("Account/ResetPassword") + "?code=" + Uri.EscapeDataString(code);
        await scope.ServiceProvider.GetRequiredService<IEmailSender<ApplicationUser>>().SendPasswordResetLinkAsync(user, user.Email!, link);
    }
}
