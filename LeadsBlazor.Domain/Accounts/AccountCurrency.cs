using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Accounts;

/// <summary>A currency leads may use, with its rate to the account currency (1 unit = rate units of the account currency).</summary>
public sealed class AccountCurrency
{
    private AccountCurrency()
    {
        Code = "";
    }

    public AccountCurrency(Currency currency, decimal rateToAccount, DateOnly rateSetOn)
    {
        Code = currency.Code;
        SetRate(rateToAccount, rateSetOn);
    }

    public string Code { get; private set; }

    public decimal RateToAccount { get; private set; }

    public DateOnly RateSetOn { get; private set; }

    public void SetRate(decimal rateToAccount, DateOnly setOn)
    {
        if (rateToAccount <= 0 || rateToAccount > 1_000_000m)
        {
            throw new DomainException(nameof(RateToAccount), ErrorKeys.InvalidRate, rateToAccount);
        }

        RateToAccount = rateToAccount;
        RateSetOn = setOn;
    }
}
