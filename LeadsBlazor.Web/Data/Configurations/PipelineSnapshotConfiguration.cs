using System.Text.Json;
using LeadsBlazor.Domain.Forecasts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadsBlazor.Web.Data.Configurations;

internal sealed class PipelineSnapshotConfiguration : IEntityTypeConfiguration<PipelineSnapshot>
{
    public void Configure(EntityTypeBuilder<PipelineSnapshot> builder)
    {
        // One snapshot per day, whichever instance takes it first (Rule 15): the second insert fails on this index.
        builder.HasIndex(s => s.Day).IsUnique();
        builder.Property(s => s.CurrencyCode).HasMaxLength(3);

        // The stages of a day are read and written whole with it, so they are one JSON column: a day stays one row.
        builder.Property(s => s.Stages)
            .HasField("_stages")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasColumnName("Stages")
            .HasConversion(
                stages => JsonSerializer.Serialize(stages, JsonSerializerOptions.Web),
                json => JsonSerializer.Deserialize<List<StageSnapshot>>(json, JsonSerializerOptions.Web) ?? new List<StageSnapshot>(),
                new ValueComparer<IReadOnlyList<StageSnapshot>>(
                    (a, b) => a!.SequenceEqual(b!),
                    stages => stages.Aggregate(0, (hash, s) => HashCode.Combine(hash, s)),
                    stages => stages.ToList()));
    }
}
