using LeadsBlazor.Domain.Accounts;
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
    public void Weighted_revenue_is_revenue_times_probability_rounded_to_the_cent_once()
    {
        Assert.Equal(new Money(3_333.33m, Currency.Eur), Probability.FromPercent(30).Weigh(new Money(11_111.10m, Currency.Eur)));
        Assert.Equal(new Money(0.01m, Currency.Eur), Probability.FromPercent(1).Weigh(new Money(1m, Currency.Eur)));
    }

    [Fact]
    public void A_lead_of_1000_05_euros_in_a_10_percent_stage_weighs_100_01_euros()
    {
        // 100.005 is a half cent: rounded half away from zero, never to the even 100.00.
        var account = new AccountSettings(Currency.Eur, "Europe/Berlin", "de-DE", new DateOnly(2026, 12, 1));

        var weighted = WeightedRevenue.Of(new Money(1_000.05m, Currency.Eur), Probability.FromPercent(10), account);

        Assert.Equal(new Money(100.01m, Currency.Eur), weighted);
    }

    [Fact]
    public void A_foreign_lead_is_converted_to_the_cent_first_then_weighted()
    {
        // 100.10 CHF × 1.05 = 105.105 → 105.11 EUR; × 50 % = 52.555 → 52.56 EUR (weighing before rounding would give 52.55).
        var account = new AccountSettings(Currency.Eur, "Europe/Berlin", "de-DE", new DateOnly(2026, 12, 1));
        account.AddOrUpdateCurrency(Currency.Chf, 1.05m, new DateOnly(2026, 12, 1));

        var weighted = WeightedRevenue.Of(new Money(100.10m, Currency.Chf), Probability.FromPercent(50), account);

        Assert.Equal(new Money(52.56m, Currency.Eur), weighted);
    }
}
