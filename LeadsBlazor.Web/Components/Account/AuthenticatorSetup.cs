using System.Globalization;
using System.Text;
using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace LeadsBlazor.Web.Components.Account;

/// <summary>What an authenticator app needs to learn a user's key: the key to type, and the same as a QR code to scan.</summary>
internal static class AuthenticatorSetup
{
    /// <summary>The name the authenticator app lists the entry under.</summary>
    public const string Issuer = "LeadsBlazor";

    /// <summary>
    /// The user's authenticator key, made once when there is none. Unlike Identity's ResetAuthenticatorKeyAsync it keeps
    /// the security stamp: opening the enrol page (a GET, reachable by a link from anywhere) must not end the user's
    /// other sessions. A key alone changes nothing at sign-in until the user confirms a code with it.
    /// </summary>
    public static async Task<string> KeyOfAsync(UserManager<ApplicationUser> users, IUserStore<ApplicationUser> store, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        if (await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key)
        {
            return key;
        }

        var keys = (IUserAuthenticatorKeyStore<ApplicationUser>)store;
        await keys.SetAuthenticatorKeyAsync(user, users.GenerateNewAuthenticatorKey(), CancellationToken.None);
        await users.UpdateAsync(user);
        return await users.GetAuthenticatorKeyAsync(user) ?? "";
    }

    /// <summary>The key in groups of four, so it can be typed without losing one's place.</summary>
    public static string FormatKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(grouped.Length > 0 ? " " : "").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return grouped.ToString();
    }

    /// <summary>The otpauth URI of the Key URI Format that authenticator apps read from the QR code.</summary>
    public static string Uri(string email, string key) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
            System.Uri.EscapeDataString(Issuer),
            System.Uri.EscapeDataString(email),
            key);

    /// <summary>The QR code as a PNG data URI: served with the page, so the key never reaches a third-party QR service.</summary>
    public static string QrCodeDataUri(string uri)
    {
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>What the user typed, without the spaces and dashes people put into codes.</summary>
    public static string CleanCode(string? code) =>
        (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}
