using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LeadsBlazor.Web.Features.Preferences;

/// <summary>
/// MudBlazor's own words (pager, grid, pickers) in the user's language: looked up in the app's texts
/// as "Mud.&lt;key&gt;"; what is missing there falls back to MudBlazor's English.
/// </summary>
internal sealed class MudTexts(IStringLocalizer<SharedResource> text) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var translated = text["Mud." + key];
            return translated.ResourceNotFound ? new LocalizedString(key, key, resourceNotFound: true) : new LocalizedString(key, translated.Value);
        }
    }
}
