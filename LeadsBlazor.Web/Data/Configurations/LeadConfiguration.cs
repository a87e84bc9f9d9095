using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadsBlazor.Web.Data.Configurations;

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(Text.NameMaxLength);
        builder.Property(l => l.ResponsibleUserId).HasMaxLength(450);
        builder.Property(l => l.CreatedBy).HasMaxLength(450);
        builder.Property(l => l.NextAction).HasMaxLength(500);
        builder.Property(l => l.Info).HasMaxLength(Text.LongTextMaxLength);
        builder.Property(l => l.CloseReasonText).HasMaxLength(Text.LongTextMaxLength);
        builder.Property(l => l.Version).IsConcurrencyToken();

        // Money is stored as whole cents plus the ISO code, so that the database sums it exactly.
        builder.ComplexProperty(l => l.Revenue, money =>
        {
            money.Property(m => m.Amount).HasColumnName("RevenueMinor")
                .HasConversion(amount => (long)(amount * 100m), minor => minor / 100m);
            money.Property(m => m.Currency).HasColumnName("RevenueCurrency").HasMaxLength(3)
                .HasConversion(currency => currency.Code, code => Currency.Parse(code, "Currency"));
        });

        builder.HasOne(l => l.Stage).WithMany().HasForeignKey(l => l.StageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.Company).WithMany().HasForeignKey(l => l.CompanyId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(l => l.ContactPerson).WithMany().HasForeignKey(l => l.ContactPersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Domain.Accounts.CloseReason>().WithMany().HasForeignKey(l => l.CloseReasonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.ResponsibleUserId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(l => l.Labels).WithMany().UsingEntity("LeadLabels");
        builder.HasMany(l => l.Notes).WithOne().HasForeignKey(n => n.LeadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(l => l.Attachments).WithOne().HasForeignKey(a => a.LeadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(l => l.History).WithOne().HasForeignKey(e => e.LeadId).OnDelete(DeleteBehavior.Cascade);

        // The board and the weighted volume read running leads per stage.
        builder.HasIndex(l => new { l.Status, l.StageId });

        // "Due for user X" and the due count per user (Rule 5).
        builder.HasIndex(l => new { l.ResponsibleUserId, l.Status, l.NextActionOn });
        builder.HasIndex(l => new { l.Status, l.NextActionOn });
        builder.HasIndex(l => l.Name);
    }
}
