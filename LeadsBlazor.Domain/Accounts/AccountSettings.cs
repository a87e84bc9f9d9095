using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Accounts;

/// <summary>The account's settings: its currency and the further currencies with their rates, time zone, culture and reminders.</summary>
public sealed class AccountSettings
{
    private readonly List<AccountCurrency> _currencies = [];

    private AccountSettings()
    {
        CurrencyCode = "EUR";
        TimeZoneId = "Europe/Berlin";
        Culture = "de-DE";
    }

    public AccountSettings(Currency currency, string timeZoneId, string culture, DateOnly today)
    {
        CurrencyCode = currency.Code;
        TimeZoneId = CheckTimeZone(timeZoneId);
        Culture = Text.Required(culture, nameof(Culture), 20);
        RemindersEnabled = true;
        ReminderHour = DefaultReminderHour;
        _currencies.Add(new AccountCurrency(currency, 1m, today));
    }

    /// <summary>There is one account per installation.</summary>
    public int Id { get; private set; } = 1;

    public string CurrencyCode { get; private set; }

    public Currency Currency => Common.Currency.Parse(CurrencyCode);

    public string TimeZoneId { get; private set; }

    public string Culture { get; private set; }

    public bool RemindersEnabled { get; private set; }

    /// <summary>The hour (account time zone) from which the day's reminder digests go out.</summary>
    public int ReminderHour { get; private set; } = DefaultReminderHour;

    public const int DefaultReminderHour = 7;

    /// <summary>Whether an owner must sign in with a second factor (an authenticator app) besides the password.</summary>
    public bool OwnersRequireTwoFactor { get; private set; }

    public IReadOnlyCollection<AccountCurrency> Currencies => _currencies.AsReadOnly();

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>Today's date in the account's time zone: what "due" is measured against.</summary>
    public DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOf(time.GetUtcNow());
    }

    /// <summary>The date of <paramref name="instant"/> in the account's time zone.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>The instant <paramref name="day"/> begins in the account's time zone: "since that day" for a query over instants.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // A day that begins in a skipped hour (a DST change at midnight) begins at the first valid minute after it.
        while (TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>
    /// A revenue in the account currency (Rule 3), at the owner's rate, rounded to the cent. A currency the
    /// owner has since removed counts at rate 0, so an old lead never fails a board or an export.
    /// </summary>
    public Money InAccountCurrency(Money revenue) =>
        revenue.Currency == Currency
            ? revenue
            : revenue.ConvertTo(Currency, _currencies.FirstOrDefault(c => c.Code == revenue.Currency.Code)?.RateToAccount ?? 0m);

    /// <summary>A further currency, or a new rate for one; the account currency is 1 by definition and cannot be re-rated.</summary>
    public void AddOrUpdateCurrency(Currency currency, decimal rateToAccount, DateOnly setOn)
    {
        if (currency.Code == CurrencyCode)
        {
            throw new DomainException("Currency", ErrorKeys.AccountCurrencyFixed, currency.Code);
        }

        var existing = _currencies.FirstOrDefault(c => c.Code == currency.Code);
        if (existing is null)
        {
            _currencies.Add(new AccountCurrency(currency, rateToAccount, setOn));
        }
        else
        {
            existing.SetRate(rateToAccount, setOn);
        }
    }

    /// <summary>Removes a further currency. The account's own currency stays, and so does one that leads still use.</summary>
    public void RemoveCurrency(string code, int leadsUsingIt)
    {
        if (code == CurrencyCode)
        {
            throw new DomainException("Currency", ErrorKeys.AccountCurrencyFixed, code);
        }

        if (leadsUsingIt > 0)
        {
            throw new DomainException("Currency", ErrorKeys.CurrencyInUse, code, leadsUsingIt);
        }

        _currencies.RemoveAll(c => c.Code == code);
    }

    /// <summary>A currency a lead may carry: the account's or one with a rate.</summary>
    public Currency RequireCurrency(string? code, string field = "Currency")
    {
        var currency = Common.Currency.Parse(code, field);
        return _currencies.Any(c => c.Code == currency.Code) ? currency : throw new DomainException(field, ErrorKeys.UnknownCurrency, currency.Code);
    }

    /// <summary>
    /// Switches the owners' two-factor requirement. The owner who switches it on must already use it: otherwise
    /// the switch would send its own author to enrol before anything else could be done.
    /// </summary>
    public void RequireTwoFactorForOwners(bool required, bool actorUsesTwoFactor) =>
        OwnersRequireTwoFactor = !required || actorUsesTwoFactor
            ? required
            : throw new DomainException(nameof(OwnersRequireTwoFactor), ErrorKeys.TwoFactorFirst);

    public void SwitchReminders(bool enabled) => RemindersEnabled = enabled;

    public void ChangeReminderHour(int hour) =>
        ReminderHour = hour is >= 0 and <= 23 ? hour : throw new DomainException(nameof(ReminderHour), ErrorKeys.HourOutOfRange, hour);

    /// <summary>Whether the day's digests may go out at this moment: reminders on and the digest hour reached.</summary>
    public bool IsDigestTime(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return RemindersEnabled && TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZone).Hour >= ReminderHour;
    }

    public void ChangeTimeZone(string timeZoneId) => TimeZoneId = CheckTimeZone(timeZoneId);

    private static string CheckTimeZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id ?? "", out _) ? id! : throw new DomainException(nameof(TimeZoneId), ErrorKeys.UnknownTimeZone, id ?? "");
}
