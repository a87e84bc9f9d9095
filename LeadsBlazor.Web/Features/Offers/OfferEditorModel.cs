using System.Globalization;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Web.Components.Shared;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Features.Offers;

/// <summary>One line of the positions editor as the user writes it; <see cref="Key"/> keeps a row's inputs with it when the rows move.</summary>
public sealed class OfferPositionRow
{
    private static int _nextKey;

    public OfferPositionRow(OfferPositionKind kind) => Kind = kind;

    public int Key { get; } = Interlocked.Increment(ref _nextKey);

    public OfferPositionKind Kind { get; }

    public string? Text { get; set; }

    public string QuantityText { get; set; } = "";

    public string? Unit { get; set; }

    public string UnitPriceText { get; set; } = "";

    public bool Optional { get; set; }

    /// <summary>The row's place in the list, for the drop zone's order.</summary>
    public int Index { get; set; }

    public static OfferPositionRow Of(OfferPosition position, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(position);
        var row = new OfferPositionRow(position.Kind) { Text = position.Text, Unit = position.Unit, Optional = position.Optional };
        if (position.Kind == OfferPositionKind.Item)
        {
            row.QuantityText = position.Quantity.ToString("0.###", culture);
            row.UnitPriceText = position.UnitPrice.ToString("N2", culture);
        }

        return row;
    }

    internal string State() => string.Join('\u001e', (int)Kind, Text?.Trim(), QuantityText.Trim(), Unit?.Trim(), UnitPriceText.Trim(), Optional);
}

/// <summary>What the editor's input reads to: the details and positions to save when every field holds, the field errors, the sums of what holds.</summary>
public sealed record OfferEditorReading(
    IReadOnlyList<OfferPosition?> Positions,
    IReadOnlyDictionary<string, string> Errors,
    OfferTotals? Totals,
    decimal DiscountPercent,
    decimal TaxRatePercent)
{
    public bool IsValid => Errors.Count == 0;

    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);

    /// <summary>The net of the row at <paramref name="index"/> when it reads as an item.</summary>
    public decimal? NetOf(int index) => index < Positions.Count && Positions[index] is { Kind: OfferPositionKind.Item } item ? item.Net : null;

    /// <summary>The sum a subtotal row shows, counted by the domain (<see cref="OfferTotals.Subtotals"/>).</summary>
    public decimal? SubtotalOf(int index)
    {
        if (Totals is null || index >= Positions.Count || Positions[index] is not { Kind: OfferPositionKind.Subtotal })
        {
            return null;
        }

        var number = Positions.Take(index).Count(p => p?.Kind == OfferPositionKind.Subtotal);
        return number < Totals.Subtotals.Count ? Totals.Subtotals[number] : null;
    }

    public static string PositionField(OfferPositionRow row, string field) => $"Position.{row?.Key}.{field}";
}

/// <summary>
/// The offer page's input: the letter and the positions as written, read with the user's culture ("8,1" in German) and
/// checked by the domain's own factories and sums, so each field shows the domain's message and nothing typed is lost.
/// </summary>
public sealed class OfferEditorModel
{
    public const string QuantityField = "Quantity";
    public const string UnitPriceField = "UnitPrice";
    public const string UnitField = "Unit";
    public const string TextField = "Text";

    /// <summary>The message for a rate that does not read: the amount's message would give money as the example.</summary>
    public const string NotAPercent = "Error.NotAPercent";

    public string Title { get; set; } = "";

    public DateTime? Date { get; set; }

    public DateTime? ValidUntil { get; set; }

    public string Recipient { get; set; } = "";

    public string? Salutation { get; set; }

    public string? IntroText { get; set; }

    public string? ClosingText { get; set; }

    public OfferLanguage Language { get; set; }

    public string DiscountText { get; set; } = "";

    public string TaxRateText { get; set; } = "";

    public string? TaxNote { get; set; }

    public List<OfferPositionRow> Rows { get; } = [];

    /// <summary>The offer's currency: a price typed with another one is refused, not converted.</summary>
    public string CurrencyCode { get; init; } = "EUR";

    public static OfferEditorModel Of(Offer offer, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var model = new OfferEditorModel
        {
            Title = offer.Title,
            Date = offer.Date.ToDateTime(TimeOnly.MinValue),
            ValidUntil = offer.ValidUntil.ToDateTime(TimeOnly.MinValue),
            Recipient = offer.Recipient,
            Salutation = offer.Salutation,
            IntroText = offer.IntroText,
            ClosingText = offer.ClosingText,
            Language = offer.Language,
            DiscountText = offer.DiscountPercent.ToString("0.##", culture),
            TaxRateText = offer.TaxRatePercent.ToString("0.##", culture),
            TaxNote = offer.TaxNote,
            CurrencyCode = offer.CurrencyCode,
        };
        model.Rows.AddRange(offer.Positions.Select(p => OfferPositionRow.Of(p, culture)));
        model.Renumber();
        return model;
    }

    public OfferPositionRow Add(OfferPositionKind kind)
    {
        var row = new OfferPositionRow(kind);
        if (kind == OfferPositionKind.Item)
        {
            row.QuantityText = "1";
        }

        Rows.Add(row);
        Renumber();
        return row;
    }

    public void Remove(OfferPositionRow row)
    {
        Rows.Remove(row);
        Renumber();
    }

