using System.Globalization;
using LeadsBlazor.Domain.Common;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Components.Shared;

/// <summary>Turns a broken rule into the sentence the user reads, in their language, with its values in their culture.</summary>
public static class DomainErrors
{
    public static string Describe(this DomainException error, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(text);
        var template = text[error.MessageKey];
        return template.ResourceNotFound
            ? error.MessageKey
            : string.Format(CultureInfo.CurrentCulture, template.Value, [.. error.Arguments]);
    }

    /// <summary>Asks a rule of the domain before anything is saved: the sentence it refuses with, or null when it holds.</summary>
    public static string? Check(this IStringLocalizer text, Action rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        try
        {
            rule();
            return null;
        }
        catch (DomainException error)
        {
            return error.Describe(text);
        }
    }
}
