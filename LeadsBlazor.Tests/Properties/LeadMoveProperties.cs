using CsCheck;
using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Pipeline;
using static LeadsBlazor.Tests.Domain.LeadBuilder;

namespace LeadsBlazor.Tests.Properties;

/// <summary>Whatever sequence of moves users try, a lead's status and its stage and dates stay consistent (Rule 1).</summary>
public sealed class LeadMoveProperties
{
    private enum Move
    {
        Start,
        MoveToStage,
        BackToPotential,
        Win,
        Lose,
        Drop,
        ReopenRunning,
        ReopenPotential,
    }

    [Fact]
    public void No_sequence_of_moves_leaves_a_running_lead_without_a_stage()
    {
        var stages = DefaultStages().Stages;
        var step = Gen.Select(Gen.Enum<Move>(), Gen.Int[0, stages.Count - 1]);

        Gen.Select(Gen.Bool, step.Array[1, 30]).Sample((startRunning, moves) =>
        {
            var lead = startRunning ? Running(stages[0]) : Potential();
            foreach (var (move, stageIndex) in moves)
            {
                var historyBefore = lead.History.Count;
                var statusBefore = lead.Status;
                try
                {
                    Apply(lead, move, stages[stageIndex]);
                    if (lead.Status != statusBefore)
                    {
                        Assert.Contains(lead.History.Skip(historyBefore), e => e.Kind == LeadEventKind.StatusChanged && e.OldValue == statusBefore.ToString() && e.NewValue == lead.Status.ToString());
                    }
                }
                catch (DomainException)
                {
                    // A refused move changes nothing.
                    Assert.Equal((statusBefore, historyBefore), (lead.Status, lead.History.Count));
                }

                Assert.True(lead.Status != LeadStatus.Running || lead.Stage is not null, "a running lead must sit in a stage");
                Assert.True(lead.Status != LeadStatus.Potential || lead.Stage is null, "a potential lead sits in no stage");
                Assert.Equal(lead.Status.IsClosed(), lead.ClosedOn is not null);
                Assert.True(lead.Status is not (LeadStatus.Lost or LeadStatus.Dropped) || lead.CloseReason is not null);
                Assert.True(!lead.IsOpen || lead.NextActionOn is not null);
            }
        }, iter: 2000);
    }

    private static void Apply(Lead lead, Move move, Stage stage)
    {
        switch (move)
        {
            case Move.Start: lead.Start(stage, Anna); break;
            case Move.MoveToStage: lead.MoveToStage(stage, Anna); break;
            case Move.BackToPotential: lead.BackToPotential(Anna); break;
            case Move.Win: lead.Close(LeadStatus.Won, Today, null, null, Anna); break;
            case Move.Lose: lead.Close(LeadStatus.Lost, Today, new CloseReason("Preis", 0), "Preis", Anna); break;
            case Move.Drop: lead.Close(LeadStatus.Dropped, Today, new CloseReason("Zeitpunkt", 1), null, Anna); break;
            case Move.ReopenRunning: lead.Reopen(LeadStatus.Running, stage, Today.AddDays(1), Anna); break;
            case Move.ReopenPotential: lead.Reopen(LeadStatus.Potential, null, Today.AddDays(1), Anna); break;
        }
    }
}
