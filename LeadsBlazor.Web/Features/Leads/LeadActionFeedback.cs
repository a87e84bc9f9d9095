using LeadsBlazor.Web.Components.Shared;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LeadsBlazor.Web.Features.Leads;

public static class LeadActionFeedback
{
    /// <summary>
    /// Runs an action on a lead (a status move, a stage move, closing) at the version the view showed. When
    /// someone else saved meanwhile, says who changed what and offers to apply the same action on top of the
    /// current version; a broken rule reads as an error. True when it went through at once.
    /// </summary>
    public static async Task<bool> TryOnLeadAsync(this ISnackbar snackbar, IStringLocalizer text, long version, Func<long, Task> action)
    {
        ArgumentNullException.ThrowIfNull(snackbar);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            // A broken rule reads as any use case's error (UseCaseFeedback); only the conflict is this method's own.
            return await snackbar.TryAsync(text, () => action(version));
        }
        catch (ConcurrencyConflictException conflict)
        {
            snackbar.Add<ConflictChanges>(new Dictionary<string, object> { [nameof(ConflictChanges.Changes)] = conflict.Changes }, Severity.Warning, options =>
            {
                options.RequireInteraction = true;
                options.Action = text["Conflict.ApplyAnyway"];
                options.OnClick = async _ => await snackbar.TryOnLeadAsync(text, conflict.Current.Version, action);
            });
        }

        return false;
    }
}
