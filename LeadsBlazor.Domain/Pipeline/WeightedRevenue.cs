using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Pipeline;

/// <summary>
/// Rule 4, the one place it is written: a running lead's weighted revenue is its revenue in the account
/// currency (converted at the owner's rate, rounded to the cent) times its stage's probability, rounded to
/// the cent, once per lead. Every figure adds these per-lead amounts exactly and never rounds again, so a
/// stage column, the board total, a list's column and an export of the same leads agree to the cent.
/// </summary>
public static class WeightedRevenue
{
    public static Money Of(Money revenue, Probability probability, AccountSettings account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return probability.Weigh(account.InAccountCurrency(revenue));
    }
}
