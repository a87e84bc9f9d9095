using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Domain.Projects;

namespace LeadsBlazor.Tests.Domain;

/// <summary>Rule 11: projects come from won leads, confirm the lead's open offers once, and bill each offer in one project at most.</summary>
public sealed class ProjectTests
{
    private static readonly DateOnly Today = LeadBuilder.Today;
    private static readonly Actor Anna = LeadBuilder.Anna;

    private static OfferDetails Letter(string title) =>
        new(title, Today, Today.AddDays(30), "Müller GmbH", null, null, null, OfferLanguage.German, 0m, 19m, null);

    private static ProjectDetails Details(string name = "Relaunch Website") => new(name, "anna", StartOn: Today, FinishOn: Today.AddDays(60), Budget: 12_000m);

    private static (Lead Lead, Offer[] Offers) WonLeadWithOffers()
    {
        var lead = LeadBuilder.Running(LeadBuilder.DefaultStages().Stages[2], 12_000m);
        var draft = Offer.Create(lead, "A2612-001", Letter("Variante A"), Anna);
        var sent = Offer.Create(lead, "A2612-002", Letter("Variante B"), Anna);
        var archived = Offer.Create(lead, "A2612-003", Letter("Alt"), Anna);
        sent.Send(lead, null, Anna);
        archived.Archive(lead, Anna);
        lead.Close(LeadStatus.Won, Today, reason: null, null, Anna);
        return (lead, [draft, sent, archived]);
    }

    private static IEnumerable<(string? Number, string? From, string? To)> OfferSteps(Lead lead) =>
        lead.History.Where(e => e.Kind == LeadEventKind.OfferChanged).Select(e => (e.Field, e.OldValue, e.NewValue));

    [Theory]
    [InlineData(LeadStatus.Potential)]
    [InlineData(LeadStatus.Running)]
    [InlineData(LeadStatus.Lost)]
    [InlineData(LeadStatus.Dropped)]
    public void A_project_from_a_lead_that_is_not_won_is_refused(LeadStatus status)
    {
        var lead = status == LeadStatus.Potential ? LeadBuilder.Potential() : LeadBuilder.Running(LeadBuilder.DefaultStages().Stages[1]);
        if (status is LeadStatus.Lost or LeadStatus.Dropped)
        {
            lead.Close(status, Today, new LeadsBlazor.Domain.Accounts.CloseReason("Budget", 0), "Budget gestrichen", Anna);
        }

        var error = Assert.Throws<DomainException>(() => Project.CreateFromLead(lead, [], "P2612-001", Details(), null, null, [], Anna));

        Assert.Equal(ErrorKeys.ProjectFromUnwonLead, error.MessageKey);
        Assert.DoesNotContain(lead.History, e => e.Kind == LeadEventKind.ProjectCreated);
    }

    [Fact]
    public void A_project_from_a_won_lead_takes_its_currency_records_itself_and_confirms_the_open_offers_once()
    {
        var (lead, offers) = WonLeadWithOffers();
        lead.ChangeRevenue(Money.Revenue(12_000m, Currency.Chf), Anna);

        var first = Project.CreateFromLead(lead, offers, "P2612-001", Details(), null, null, [], Anna);
        var second = Project.CreateFromLead(lead, offers, "P2612-002", Details("Wartung"), null, null, [], Anna);

        Assert.Equal(("CHF", ProjectStatus.Active, "Relaunch Website"), (first.CurrencyCode, first.Status, first.Name));
        Assert.Equal("CHF", second.CurrencyCode);
        Assert.Equal([OfferStatus.Confirmed, OfferStatus.Confirmed, OfferStatus.Archived], offers.Select(o => o.Status));
        Assert.Equal(
            [("A2612-001", "Draft", "Confirmed"), ("A2612-002", "Sent", "Confirmed")],
            OfferSteps(lead).Where(s => s.To == "Confirmed"));
        Assert.Equal(
            [("P2612-001", "Relaunch Website"), ("P2612-002", "Wartung")],
            lead.History.Where(e => e.Kind == LeadEventKind.ProjectCreated).Select(e => (e.Field, e.NewValue)));
        Assert.Equal(ProjectEventKind.Created, Assert.Single(first.History).Kind);
    }