    /// <summary>Puts the row at <paramref name="index"/> (by drag and drop, or one step up or down by its buttons).</summary>
    public void Move(OfferPositionRow row, int index)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!Rows.Remove(row))
        {
            return;
        }

        Rows.Insert(Math.Clamp(index, 0, Rows.Count), row);
        Renumber();
    }

    /// <summary>Reads every field with the user's culture and asks the domain about each position and the percentages.</summary>
    public OfferEditorReading Read(IStringLocalizer text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new Dictionary<string, string>();
        var discount = Percent(DiscountText, nameof(OfferDetails.DiscountPercent), errors, text, culture);
        var taxRate = Percent(TaxRateText, nameof(OfferDetails.TaxRatePercent), errors, text, culture);
        var positions = Rows.Select(row => Position(row, CurrencyCode, errors, text, culture)).ToList();

        OfferTotals? totals = null;
        if (positions.All(p => p is not null) && errors.Count == 0)
        {
            try
            {
                totals = OfferTotals.Of(positions!, discount, taxRate);
            }
            catch (DomainException error)
            {
                errors[error.Field == "Discount" ? nameof(OfferDetails.DiscountPercent) : nameof(OfferDetails.TaxRatePercent)] = error.Describe(text);
            }
        }

        return new OfferEditorReading(positions, errors, totals, discount, taxRate);
    }

    /// <summary>The details to save; the domain checks them on save (<see cref="Offer.Edit"/>) and names the field it refuses.</summary>
    public OfferDetails Details(OfferEditorReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return new OfferDetails(
            Title,
            Date is { } date ? DateOnly.FromDateTime(date) : default,
            ValidUntil is { } valid ? DateOnly.FromDateTime(valid) : default,
            Recipient,
            Salutation,
            IntroText,
            ClosingText,
            Language,
            reading.DiscountPercent,
            reading.TaxRatePercent,
            TaxNote);
    }

    /// <summary>Where a refusal of the domain on save shows: the field of the form it names.</summary>
    public static string FieldOf(DomainException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Field switch
        {
            "Discount" => nameof(OfferDetails.DiscountPercent),
            "TaxRate" => nameof(OfferDetails.TaxRatePercent),
            var field => field,
        };
    }

    /// <summary>Everything the user can type, as one comparable text: differs from the loaded one while input is unsaved.</summary>
    public string InputState() => string.Join('\u001f', new[]
    {
        Title.Trim(), Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Recipient.ReplaceLineEndings("\n").Trim(), Salutation?.Trim(), IntroText?.Trim(), ClosingText?.Trim(), Language.ToString(),
        DiscountText.Trim(), TaxRateText.Trim(), TaxNote?.Trim(),
    }.Concat(Rows.Select(r => r.State())));

    private void Renumber()
    {
        for (var i = 0; i < Rows.Count; i++)
        {
            Rows[i].Index = i;
        }
    }

    private static decimal Percent(string written, string field, Dictionary<string, string> errors, IStringLocalizer text, CultureInfo culture)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return 0m;
        }

        var read = ReadPercent(written, culture);
        if (!read.IsValid)
        {
            errors[field] = read.ToException(field).Describe(text);
            return 0m;
        }

        return read.Amount;
    }

    /// <summary>A percentage as the user types it ("8,1", "8,1 %", "19"), read like an amount without a currency.</summary>
    public static MoneyTextResult ReadPercent(string? written, CultureInfo culture)
    {
        var read = MoneyText.Read(written?.Replace("%", "", StringComparison.Ordinal), culture);
        return read.ErrorKey == ErrorKeys.NotAnAmount || read.Currency is not null
            ? read with { ErrorKey = NotAPercent, Arguments = [written ?? ""] }
            : read;
    }

    private static OfferPosition? Position(OfferPositionRow row, string currencyCode, Dictionary<string, string> errors, IStringLocalizer text, CultureInfo culture)
    {
        try
        {
            return row.Kind switch
            {
                OfferPositionKind.Title => OfferPosition.Title(row.Text ?? ""),
                OfferPositionKind.Description => OfferPosition.Description(row.Text ?? ""),
                OfferPositionKind.Subtotal => OfferPosition.Subtotal(row.Text),
                OfferPositionKind.PageBreak => OfferPosition.PageBreak(),
                _ => Item(row, currencyCode, errors, text, culture),
            };
        }
        catch (DomainException error)
        {
            var field = error.Field switch
            {
                nameof(OfferPosition.Quantity) => QuantityField,
                nameof(OfferPosition.UnitPrice) => UnitPriceField,
                nameof(OfferPosition.Unit) => UnitField,
                _ => TextField,
            };
            errors[OfferEditorReading.PositionField(row, field)] = error.Describe(text);
            return null;
        }
    }

    private static OfferPosition? Item(OfferPositionRow row, string currencyCode, Dictionary<string, string> errors, IStringLocalizer text, CultureInfo culture)
    {
        // A quantity may have three decimals (0,125 days): read as a quantity, not as money.
        var quantity = QuantityText.Read(row.QuantityText, culture);
        if (quantity is null)
        {
            errors[OfferEditorReading.PositionField(row, QuantityField)] = text[ErrorKeys.NotAnAmount, row.QuantityText];
        }

        var price = MoneyText.Read(row.UnitPriceText, culture);
        if (!price.IsValid)
        {
            errors[OfferEditorReading.PositionField(row, UnitPriceField)] = price.ToException(UnitPriceField).Describe(text);
        }
        else if (price.Currency is { } named && named.Code != currencyCode)
        {
            // Every amount of an offer is in its currency (Rule 3): "100 USD" on a euro offer is not 100 €.
            errors[OfferEditorReading.PositionField(row, UnitPriceField)] = text[ErrorKeys.CurrencyMismatch, currencyCode, named.Code];
        }

        return quantity is { } amount && price.IsValid && errors.GetValueOrDefault(OfferEditorReading.PositionField(row, UnitPriceField)) is null
            ? OfferPosition.Item(row.Text ?? "", amount, row.Unit, price.Amount, row.Optional)
            : null;
    }
}
