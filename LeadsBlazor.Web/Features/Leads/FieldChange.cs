using System.Globalization;
using LeadsBlazor.Domain.Leads;

namespace LeadsBlazor.Web.Features.Leads;

/// <summary>
/// What someone else saved on a lead since a user's version: who (by name), which field, old → new.
/// Values stay invariant (ISO dates, "12000.00 EUR", status names) but never ids: the UI writes them in
/// the reader's language and formats (<see cref="FieldChangeText"/>).
/// </summary>
public sealed record FieldChange(string UserName, LeadEventKind Kind, string? Field, string? Old, string? New)
{
    /// <summary>
    /// The changes in the order they were saved. Several saves of one field read as one change from the
    /// first old value to the last new one, naming everyone who saved it; labels, notes and files stay one line each.
    /// </summary>
    public static IReadOnlyList<FieldChange> Of(IEnumerable<LeadEvent> events, IReadOnlyDictionary<string, string> userNames, IReadOnlyDictionary<int, string> reasonNames)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(userNames);
        ArgumentNullException.ThrowIfNull(reasonNames);
        string UserName(string? id) => id is not null && userNames.TryGetValue(id, out var name) ? name : id ?? "";
        string? Value(LeadEvent e, string? value) => e.Kind switch
        {
            LeadEventKind.ResponsibleChanged => value is null ? null : UserName(value),
            _ when e.Field == nameof(Lead.CloseReasonId) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) => reasonNames.GetValueOrDefault(id, value),
            _ => value,
        };

        var changes = new List<FieldChange>();
        foreach (var e in events)
        {
            var change = new FieldChange(UserName(e.UserId), e.Kind, e.Field, Value(e, e.OldValue), Value(e, e.NewValue));
            var earlier = IsValueChange(e.Kind) ? changes.FindIndex(c => IsValueChange(c.Kind) && c.Field == e.Field) : -1;
            if (earlier < 0)
            {
                changes.Add(change);
                continue;
            }

            var first = changes[earlier];
            var names = first.UserName.Split(", ").Contains(change.UserName) ? first.UserName : $"{first.UserName}, {change.UserName}";
            changes[earlier] = first with { UserName = names, New = change.New };
        }

        // A field changed and changed back is no difference to resolve.
        return changes.Where(c => !IsValueChange(c.Kind) || c.Old != c.New).ToList();
    }

    private static bool IsValueChange(LeadEventKind kind) =>
        kind is LeadEventKind.FieldChanged or LeadEventKind.StatusChanged or LeadEventKind.StageChanged or LeadEventKind.ResponsibleChanged;
}
