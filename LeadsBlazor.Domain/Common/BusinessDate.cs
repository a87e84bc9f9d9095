namespace LeadsBlazor.Domain.Common;

/// <summary>
/// The dates a lead may carry: 1900 to 2199. Outside them a date is a typo (01.01.0001, 31.12.9999), and
/// Excel cannot even write it (0001 would export as serial −1).
/// </summary>
public static class BusinessDate
{
    public const int FirstYear = 1900;
    public const int LastYear = 2199;

    public static DateOnly Require(DateOnly date, string field) =>
        date.Year is >= FirstYear and <= LastYear ? date : throw new DomainException(field, ErrorKeys.DateOutOfRange, FirstYear, LastYear);

    public static DateOnly? Require(DateOnly? date, string field) => date is { } given ? Require(given, field) : null;
}
