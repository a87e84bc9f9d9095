using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadsBlazor.Web.Data.Configurations;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    /// <summary>The EF property names of the budget's and the hourly rate's cents (the project's private fields).</summary>
    public const string BudgetMinor = "_budgetMinor";
    public const string HourlyRateMinor = "_hourlyRateMinor";

    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.Property(p => p.Number).HasMaxLength(30);
        builder.HasIndex(p => p.Number).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(Text.NameMaxLength);
        builder.Property(p => p.LeaderUserId).HasMaxLength(450);
        builder.Property(p => p.CoLeaderUserId).HasMaxLength(450);
        builder.Property(p => p.CurrencyCode).HasMaxLength(3);
        builder.Property(p => p.Info).HasMaxLength(Text.LongTextMaxLength);
        builder.Property(p => p.CreatedBy).HasMaxLength(450);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Budget);
        builder.Ignore(p => p.HourlyRate);
        builder.Property<long?>(BudgetMinor).HasColumnName("BudgetMinor");
        builder.Property<long?>(HourlyRateMinor).HasColumnName("HourlyRateMinor");

        // A project outlives what it came from: a deleted lead or company leaves it without the link, not gone.
        builder.HasOne(p => p.Lead).WithMany().HasForeignKey(p => p.LeadId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.Company).WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.ContactPerson).WithMany().HasForeignKey(p => p.ContactPersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.LeaderUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.CoLeaderUserId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(p => p.Labels).WithMany().UsingEntity("ProjectLabels");
        builder.HasMany(p => p.Notes).WithOne().HasForeignKey(n => n.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Attachments).WithOne().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.History).WithOne().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(p => new { p.Status, p.Number });
    }
}

internal sealed class ProjectEventConfiguration : IEntityTypeConfiguration<ProjectEvent>
{
    public void Configure(EntityTypeBuilder<ProjectEvent> builder)
    {
        builder.Property(e => e.Field).HasMaxLength(100);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property<string?>(LeadsDbContext.EventUserName).HasMaxLength(200);
        builder.HasIndex(e => new { e.ProjectId, e.At });
    }
}

internal sealed class ProjectNoteConfiguration : IEntityTypeConfiguration<ProjectNote>
{
    public void Configure(EntityTypeBuilder<ProjectNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(Text.LongTextMaxLength);
        builder.Property(n => n.UserId).HasMaxLength(450);
    }
}

internal sealed class ProjectAttachmentConfiguration : IEntityTypeConfiguration<ProjectAttachment>
{
    public void Configure(EntityTypeBuilder<ProjectAttachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(255);
        builder.Property(a => a.StoredName).HasMaxLength(100);
        builder.Property(a => a.ContentType).HasMaxLength(200);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.HasIndex(a => a.StoredName).IsUnique();
    }
}
