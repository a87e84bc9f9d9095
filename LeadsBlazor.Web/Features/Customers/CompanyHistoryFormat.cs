using System.Globalization;
using LeadsBlazor.Domain.Customers;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Features.Customers;

/// <summary>
/// A company's history entry as a person reads it, like a lead's (Rule 7): the field's name in the reader's language and
/// old → new, a country code as the country's name, a salutation as the word a letter uses.
/// </summary>
public static class CompanyHistoryFormat
{
    private const string Missing = "—";

    public static string Describe(IStringLocalizer text, CompanyHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Kind switch
        {
            CompanyEventKind.FieldChanged => text["History.Changed", FieldName(text, entry.Field), Value(text, entry.Field, entry.OldValue), Value(text, entry.Field, entry.NewValue)],
            CompanyEventKind.PersonChanged => text["CompanyPage.History.PersonChanged", entry.Subject ?? "", FieldName(text, entry.Field), Value(text, entry.Field, entry.OldValue), Value(text, entry.Field, entry.NewValue)],
            CompanyEventKind.PersonAdded => text["CompanyPage.History.PersonAdded", entry.NewValue ?? entry.Subject ?? ""],
            CompanyEventKind.PersonRemoved => text["CompanyPage.History.PersonRemoved", entry.OldValue ?? entry.Subject ?? ""],
            CompanyEventKind.LabelAdded => text["History.LabelAdded", entry.NewValue ?? ""],
            CompanyEventKind.LabelRemoved => text["History.LabelRemoved", entry.OldValue ?? ""],
            CompanyEventKind.Merged => text["CompanyPage.History.Merged", entry.OldValue ?? ""],
            CompanyEventKind.Imported => text["History.Imported"],
            _ => text["CompanyPage.History.Created", entry.NewValue ?? ""],
        };
    }

    /// <summary>The name of a company's or a contact person's field, as the page labels it.</summary>
    public static string FieldName(IStringLocalizer text, string? field)
    {
        ArgumentNullException.ThrowIfNull(text);
        return field == nameof(Company.Name) ? text["Field.Name"] : text[$"CompanyPage.Field.{field}"];
    }

    public static string Value(IStringLocalizer text, string? field, string? value)
    {
        ArgumentNullException.ThrowIfNull(text);
        return (field, value) switch
        {
            (_, null) => Missing,
            (nameof(Company.CountryCode), _) => PostalAddress.CountryName(value, CultureInfo.CurrentUICulture),
            (nameof(Person.Salutation), _) when Enum.TryParse<Salutation>(value, out var salutation) => SalutationName(text, salutation),
            _ => value,
        };
    }

    public static string SalutationName(IStringLocalizer text, Salutation salutation)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[$"CompanyPage.Salutation.{salutation}"];
    }
}
