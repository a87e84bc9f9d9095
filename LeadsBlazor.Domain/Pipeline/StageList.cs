using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;

namespace LeadsBlazor.Domain.Pipeline;

/// <summary>
/// Rule 2: the ordered list of running stages. Names are unique, probabilities stay in 0..100,
/// at least one stage remains, and a stage that still holds leads is deleted only by naming the
/// stage its leads move to.
/// </summary>
public sealed class StageList
{
    private readonly List<Stage> _stages;

    public StageList(IEnumerable<Stage> stages)
    {
        _stages = [.. stages.OrderBy(s => s.Position)];
    }

    public IReadOnlyList<Stage> Stages => _stages.AsReadOnly();

    /// <summary>MOCO's four stages, which every new account starts with.</summary>
    public static IReadOnlyList<Stage> Defaults() =>
    [
        new("Erstkontakt", "First contact", Probability.FromPercent(1), 0, idleDays: 21),
        new("Vorstellung", "Presentation", Probability.FromPercent(10), 1, idleDays: 14),
        new("Angebot", "Offer", Probability.FromPercent(30), 2, idleDays: 14),
        new("Verhandlungen", "Negotiation", Probability.FromPercent(60), 3, idleDays: 7),
    ];

    public Stage Add(string name, string? englishName, int probabilityPercent)
    {
        var probability = Probability.FromPercent(probabilityPercent);
        EnsureUniqueName(name, except: null);
        var stage = new Stage(name, englishName, probability, _stages.Count);
        _stages.Add(stage);
        return stage;
    }

    public void Rename(Stage stage, string name, string? englishName)
    {
        EnsureMember(stage);
        EnsureUniqueName(name, except: stage);
        stage.Rename(name, englishName);
    }

    public void Reweight(Stage stage, int probabilityPercent)
    {
        EnsureMember(stage);
        stage.Reweight(Probability.FromPercent(probabilityPercent));
    }

    /// <summary>Sets after how many days without change a running lead of the stage is idle (Rule 5); null switches the rule off.</summary>
    public void SetIdleDays(Stage stage, int? days)
    {
        EnsureMember(stage);
        stage.SetIdleDays(days);
    }

    /// <summary>Moves a stage to a new index in the order; the others close up.</summary>
    public void Move(Stage stage, int newIndex)
    {
        EnsureMember(stage);
        _stages.Remove(stage);
        _stages.Insert(Math.Clamp(newIndex, 0, _stages.Count), stage);
        Renumber();
    }

    /// <summary>
    /// Deletes a stage. Its leads (all leads that sit in it) move to <paramref name="moveTo"/>,
    /// which each lead's history records; without leads no target is needed.
    /// </summary>
    public void Delete(Stage stage, Stage? moveTo, IReadOnlyCollection<Lead> leadsInStage, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(leadsInStage);
        EnsureMember(stage);
        if (_stages.Count == 1)
        {
            throw new DomainException(nameof(Stage), ErrorKeys.LastStage);
        }

        if (leadsInStage.Count > 0)
        {
            if (moveTo is null || ReferenceEquals(moveTo, stage))
            {
                throw new DomainException("MoveTo", ErrorKeys.MoveTargetRequired, leadsInStage.Count);
            }

            EnsureMember(moveTo);
            foreach (var lead in leadsInStage)
            {
                lead.MoveToStage(moveTo, actor);
            }
        }

        _stages.Remove(stage);
        Renumber();
    }

    private void Renumber()
    {
        for (var i = 0; i < _stages.Count; i++)
        {
            _stages[i].MoveTo(i);
        }
    }

    private void EnsureUniqueName(string name, Stage? except)
    {
        var trimmed = Text.Required(name, nameof(Stage.Name));
        if (_stages.Any(s => !ReferenceEquals(s, except) && string.Equals(s.Name, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException(nameof(Stage.Name), ErrorKeys.DuplicateName, trimmed);
        }
    }

    private void EnsureMember(Stage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (!_stages.Contains(stage))
        {
            throw new DomainException(nameof(Stage), ErrorKeys.UnknownStage, stage.Name);
        }
    }
}
