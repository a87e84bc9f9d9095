using LeadsBlazor.Domain.Common;
using LeadsBlazor.Web.Components.Shared;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LeadsBlazor.Web.Features.Settings.Offers;

/// <summary>
/// How each section of the offer settings saves: one save at a time, a refused value shown at its field (keyed by
/// <paramref name="fieldPrefix"/> and the domain's field name), anything else and the success as a message.
/// </summary>
internal sealed class SectionSave(ISnackbar snackbar, IStringLocalizer text)
{
    public Dictionary<string, string> Errors { get; private set; } = [];

    public bool Saving { get; private set; }

    public bool HasError(string field) => Errors.ContainsKey(field);

    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);

    /// <summary>Runs the saves in order; true when all were stored.</summary>
    public async Task<bool> RunAsync(params (string FieldPrefix, Func<Task> Save)[] saves)
    {
        Saving = true;
        Errors = [];
        try
        {
            foreach (var (fieldPrefix, save) in saves)
            {
                try
                {
                    await save();
                }
                catch (DomainException error) when (error.Field.Length > 0)
                {
                    Errors[fieldPrefix + error.Field] = error.Describe(text);
                }
                catch (DomainException error)
                {
                    snackbar.Add(error.Describe(text), Severity.Error);
                    return false;
                }
            }

            if (Errors.Count == 0)
            {
                snackbar.Add(text["Settings.Saved"], Severity.Success);
            }

            return Errors.Count == 0;
        }
        finally
        {
            Saving = false;
        }
    }
}
