namespace LeadsBlazor.Domain.Common;

/// <summary>
/// A broken rule. Carries a message key (looked up in the UI's resources, so the user reads it in
/// their language), the field it concerns and the values the message needs.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string field, string messageKey, params object?[] arguments)
        : base($"{field}: {messageKey}" + (arguments.Length > 0 ? $" ({string.Join(", ", arguments)})" : ""))
    {
        Field = field;
        MessageKey = messageKey;
        Arguments = arguments;
    }

    public string Field { get; }

    public string MessageKey { get; }

    public IReadOnlyList<object?> Arguments { get; }
}