    [Fact]
    public void An_offer_billed_in_one_project_is_refused_in_another_and_free_again_when_taken_out()
    {
        var (lead, offers) = WonLeadWithOffers();
        var first = Project.CreateFromLead(lead, offers, "P2612-001", Details(), null, null, [], Anna);
        var second = Project.CreateFromLead(lead, offers, "P2612-002", Details("Wartung"), null, null, [], Anna);

        first.Bill(offers[0], lead, Anna);
        var twice = Assert.Throws<DomainException>(() => second.Bill(offers[0], lead, Anna));
        second.Bill(offers[1], lead, Anna);

        Assert.Equal((ErrorKeys.OfferBilledElsewhere, "P2612-001"), (twice.MessageKey, twice.Arguments[1]));
        Assert.Equal([OfferStatus.Billed, OfferStatus.Billed], offers.Take(2).Select(o => o.Status));
        Assert.Same(first, offers[0].Project);

        first.Unbill(offers[0], lead, Anna);
        second.Unbill(offers[1], lead, Anna);
        second.Bill(offers[0], lead, Anna);

        Assert.Same(second, offers[0].Project);
        Assert.Equal(OfferStatus.Confirmed, offers[1].Status);
        Assert.Contains(("A2612-001", "Confirmed", "Billed"), OfferSteps(lead));
        Assert.Equal(
            [ProjectEventKind.Created, ProjectEventKind.OfferBilled, ProjectEventKind.OfferUnbilled],
            first.History.Select(e => e.Kind));
    }

    [Fact]
    public void Only_a_confirmed_offer_of_the_projects_own_lead_is_billed()
    {
        var (lead, offers) = WonLeadWithOffers();
        var project = Project.CreateFromLead(lead, offers, "P2612-001", Details(), null, null, [], Anna);
        var (otherLead, otherOffers) = WonLeadWithOffers();
        Project.CreateFromLead(otherLead, otherOffers, "P2612-002", Details(), null, null, [], Anna);

        var archived = Assert.Throws<DomainException>(() => project.Bill(offers[2], lead, Anna));
        var foreign = Assert.Throws<DomainException>(() => project.Bill(otherOffers[0], otherLead, Anna));
        var notHere = Assert.Throws<DomainException>(() => project.Unbill(offers[0], lead, Anna));

        Assert.Equal(
            [ErrorKeys.OfferNotConfirmed, ErrorKeys.OfferOfOtherLead, ErrorKeys.OfferNotBilledHere],
            new[] { archived, foreign, notHere }.Select(e => e.MessageKey));
    }

    [Fact]
    public void A_billed_offer_cannot_be_archived_while_a_confirmed_variant_can()
    {
        var (lead, offers) = WonLeadWithOffers();
        var project = Project.CreateFromLead(lead, offers, "P2612-001", Details(), null, null, [], Anna);
        project.Bill(offers[0], lead, Anna);

        offers[1].Archive(lead, Anna);

        Assert.Throws<DomainException>(() => offers[0].Archive(lead, Anna));
        Assert.Equal(OfferStatus.Archived, offers[1].Status);
    }

