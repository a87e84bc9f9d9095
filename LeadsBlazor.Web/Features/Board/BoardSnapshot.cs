using System.Text.Json;
using System.Text.Json.Serialization;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Pipeline;

namespace LeadsBlazor.Web.Features.Board;

/// <summary>
/// The board as the prerender loaded it, handed to the interactive render in the page (<see cref="Microsoft.AspNetCore.Components.PersistentComponentState"/>),
/// so a page open loads the board once. The domain's amounts and probabilities have no public setters or default
/// constructors for JSON, so they get converters here.
/// </summary>
public static class BoardSnapshot
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new MoneyConverter(), new ProbabilityConverter() },
    };

    /// <summary>The key of a view's board: a page opened with another filter, search or label does not take it.</summary>
    public static string KeyOf(string? responsible, string? labels, string? search) =>
        string.Join('\u001f', "LeadsBoard", responsible ?? "", labels ?? "", search ?? "");

    // As a JSON text inside the page's state (PersistAsJson has no way to take these converters).
    public static string Write(BoardData board) => JsonSerializer.Serialize(board, Options);

    public static BoardData? Read(string json) => JsonSerializer.Deserialize<BoardData>(json, Options);

    // An amount as [12500.00, "EUR"].
    private sealed class MoneyConverter : JsonConverter<Money>
    {
        public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            reader.Read();
            var amount = reader.GetDecimal();
            reader.Read();
            var currency = reader.GetString();
            reader.Read();
            return new Money(amount, Currency.Parse(currency));
        }

        public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(value.Amount);
            writer.WriteStringValue(value.Currency.Code);
            writer.WriteEndArray();
        }
    }

    private sealed class ProbabilityConverter : JsonConverter<Probability>
    {
        public override Probability Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Probability.FromPercent(reader.GetInt32());

        public override void Write(Utf8JsonWriter writer, Probability value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Percent);
    }
}
