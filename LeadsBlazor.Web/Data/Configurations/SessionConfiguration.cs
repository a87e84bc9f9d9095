using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadsBlazor.Web.Data.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(UserSession.KeyLength);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasIndex(s => s.UserId);
        builder.HasIndex(s => s.ExpiresAt);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AddressThrottleConfiguration : IEntityTypeConfiguration<AddressThrottle>
{
    public void Configure(EntityTypeBuilder<AddressThrottle> builder)
    {
        builder.HasKey(a => a.AddressHash);
        builder.Property(a => a.AddressHash).HasMaxLength(64);
        builder.HasIndex(a => a.LastChangedAt);
    }
}
