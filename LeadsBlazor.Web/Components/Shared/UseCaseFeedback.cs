using LeadsBlazor.Domain.Common;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LeadsBlazor.Web.Components.Shared;

public static class UseCaseFeedback
{
    /// <summary>
    /// Runs a use case from a button and tells the user, in their words, why it was refused: a broken rule
    /// as an error. True when it went through. (Actions on a lead's version use LeadActionFeedback, which
    /// also says who changed the lead meanwhile.)
    /// </summary>
    public static async Task<bool> TryAsync(this ISnackbar snackbar, IStringLocalizer text, Func<Task> useCase)
    {
        ArgumentNullException.ThrowIfNull(snackbar);
        ArgumentNullException.ThrowIfNull(useCase);
        try
        {
            await useCase();
            return true;
        }
        catch (DomainException error)
        {
            snackbar.Add(error.Describe(text), Severity.Error);
        }

        return false;
    }
}
