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
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Text.NameMaxLength);
        builder.HasIndex(c => c.Name);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.Name).HasMaxLength(Text.NameMaxLength);
        builder.Property(p => p.Email).HasMaxLength(Text.NameMaxLength);
        builder.Property(p => p.Phone).HasMaxLength(50);
        builder.HasOne(p => p.Company).WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => p.Name);
    }
}