    [Fact]
    public void A_project_without_a_lead_is_made_in_the_chosen_currency_and_its_details_are_checked()
    {
        var project = Project.Create("P2612-001", Details() with { HourlyRate = 95m, Billing = ProjectBilling.ByEffort }, Currency.Chf, null, null, [], Anna);
        var backwards = Assert.Throws<DomainException>(() => Project.Create("P2612-002", Details() with { FinishOn = Today.AddDays(-1) }, Currency.Eur, null, null, [], Anna));
        var coLeader = Assert.Throws<DomainException>(() => Project.Create("P2612-003", Details() with { CoLeaderUserId = "anna" }, Currency.Eur, null, null, [], Anna));
        var cents = Assert.Throws<DomainException>(() => Project.Create("P2612-004", Details() with { Budget = 10.001m }, Currency.Eur, null, null, [], Anna));

        Assert.Equal((null, "CHF", 95m), (project.LeadId, project.CurrencyCode, project.HourlyRate?.Amount));
        Assert.Equal(("FinishOn", ErrorKeys.InvalidPeriod), (backwards.Field, backwards.MessageKey));
        Assert.Equal(ErrorKeys.CoLeaderIsLeader, coLeader.MessageKey);
        Assert.Equal(("Budget", ErrorKeys.TooManyDecimals), (cents.Field, cents.MessageKey));
    }

    [Fact]
    public void Editing_records_each_changed_field_with_names_and_status_moves()
    {
        var project = Project.Create("P2612-001", Details(), Currency.Eur, null, null, [], Anna);
        var names = new Dictionary<string, string> { ["anna"] = "Anna Berger", ["ben"] = "Ben Krüger" };

        project.Edit(Details("Relaunch 2027") with { LeaderUserId = "ben", Budget = 15_000m }, null, null, [], id => names[id], Anna);
        project.ChangeStatus(ProjectStatus.Finished, Anna);

        Assert.Equal(
            [("Name", "Relaunch Website", "Relaunch 2027"), ("Leader", "Anna Berger", "Ben Krüger"), ("Budget", "12000.00", "15000.00"), ("Status", "Active", "Finished")],
            project.History.Where(e => e.Kind is ProjectEventKind.FieldChanged or ProjectEventKind.StatusChanged).Select(e => (e.Field!, e.OldValue, e.NewValue)));
    }

    [Fact]
    public void An_offer_in_another_currency_than_the_projects_is_not_billed()
    {
        var (lead, offers) = WonLeadWithOffers();
        lead.ChangeRevenue(Money.Revenue(12_000m, Currency.Chf), Anna);
        var project = Project.CreateFromLead(lead, offers, "P2612-001", Details(), null, null, [], Anna);

        var error = Assert.Throws<DomainException>(() => project.Bill(offers[0], lead, Anna));

        Assert.Equal((ErrorKeys.OfferInOtherCurrency, "EUR", "CHF"), (error.MessageKey, error.Arguments[1], error.Arguments[2]));
        Assert.Equal(OfferStatus.Confirmed, offers[0].Status);
    }

    [Theory]
    [InlineData(ProjectStatus.Active, ProjectStatus.Finished, true)]
    [InlineData(ProjectStatus.Finished, ProjectStatus.Active, true)]
    [InlineData(ProjectStatus.Active, ProjectStatus.Archived, true)]
    [InlineData(ProjectStatus.Finished, ProjectStatus.Archived, true)]
    [InlineData(ProjectStatus.Archived, ProjectStatus.Active, true)]
    [InlineData(ProjectStatus.Archived, ProjectStatus.Finished, false)]
    public void A_project_moves_between_active_and_finished_and_comes_back_from_the_archive_as_active(ProjectStatus from, ProjectStatus to, bool allowed)
    {
        var project = Project.Create("P2612-001", Details(), Currency.Eur, null, null, [], Anna);
        if (from == ProjectStatus.Archived)
        {
            project.ChangeStatus(ProjectStatus.Archived, Anna);
        }
        else if (from == ProjectStatus.Finished)
        {
            project.ChangeStatus(ProjectStatus.Finished, Anna);
        }

        var error = Record.Exception(() => project.ChangeStatus(to, Anna));

        Assert.Equal(allowed, error is null);
        Assert.Equal(allowed ? to : from, project.Status);
    }
}
