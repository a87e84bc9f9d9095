using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Pipeline;
using static LeadsBlazor.Tests.Domain.LeadBuilder;

namespace LeadsBlazor.Tests.Domain;

/// <summary>Rule 2: the stage list.</summary>
public sealed class StageListTests
{
    [Fact]
    public void New_accounts_start_with_MOCOs_four_stages()
    {
        var stages = DefaultStages().Stages;

        Assert.Equal(
            [("Erstkontakt", 1), ("Vorstellung", 10), ("Angebot", 30), ("Verhandlungen", 60)],
            stages.Select(s => (s.Name, s.Probability.Percent)));
        Assert.Equal([0, 1, 2, 3], stages.Select(s => s.Position));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void A_probability_outside_0_to_100_is_refused(int percent)
    {
        var list = DefaultStages();

        var error = Assert.Throws<DomainException>(() => list.Reweight(list.Stages[0], percent));

        Assert.Equal(ErrorKeys.ProbabilityOutOfRange, error.MessageKey);
        Assert.Equal(1, list.Stages[0].Probability.Percent);
    }

    [Fact]
    public void Stage_names_are_unique_ignoring_case()
    {
        var list = DefaultStages();

        Assert.Equal(ErrorKeys.DuplicateName, Assert.Throws<DomainException>(() => list.Add("angebot", null, 40)).MessageKey);
        Assert.Equal(ErrorKeys.DuplicateName, Assert.Throws<DomainException>(() => list.Rename(list.Stages[0], "Vorstellung", null)).MessageKey);
        Assert.Equal(ErrorKeys.Required, Assert.Throws<DomainException>(() => list.Add(" ", null, 40)).MessageKey);
    }

    [Fact]
    public void Reordering_renumbers_every_stage()
    {
        var list = DefaultStages();
        var presentation = list.Stages[1];

        list.Move(presentation, 2);

        Assert.Equal(["Erstkontakt", "Angebot", "Vorstellung", "Verhandlungen"], list.Stages.Select(s => s.Name));
        Assert.Equal([0, 1, 2, 3], list.Stages.Select(s => s.Position));
    }

    [Fact]
    public void Deleting_a_stage_with_leads_moves_them_and_records_it()
    {
        var list = DefaultStages();
        var first = list.Stages[0];
        var leads = new[] { Running(first), Running(first) };

        list.Delete(first, list.Stages[1], leads, Anna);

        Assert.Equal(3, list.Stages.Count);
        Assert.All(leads, l => Assert.Equal("Vorstellung", l.Stage!.Name));
        Assert.All(leads, l => Assert.Contains(l.History, e => e is { Kind: LeadEventKind.StageChanged, OldValue: "Erstkontakt", NewValue: "Vorstellung" }));
    }

    [Fact]
    public void Deleting_a_stage_with_leads_needs_a_target()
    {
        var list = DefaultStages();
        var leads = new[] { Running(list.Stages[0]) };

        var error = Assert.Throws<DomainException>(() => list.Delete(list.Stages[0], null, leads, Anna));

        Assert.Equal((ErrorKeys.MoveTargetRequired, 1), (error.MessageKey, error.Arguments[0]));
        Assert.Equal(4, list.Stages.Count);
    }

    [Fact]
    public void The_last_stage_remains()
    {
        var list = new StageList([StageList.Defaults()[0]]);

        var error = Assert.Throws<DomainException>(() => list.Delete(list.Stages[0], null, [], Anna));

        Assert.Equal(ErrorKeys.LastStage, error.MessageKey);
    }

    [Fact]
    public void A_stage_from_another_list_is_unknown()
    {
        var list = DefaultStages();
        var stranger = DefaultStages().Stages[0];

        var error = Assert.Throws<DomainException>(() => list.Reweight(stranger, 5));

        Assert.Equal(ErrorKeys.UnknownStage, error.MessageKey);
    }

    [Fact]
    public void Weighted_revenue_is_revenue_times_probability_in_exact_decimal()
    {
        Assert.Equal(3_333.33m, Probability.FromPercent(30).Weigh(11_111.10m));
        Assert.Equal(0.01m, Probability.FromPercent(1).Weigh(1m));
    }
}
