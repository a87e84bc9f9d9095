using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using static LeadsBlazor.Tests.Domain.LeadBuilder;

namespace LeadsBlazor.Tests.Domain;

/// <summary>Rule 1: the allowed status moves, and nothing else.</summary>
public sealed class LeadStatusTests
{
    private static readonly CloseReason Price = new("Preis", 0);
    private static readonly CloseReason Timing = new("Zeitpunkt", 1);
    private readonly IReadOnlyList<LeadsBlazor.Domain.Pipeline.Stage> _stages = DefaultStages().Stages;

    [Fact]
    public void Starting_a_potential_lead_puts_it_in_the_chosen_stage_and_records_it()
    {
        var lead = Potential();

        lead.Start(_stages[1], Anna);

        Assert.Equal(LeadStatus.Running, lead.Status);
        Assert.Same(_stages[1], lead.Stage);
        Assert.Contains(lead.History, e => e is { Kind: LeadEventKind.StatusChanged, OldValue: "Potential", NewValue: "Running" });
        Assert.Contains(lead.History, e => e is { Kind: LeadEventKind.StageChanged, OldValue: null, NewValue: "Vorstellung" });
    }

    [Fact]
    public void A_running_lead_goes_back_to_potential_and_leaves_its_stage()
    {
        var lead = Running(_stages[0]);

        lead.BackToPotential(Anna);

        Assert.Equal(LeadStatus.Potential, lead.Status);
        Assert.Null(lead.Stage);
        Assert.Null(lead.StageId);
    }

    [Theory]
    [InlineData(LeadStatus.Won)]
    [InlineData(LeadStatus.Lost)]
    [InlineData(LeadStatus.Dropped)]
    public void Any_open_lead_closes_with_its_date(LeadStatus outcome)
    {
        foreach (var lead in new[] { Potential(), Running(_stages[2]) })
        {
            lead.Close(outcome, Today, Price, "zu teuer", Anna);

            Assert.Equal(outcome, lead.Status);
            Assert.Equal(Today, lead.ClosedOn);
            Assert.False(lead.IsOpen);
            Assert.Equal(outcome != LeadStatus.Won, lead.History.Any(e => e is { Field: HistoryFields.CloseReason, NewValue: "Preis" }));
        }
    }

    [Theory]
    [InlineData(LeadStatus.Lost)]
    [InlineData(LeadStatus.Dropped)]
    public void Lost_and_dropped_need_a_reason(LeadStatus outcome)
    {
        var lead = Running(_stages[0]);

        var error = Assert.Throws<DomainException>(() => lead.Close(outcome, Today, reason: null, null, Anna));

        Assert.Equal(ErrorKeys.ReasonRequired, error.MessageKey);
        Assert.Equal(LeadStatus.Running, lead.Status);
    }

    [Fact]
    public void Won_needs_no_reason()
    {
        var lead = Running(_stages[3]);

        lead.Close(LeadStatus.Won, Today, reason: null, null, Anna);

        Assert.Null(lead.CloseReasonId);
    }

    [Theory]
    [InlineData(LeadStatus.Running)]
    [InlineData(LeadStatus.Potential)]
    public void A_closed_lead_reopens_and_forgets_its_closed_on_date_and_reason(LeadStatus to)
    {
        var lead = Running(_stages[2]);
        lead.Close(LeadStatus.Lost, Today, Timing, "Timing", Anna);

        lead.Reopen(to, to == LeadStatus.Running ? _stages[0] : null, Today.AddDays(7), Anna);

        Assert.Equal(to, lead.Status);
        Assert.Null(lead.ClosedOn);
        Assert.Null(lead.CloseReason);
        Assert.Null(lead.CloseReasonId);
        Assert.Contains(lead.History, e => e is { Field: HistoryFields.CloseReason, OldValue: "Zeitpunkt", NewValue: null });
        Assert.Null(lead.CloseReasonText);
        Assert.Equal(Today.AddDays(7), lead.NextActionOn);
        Assert.Equal(to == LeadStatus.Running, lead.Stage is not null);
    }

    [Fact]
    public void Reopening_as_running_needs_a_stage()
    {
        var lead = Potential();
        lead.Close(LeadStatus.Won, Today, null, null, Anna);

        var error = Assert.Throws<DomainException>(() => lead.Reopen(LeadStatus.Running, null, Today, Anna));

        Assert.Equal(ErrorKeys.StageRequired, error.MessageKey);
        Assert.Equal(LeadStatus.Won, lead.Status);
    }

    [Fact]
    public void Moves_outside_rule_1_are_refused()
    {
        var potential = Potential();
        var running = Running(_stages[0]);
        var won = Running(_stages[0]);
        won.Close(LeadStatus.Won, Today, null, null, Anna);

        Assert.Equal(ErrorKeys.StatusMoveNotAllowed, Assert.Throws<DomainException>(() => running.Start(_stages[1], Anna)).MessageKey);
        Assert.Equal(ErrorKeys.StatusMoveNotAllowed, Assert.Throws<DomainException>(() => potential.BackToPotential(Anna)).MessageKey);
        Assert.Equal(ErrorKeys.StatusMoveNotAllowed, Assert.Throws<DomainException>(() => potential.MoveToStage(_stages[1], Anna)).MessageKey);
        Assert.Equal(ErrorKeys.StatusMoveNotAllowed, Assert.Throws<DomainException>(() => won.Close(LeadStatus.Lost, Today, Price, null, Anna)).MessageKey);
        Assert.Equal(ErrorKeys.StatusMoveNotAllowed, Assert.Throws<DomainException>(() => won.MoveToStage(_stages[1], Anna)).MessageKey);
        Assert.Equal(ErrorKeys.StatusMoveNotAllowed, Assert.Throws<DomainException>(() => running.Reopen(LeadStatus.Potential, null, Today, Anna)).MessageKey);
        Assert.Equal(ErrorKeys.StatusMoveNotAllowed, Assert.Throws<DomainException>(() => running.Close(LeadStatus.Running, Today, null, null, Anna)).MessageKey);
    }

    [Fact]
    public void Moving_a_running_lead_to_another_stage_records_old_and_new()
    {
        var lead = Running(_stages[0]);

        lead.MoveToStage(_stages[2], Anna);

        var moved = lead.History.Last();
        Assert.Equal((LeadEventKind.StageChanged, "Erstkontakt", "Angebot", "anna"), (moved.Kind, moved.OldValue, moved.NewValue, moved.UserId));
    }
}
