using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Components.Account;

/// <summary>The checks the account forms share, with messages in the user's language.</summary>
internal static class AccountForms
{
    private static readonly EmailAddressAttribute EmailFormat = new();

    public static string? CheckEmail(string? email, IStringLocalizer text) =>
        string.IsNullOrWhiteSpace(email) ? text["Validation.Required"].Value
        : !EmailFormat.IsValid(email) ? text["Validation.Email"].Value
        : null;

    public static string? CheckRequired(string? value, IStringLocalizer text) =>
        string.IsNullOrEmpty(value) ? text["Validation.Required"].Value : null;

    public static string? CheckNewPassword(string? password, IStringLocalizer text) =>
        string.IsNullOrEmpty(password) ? text["Validation.Required"].Value
        : password.Length is < PasswordLengthValidator.MinLength or > PasswordLengthValidator.MaxLength ? text["Validation.PasswordLength"].Value
        : null;

    public static string? CheckConfirmation(string? password, string? confirmation, IStringLocalizer text) =>
        password != confirmation ? text["Validation.PasswordMismatch"].Value : null;

    /// <summary>Identity's own refusals, in the user's language where we know them.</summary>
    public static string Describe(IEnumerable<IdentityError> errors, IStringLocalizer text) =>
        string.Join(" ", errors.Select(e => e.Code switch
        {
            "PasswordTooShort" or "PasswordTooLong" => text["Validation.PasswordLength"].Value,
            "PasswordRequiresUniqueChars" => text["Validation.PasswordWeak"].Value,
            "PasswordMismatch" => text["ChangePassword.Wrong"].Value,
            "InvalidToken" => text["Reset.Invalid"].Value,
            _ => e.Description,
        }).Distinct());
}
