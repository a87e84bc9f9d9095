using System.Text.Json;
using System.Text.Json.Serialization;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadsBlazor.Web.Data.Configurations;

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    /// <summary>The EF property names of the stored sums in cents (the offer's private fields; columns NetMinor and GrossMinor).</summary>
    public const string NetMinor = "_netMinor";
    public const string GrossMinor = "_grossMinor";

    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.Property(o => o.Number).HasMaxLength(30);
        builder.HasIndex(o => o.Number).IsUnique();
        builder.Property(o => o.Title).HasMaxLength(Text.NameMaxLength);
        builder.Property(o => o.Recipient).HasMaxLength(500);
        builder.Property(o => o.Salutation).HasMaxLength(Text.NameMaxLength);
        builder.Property(o => o.IntroText).HasMaxLength(Text.LongTextMaxLength);
        builder.Property(o => o.ClosingText).HasMaxLength(Text.LongTextMaxLength);
        builder.Property(o => o.TaxNote).HasMaxLength(500);
        builder.Property(o => o.CurrencyCode).HasMaxLength(3);
        builder.Property(o => o.SentTo).HasMaxLength(256);
        builder.Property(o => o.CreatedBy).HasMaxLength(450);
        builder.Property(o => o.DiscountPercent).HasPrecision(5, 2);
        builder.Property(o => o.TaxRatePercent).HasPrecision(5, 2);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.Net);
        builder.Ignore(o => o.Gross);
        builder.Ignore(o => o.Totals);
        builder.Property<long>(NetMinor).HasColumnName("NetMinor");
        builder.Property<long>(GrossMinor).HasColumnName("GrossMinor");

        // The positions are the offer's body: read and written whole, never queried one by one, so one JSON column
        // keeps an offer with 80 positions one row (and the same on SQLite and PostgreSQL).
        builder.Property(o => o.Positions)
            .HasField("_positions")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasColumnName("Positions")
            .HasConversion(
                positions => PositionsJson.Write(positions),
                json => PositionsJson.Read(json),
                new ValueComparer<IReadOnlyList<OfferPosition>>(
                    (a, b) => a!.SequenceEqual(b!),
                    positions => positions.Aggregate(0, (hash, p) => HashCode.Combine(hash, p)),
                    positions => positions.ToList()));

        builder.HasOne(o => o.Lead).WithMany().HasForeignKey(o => o.LeadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.Project).WithMany().HasForeignKey(o => o.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.LeadId, o.Status });
        builder.HasIndex(o => o.Date);
    }

    /// <summary>Positions as JSON with short names; read back through the position's own factories, so its rules hold for stored data too.</summary>
    internal static class PositionsJson
    {
        private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault };

        public static string Write(IReadOnlyList<OfferPosition> positions) =>
            JsonSerializer.Serialize(positions.Select(p => new Stored(p.Kind, p.Text, p.Quantity, p.Unit, p.UnitPrice, p.Optional)), Options);

        public static List<OfferPosition> Read(string json) =>
            [.. (JsonSerializer.Deserialize<List<Stored>>(json, Options) ?? []).Select(s => s.Kind switch
            {
                OfferPositionKind.Title => OfferPosition.Title(s.Text ?? ""),
                OfferPositionKind.Description => OfferPosition.Description(s.Text ?? ""),
                OfferPositionKind.Item => OfferPosition.Item(s.Text ?? "", s.Quantity, s.Unit, s.UnitPrice, s.Optional),
                OfferPositionKind.Subtotal => OfferPosition.Subtotal(s.Text),
                _ => OfferPosition.PageBreak(),
            })];

        private sealed record Stored(
            [property: JsonPropertyName("k")] OfferPositionKind Kind,
            [property: JsonPropertyName("t")] string? Text,
            [property: JsonPropertyName("q")] decimal Quantity,
            [property: JsonPropertyName("u")] string? Unit,
            [property: JsonPropertyName("p")] decimal UnitPrice,
            [property: JsonPropertyName("o")] bool Optional);
    }
}

internal sealed class OfferSettingsConfiguration : IEntityTypeConfiguration<OfferSettings>
{
    public void Configure(EntityTypeBuilder<OfferSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.FirmName).HasMaxLength(Text.NameMaxLength);
        builder.Property(s => s.Address).HasMaxLength(500);
        builder.Property(s => s.Footer).HasMaxLength(1000);
        builder.Property(s => s.LogoContentType).HasMaxLength(20);
        builder.Property(s => s.TaxRatePercent).HasPrecision(5, 2);
        builder.Property(s => s.TaxNote).HasMaxLength(500);
        builder.ComplexProperty(s => s.German);
        builder.ComplexProperty(s => s.English);
    }
}
