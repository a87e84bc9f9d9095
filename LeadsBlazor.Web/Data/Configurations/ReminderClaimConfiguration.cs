using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadsBlazor.Web.Data.Configurations;

internal sealed class ReminderClaimConfiguration : IEntityTypeConfiguration<ReminderClaim>
{
    public void Configure(EntityTypeBuilder<ReminderClaim> builder)
    {
        builder.ToTable("ReminderLog");

        // The claim itself: a second scanner's insert of the same reminder fails on this key.
        builder.HasIndex(c => new { c.LeadId, c.NextActionOn, c.UserId }).IsUnique();

        // "Which claims are ready to send" and "has this user had today's digest".
        builder.HasIndex(c => new { c.State, c.NextAttemptAt });
        builder.HasIndex(c => new { c.UserId, c.DigestOn });

        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.Property(c => c.LeasedBy).HasMaxLength(100);
        builder.Property(c => c.LastError).HasMaxLength(ReminderClaim.ErrorMaxLength);
        builder.HasOne<Lead>().WithMany().HasForeignKey(c => c.LeadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
