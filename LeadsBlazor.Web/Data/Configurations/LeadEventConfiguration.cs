using LeadsBlazor.Domain.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadsBlazor.Web.Data.Configurations;

internal sealed class LeadEventConfiguration : IEntityTypeConfiguration<LeadEvent>
{
    public void Configure(EntityTypeBuilder<LeadEvent> builder)
    {
        builder.Property(e => e.Field).HasMaxLength(100);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.HasIndex(e => new { e.LeadId, e.At });

        // The calibration (Rule 15) counts the leads that entered each stage since a day: the passages of a stage in time order.
        // Only stage changes name a stage, so the index holds only those rows (a quarter of the history, and no entry for the
        // other events a save writes); the query's "StageId IS NOT NULL" lets both databases use it.
        builder.HasIndex(e => new { e.StageId, e.At, e.LeadId }).HasFilter("\"StageId\" IS NOT NULL");

        // The lead version a save raised its events to: a refused save asks "what happened after the
        // version I loaded?" (rows from before this column say 0, i.e. "some earlier version").
        builder.Property<long>(LeadsDbContext.EventVersion);
        builder.HasIndex(LeadsDbContext.EventLeadId, LeadsDbContext.EventVersion);

        // Who acted, by the name they had then (the history never changes with a later rename); null only
        // for an event whose user was already gone when names began to be kept.
        builder.Property<string?>(LeadsDbContext.EventUserName).HasMaxLength(200);
    }
}

internal sealed class LeadNoteConfiguration : IEntityTypeConfiguration<LeadNote>
{
    public void Configure(EntityTypeBuilder<LeadNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(Domain.Common.Text.LongTextMaxLength);
        builder.Property(n => n.UserId).HasMaxLength(450);
    }
}

internal sealed class LeadAttachmentConfiguration : IEntityTypeConfiguration<LeadAttachment>
{
    public void Configure(EntityTypeBuilder<LeadAttachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(255);
        builder.Property(a => a.StoredName).HasMaxLength(100);
        builder.Property(a => a.ContentType).HasMaxLength(200);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.HasIndex(a => a.StoredName).IsUnique();
    }
}
