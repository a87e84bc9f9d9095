using LeadsBlazor.Domain.Common;
using LeadsBlazor.Web.Features.Leads;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LeadsBlazor.Web.Components.Shared;

public static class UseCaseFeedback
{
    /// <summary>
    /// Runs a use case from a button or a drop and tells the user, in their words, why it was refused:
    /// a concurrent change as a warning, a broken rule as an error. True when it went through.
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
        catch (ConcurrencyConflictException)
        {
            snackbar.Add(text[ConcurrencyConflictException.MessageKey], Severity.Warning);
        }
        catch (DomainException error)
        {
            snackbar.Add(error.Describe(text), Severity.Error);
        }

        return false;
    }
}
