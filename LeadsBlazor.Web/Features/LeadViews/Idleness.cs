using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Pipeline;

namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>Rule 5's idle rule as the views show it: for how many days an idle lead has not changed.</summary>
public static class Idleness
{
    /// <summary>
    /// The days since the lead's last change (in the account's calendar) when that makes it idle in its stage
    /// (<see cref="Stage.IsIdle"/>); null for a lead that is not idle, not running or has no stage.
    /// </summary>
    public static int? DaysIdle(Stage? stage, LeadStatus status, DateTimeOffset lastChangedAt, AccountSettings account, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (status != LeadStatus.Running || stage is null)
        {
            return null;
        }

        var lastChangedOn = account.DateOf(lastChangedAt);
        return stage.IsIdle(lastChangedOn, today) ? today.DayNumber - lastChangedOn.DayNumber : null;
    }
}
