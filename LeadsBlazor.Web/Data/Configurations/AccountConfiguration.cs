using LeadsBlazor.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadsBlazor.Web.Data.Configurations;

internal sealed class AccountSettingsConfiguration : IEntityTypeConfiguration<AccountSettings>
{
    public void Configure(EntityTypeBuilder<AccountSettings> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.CurrencyCode).HasMaxLength(3);
        builder.Property(a => a.TimeZoneId).HasMaxLength(100);
        builder.Property(a => a.Culture).HasMaxLength(20);
        builder.Ignore(a => a.Currency);
        builder.Ignore(a => a.TimeZone);
        builder.HasMany(a => a.Currencies).WithOne().HasForeignKey("AccountSettingsId").OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccountCurrencyConfiguration : IEntityTypeConfiguration<AccountCurrency>
{
    public void Configure(EntityTypeBuilder<AccountCurrency> builder)
    {
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(3);
        builder.Property(c => c.RateToAccount).HasPrecision(18, 8);
    }
}

internal sealed class CloseReasonConfiguration : IEntityTypeConfiguration<CloseReason>
{
    public void Configure(EntityTypeBuilder<CloseReason> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(Domain.Common.Text.NameMaxLength);
    }
}

internal sealed class SettingsChangeConfiguration : IEntityTypeConfiguration<SettingsChange>
{
    public void Configure(EntityTypeBuilder<SettingsChange> builder)
    {
        builder.ToTable("SettingsLog");
        builder.HasIndex(c => new { c.Area, c.At });
        builder.Property(c => c.WhatKey).HasMaxLength(100);
        builder.Property(c => c.Detail).HasMaxLength(SettingsChange.DetailMaxLength);
        builder.Property(c => c.UserId).HasMaxLength(450);
    }
}
