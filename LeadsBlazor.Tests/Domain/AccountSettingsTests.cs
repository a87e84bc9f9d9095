using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using Microsoft.Extensions.Time.Testing;

namespace LeadsBlazor.Tests.Domain;

public sealed class AccountSettingsTests
{
    private static AccountSettings Berlin() => new(Currency.Eur, "Europe/Berlin", "de-DE", new DateOnly(2026, 11, 30));

    [Fact]
    public void Today_is_the_date_in_the_accounts_time_zone()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 12, 1), Berlin().Today(time));
    }

    [Fact]
    public void Leads_may_use_the_account_currency_and_those_with_a_rate_only()
    {
        var settings = Berlin();
        settings.AddOrUpdateCurrency(Currency.Chf, 1.06m, new DateOnly(2026, 11, 30));

        Assert.Equal(Currency.Eur, settings.RequireCurrency("EUR"));
        Assert.Equal(Currency.Chf, settings.RequireCurrency("chf"));
        Assert.Equal(ErrorKeys.UnknownCurrency, Assert.Throws<DomainException>(() => settings.RequireCurrency("USD")).MessageKey);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_rate_must_be_positive(decimal rate)
    {
        var error = Assert.Throws<DomainException>(() => Berlin().AddOrUpdateCurrency(Currency.Chf, rate, new DateOnly(2026, 11, 30)));

        Assert.Equal(("RateToAccount", ErrorKeys.InvalidRate), (error.Field, error.MessageKey));
    }

    [Fact]
    public void An_unknown_time_zone_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Berlin().ChangeTimeZone("Mars/Olympus_Mons"));

        Assert.Equal(ErrorKeys.UnknownTimeZone, error.MessageKey);
    }

    [Fact]
    public void Only_an_owner_who_uses_two_factor_sign_in_may_require_it_of_every_owner()
    {
        var settings = Berlin();

        var error = Assert.Throws<DomainException>(() => settings.RequireTwoFactorForOwners(true, actorUsesTwoFactor: false));
        Assert.Equal(ErrorKeys.TwoFactorFirst, error.MessageKey);
        Assert.False(settings.OwnersRequireTwoFactor);

        settings.RequireTwoFactorForOwners(true, actorUsesTwoFactor: true);
        Assert.True(settings.OwnersRequireTwoFactor);

        // Switching it off never locks anyone out, so anyone may.
        settings.RequireTwoFactorForOwners(false, actorUsesTwoFactor: false);
        Assert.False(settings.OwnersRequireTwoFactor);
    }
}
