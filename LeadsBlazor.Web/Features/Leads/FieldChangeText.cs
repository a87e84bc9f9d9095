using LeadsBlazor.Domain.Leads;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Features.Leads;

/// <summary>A <see cref="FieldChange"/> as the reader says it: "Ben: Nächste Aktion 02.12.2026 → 05.12.2026".</summary>
public static class FieldChangeText
{
    // The names and values as the history writes them (HistoryFormat), behind who changed them.
    public static string Describe(FieldChange change, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(text);
        return change.Kind is LeadEventKind.FieldChanged or LeadEventKind.StatusChanged or LeadEventKind.StageChanged or LeadEventKind.ResponsibleChanged
            ? text["Conflict.Change", change.UserName, HistoryFormat.FieldName(text, change.Field), HistoryFormat.Value(text, change.Field, change.Old), HistoryFormat.Value(text, change.Field, change.New)]
            : text["Conflict.Other", change.UserName, HistoryFormat.Describe(text, change.Kind, change.Field, change.Old, change.New)];
    }
}
