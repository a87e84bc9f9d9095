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
        _reasons = [.. reasons.OrderBy(r => r.Position).ThenBy(r => r.Id)];
    }

    public IReadOnlyList<CloseReason> Reasons => _reasons.AsReadOnly();

    public CloseReason Add(string name)
    {
        EnsureUniqueName(name, except: null);
        var reason = new CloseReason(name, _reasons.Count);
        _reasons.Add(reason);
        return reason;
    }

    public void Rename(CloseReason reason, string name)
    {
        EnsureMember(reason);
        EnsureUniqueName(name, except: reason);
        reason.Rename(name);
    }

    public void Move(CloseReason reason, int newIndex)
    {
        EnsureMember(reason);
        _reasons.Remove(reason);
        _reasons.Insert(Math.Clamp(newIndex, 0, _reasons.Count), reason);
        for (var i = 0; i < _reasons.Count; i++)
        {
            _reasons[i].MoveTo(i);
        }
    }

    public void Retire(CloseReason reason)
    {
        EnsureMember(reason);
        reason.Retire();
    }

    public void Restore(CloseReason reason)
    {
        EnsureMember(reason);
        reason.Restore();
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
