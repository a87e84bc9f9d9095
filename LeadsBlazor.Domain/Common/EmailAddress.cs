using System.Net.Mail;

namespace LeadsBlazor.Domain.Common;

/// <summary>Email addresses as entered: trimmed, one address, or nothing.</summary>
public static class EmailAddress
{
    public static string? Optional(string? value, string field)
    {
        var trimmed = Text.Optional(value, field);
        return trimmed is null || (MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed)
            ? trimmed
            : throw new DomainException(field, ErrorKeys.InvalidEmail);
    }
}
