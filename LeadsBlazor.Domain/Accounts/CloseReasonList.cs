using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Accounts;

/// <summary>
/// The owner's ordered list of lost/dropped reasons. Names are unique; a reason is retired rather
/// than deleted, so the leads that carry it keep it, and a retired reason can come back.
/// </summary>
public sealed class CloseReasonList
{
    private readonly List<CloseReason> _reasons;

    public CloseReasonList(IEnumerable<CloseReason> reasons)
    {
        _reasons = [.. reasons.OrderBy(r => r.Retired).ThenBy(r => r.Position).ThenBy(r => r.Id)];
    }

    /// <summary>The offered reasons in their order, then the retired ones.</summary>
    public IReadOnlyList<CloseReason> Reasons => _reasons.AsReadOnly();

    public CloseReason Add(string name)
    {
        EnsureUniqueName(name, except: null);
        var reason = new CloseReason(name, 0);
        _reasons.Insert(_reasons.Count(r => !r.Retired), reason);
        Renumber();
        return reason;
    }

    public void Rename(CloseReason reason, string name)
    {
        EnsureMember(reason);
        EnsureUniqueName(name, except: reason);
        reason.Rename(name);
    }

    /// <summary>Moves an offered reason to a new place among the offered ones.</summary>
    public void Move(CloseReason reason, int newIndex)
    {
        EnsureMember(reason);
        if (reason.Retired)
        {
            return;
        }

        _reasons.Remove(reason);
        _reasons.Insert(Math.Clamp(newIndex, 0, _reasons.Count(r => !r.Retired)), reason);
        Renumber();
    }

    /// <summary>No longer offered; it goes behind the offered reasons.</summary>
    public void Retire(CloseReason reason)
    {
        EnsureMember(reason);
        reason.Retire();
        _reasons.Remove(reason);
        _reasons.Add(reason);
        Renumber();
    }

    /// <summary>Offered again, as the last of the offered reasons.</summary>
    public void Restore(CloseReason reason)
    {
        EnsureMember(reason);
        _reasons.Remove(reason);
        _reasons.Insert(_reasons.Count(r => !r.Retired), reason);
        reason.Restore();
        Renumber();
    }

    private void Renumber()
    {
        for (var i = 0; i < _reasons.Count; i++)
        {
            _reasons[i].MoveTo(i);
        }
    }

    private void EnsureUniqueName(string name, CloseReason? except)
    {
        var trimmed = Text.Required(name, nameof(CloseReason.Name));
        if (_reasons.Any(r => !ReferenceEquals(r, except) && string.Equals(r.Name, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException(nameof(CloseReason.Name), ErrorKeys.DuplicateName, trimmed);
        }
    }

    private void EnsureMember(CloseReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (!_reasons.Contains(reason))
        {
            throw new DomainException(nameof(CloseReason), ErrorKeys.UnknownReason, reason.Name);
        }
    }
}
