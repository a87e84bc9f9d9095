using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Labels;
using LeadsBlazor.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadsBlazor.Web.Data.Configurations;

internal sealed class StageConfiguration : IEntityTypeConfiguration<Stage>
{
    public void Configure(EntityTypeBuilder<Stage> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(Text.NameMaxLength);
        builder.Property(s => s.EnglishName).HasMaxLength(Text.NameMaxLength);
        builder.Property(s => s.Probability).HasColumnName("ProbabilityPercent")
            .HasConversion(p => p.Percent, percent => Probability.FromPercent(percent, "Probability"));
        builder.HasIndex(s => s.Name).IsUnique();
    }
}

internal sealed class LabelConfiguration : IEntityTypeConfiguration<Label>
{
    public void Configure(EntityTypeBuilder<Label> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(50);
        builder.Property(l => l.Color).HasMaxLength(7);
        builder.HasIndex(l => l.Name).IsUnique();
    }
}

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    /// <summary>What a company's name key holds after the upgrade from a version without keys, until the start computes it.</summary>
    public const string LegacyKeyPrefix = "\u0001legacy:";

    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Text.NameMaxLength);
        builder.Property(c => c.NameKey).HasMaxLength(Text.NameMaxLength * 2);
        builder.Property(c => c.Number).HasMaxLength(30);
        builder.Property(c => c.Street).HasMaxLength(300);
        builder.Property(c => c.Postcode).HasMaxLength(20);
        builder.Property(c => c.City).HasMaxLength(100);
        builder.Property(c => c.CountryCode).HasMaxLength(2);
        builder.Property(c => c.Website).HasMaxLength(300);
        builder.Property(c => c.Phone).HasMaxLength(50);
        builder.Property(c => c.Email).HasMaxLength(Text.NameMaxLength);
        builder.Property(c => c.DefaultCurrencyCode).HasMaxLength(3);
        builder.Property(c => c.Notes).HasMaxLength(Text.LongTextMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.Address);
        builder.Ignore(c => c.Details);

        // The database holds the rule too: two saves racing with "Müller" and "MUELLER" cannot both win.
        builder.HasIndex(c => c.NameKey).IsUnique();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => c.Name);

        builder.HasMany(c => c.People).WithOne(p => p.Company).HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Labels).WithMany().UsingEntity("CompanyLabels");
        builder.HasMany(c => c.History).WithOne().HasForeignKey(e => e.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.Name).HasMaxLength(Text.NameMaxLength + 1);
        builder.Property(p => p.FirstName).HasMaxLength(100);
        builder.Property(p => p.LastName).HasMaxLength(100);
        builder.Property(p => p.Role).HasMaxLength(100);
        builder.Property(p => p.Email).HasMaxLength(Text.NameMaxLength);
        builder.Property(p => p.Phone).HasMaxLength(50);
        builder.Property(p => p.Mobile).HasMaxLength(50);
        builder.Ignore(p => p.Details);
        builder.HasIndex(p => p.Name);
    }
}

internal sealed class CompanyEventConfiguration : IEntityTypeConfiguration<CompanyEvent>
{
    public void Configure(EntityTypeBuilder<CompanyEvent> builder)
    {
        builder.Property(e => e.Subject).HasMaxLength(Text.NameMaxLength + 1);
        builder.Property(e => e.Field).HasMaxLength(100);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property<string?>(LeadsDbContext.EventUserName).HasMaxLength(200);
        builder.HasIndex(e => new { e.CompanyId, e.At });
    }
}

internal sealed class NumberRangeConfiguration : IEntityTypeConfiguration<NumberRange>
{
    public void Configure(EntityTypeBuilder<NumberRange> builder)
    {
        builder.HasKey(r => r.Kind);
        builder.Property(r => r.Prefix).HasMaxLength(NumberRange.PrefixMaxLength);
        builder.Property(r => r.Period).HasMaxLength(4);

        // Two saves that took the same number: the second fails on this token and takes the next one.
        builder.Property(r => r.Last).IsConcurrencyToken();
    }
}
