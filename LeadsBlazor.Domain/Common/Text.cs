namespace LeadsBlazor.Domain.Common;

/// <summary>Guards for the text fields every entity has: trimmed, required where the rule says so, and bounded.</summary>
public static class Text
{
    public const int NameMaxLength = 200;
    public const int LongTextMaxLength = 4000;

    public static string Required(string? value, string field, int maxLength = NameMaxLength)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainException(field, ErrorKeys.Required);
        }

        return Bounded(trimmed, field, maxLength);
    }

    public static string? Optional(string? value, string field, int maxLength = NameMaxLength)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : Bounded(trimmed, field, maxLength);
    }

    private static string Bounded(string value, string field, int maxLength) =>
        value.Length > maxLength ? throw new DomainException(field, ErrorKeys.TooLong, maxLength) : value;
}
