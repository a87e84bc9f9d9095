using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Projects;

namespace LeadsBlazor.Domain.Offers;

/// <summary>
/// An offer ("Angebot") on a lead: a numbered letter with positions and exact sums. Only a draft can be changed; a
/// sent offer is changed by copying it as a variant, which gets the next number and stays grouped with the offer it
/// came from. Every step is written to the lead's history (Rule 7): the offer number, its old and its new status.
/// </summary>
public sealed class Offer
{
    /// <summary>What the lead's history records as an offer's new status when it is deleted.</summary>
    public const string Deleted = "Deleted";

    private List<OfferPosition> _positions = [];

    // The sums are stored in cents beside the positions, so lists sort and sum offers in the database.
    private long _netMinor;
    private long _grossMinor;

    private Offer()
    {
        Number = "";
        Title = "";
        Recipient = "";
        CurrencyCode = "EUR";
        CreatedBy = "";
    }

    private Offer(Lead lead, string number, OfferDetails details, Currency currency, Actor actor)
    {
        if (lead.Status is LeadStatus.Lost or LeadStatus.Dropped)
        {
            throw new DomainException(nameof(Lead), ErrorKeys.OfferOnClosedLead);
        }

        Lead = lead;
        LeadId = lead.Id;
        Number = Text.Required(number, nameof(Number), 30);
        CurrencyCode = currency.Code;
        CreatedAt = actor.At;
        CreatedBy = actor.UserId;
        Status = OfferStatus.Draft;
        Title = "";
        Recipient = "";
        Apply(details.Checked(), []);
    }

    public int Id { get; private set; }

    public int LeadId { get; private set; }

    public Lead? Lead { get; private set; }

    /// <summary>The offer number from the owner's number range, e.g. A2612-003; never given twice.</summary>
    public string Number { get; private set; }

    /// <summary>The first offer of a group of variants, for a variant; null for the first offer itself.</summary>
    public int? VariantOfId { get; private set; }

    public OfferStatus Status { get; private set; }

    public string Title { get; private set; }

    public DateOnly Date { get; private set; }

    public DateOnly ValidUntil { get; private set; }

    /// <summary>The address block as printed, lines separated by "\n".</summary>
    public string Recipient { get; private set; }

    public string? Salutation { get; private set; }

    public string? IntroText { get; private set; }

    public string? ClosingText { get; private set; }

    public OfferLanguage Language { get; private set; }

    /// <summary>The lead's currency when the offer was made: every amount of the offer is in it.</summary>
    public string CurrencyCode { get; private set; }

    public Currency Currency => Common.Currency.Parse(CurrencyCode);

    public decimal DiscountPercent { get; private set; }

    public decimal TaxRatePercent { get; private set; }

    /// <summary>Printed with a tax rate of 0, e.g. the reverse-charge note.</summary>
    public string? TaxNote { get; private set; }

    public IReadOnlyList<OfferPosition> Positions => _positions.AsReadOnly();

    public OfferTotals Totals => OfferTotals.Of(_positions, DiscountPercent, TaxRatePercent);

    /// <summary>The net sum after discount, as stored for lists and sums.</summary>
    public Money Net => Money.FromMinorUnits(_netMinor, Currency);

    public Money Gross => Money.FromMinorUnits(_grossMinor, Currency);

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The address the offer was mailed to when it was sent; null when it was sent without a mail (handed over, posted).</summary>
    public string? SentTo { get; private set; }

    /// <summary>The project the offer is billed in (status <see cref="OfferStatus.Billed"/>); an offer is billed in one project at most.</summary>
    public int? ProjectId { get; private set; }

    public Project? Project { get; private set; }

    /// <summary>The concurrency token, raised by the app on every save.</summary>
    public long Version { get; private set; }

    /// <summary>The group a variant belongs to: the first offer's id.</summary>
    public int VariantGroupId => VariantOfId ?? Id;

    public bool IsDraft => Status.IsDraft();

    /// <summary>A new draft offer on the lead, with the next number of the offer range and the lead's currency.</summary>
    public static Offer Create(Lead lead, string number, OfferDetails details, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(details);
        var offer = new Offer(lead, number, details, lead.Revenue.Currency, actor);
        lead.RecordOffer(offer.Number, null, nameof(OfferStatus.Draft), actor);
        return offer;
    }

    /// <summary>Changes the letter and the positions of a draft; a sent offer stays as the customer received it.</summary>
    public void Edit(OfferDetails details, IEnumerable<OfferPosition> positions)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(positions);
        RequireDraft();
        Apply(details.Checked(), [.. positions]);
    }

    /// <summary>
    /// A copy of this offer as a new draft with the next number, dated <paramref name="today"/> and valid as long as this
    /// one was; grouped with this offer's variants.
    /// </summary>
    public Offer CopyAsVariant(Lead lead, string number, DateOnly today, Actor actor)
    {
        RequireLead(lead);
        var details = Details() with { Date = today, ValidUntil = today.AddDays(ValidUntil.DayNumber - Date.DayNumber) };
        var variant = new Offer(lead, number, details, Currency, actor) { VariantOfId = VariantGroupId };
        variant.Apply(variant.Details(), [.. _positions]);
        lead.RecordOffer(variant.Number, Number, nameof(OfferStatus.Draft), actor);
        return variant;
    }

    /// <summary>Draft → sent: the PDF went to the customer, by mail to <paramref name="mailedTo"/> or by other means.</summary>
    public void Send(Lead lead, string? mailedTo, Actor actor)
    {
        RequireLead(lead);
        Move(lead, OfferStatus.Sent, actor, Status.IsDraft());
        SentAt = actor.At;
        SentTo = EmailAddress.Optional(mailedTo, nameof(SentTo));
    }

    /// <summary>Draft or sent → confirmed: the customer accepted the offer.</summary>
    public void Confirm(Lead lead, Actor actor)
    {
        RequireLead(lead);
        Move(lead, OfferStatus.Confirmed, actor, Status.CanBeConfirmed());
    }

    /// <summary>An offer that no longer counts (a variant the customer did not take) is archived; a billed one stays.</summary>
    public void Archive(Lead lead, Actor actor)
    {
        RequireLead(lead);
        Move(lead, OfferStatus.Archived, actor, Status.CanBeArchived());
    }

    /// <summary>Confirmed → billed in <paramref name="project"/> (see <see cref="Project.Bill"/>): never in a second project, never in another currency.</summary>
    internal void BillIn(Project project, Lead lead, Actor actor)
    {
        RequireLead(lead);
        if (ProjectId is not null || Project is not null)
        {
            throw new DomainException(nameof(Project), ErrorKeys.OfferBilledElsewhere, Number, Project?.Number ?? "");
        }

        if (Status != OfferStatus.Confirmed)
        {
            throw new DomainException(nameof(Status), ErrorKeys.OfferNotConfirmed, Number);
        }

        if (CurrencyCode != project.CurrencyCode)
        {
            throw new DomainException(nameof(CurrencyCode), ErrorKeys.OfferInOtherCurrency, Number, CurrencyCode, project.CurrencyCode);
        }

        Move(lead, OfferStatus.Billed, actor, allowed: true);
        Project = project;
        ProjectId = project.Id == 0 ? null : project.Id;
    }

    /// <summary>Billed in <paramref name="project"/> → confirmed again, free to be billed in another project.</summary>
    internal void Unbill(Project project, Lead lead, Actor actor)
    {
        RequireLead(lead);
        var here = ReferenceEquals(Project, project) || (project.Id != 0 && ProjectId == project.Id);
        if (!here || Status != OfferStatus.Billed)
        {
            throw new DomainException(nameof(Project), ErrorKeys.OfferNotBilledHere, Number, project.Number);
        }

        Move(lead, OfferStatus.Confirmed, actor, allowed: true);
        Project = null;
        ProjectId = null;
    }

    /// <summary>Only a draft may be deleted: a sent offer is a document the customer has, so it is archived instead.</summary>
    public void Delete(Lead lead, Actor actor)
    {
        RequireLead(lead);
        if (!IsDraft)
        {
            throw new DomainException(nameof(Status), ErrorKeys.OfferDeleteOnlyDraft, Number);
        }

        lead.RecordOffer(Number, nameof(OfferStatus.Draft), Deleted, actor);
    }

    /// <summary>
    /// The variants of a deleted first offer stay one group: the oldest becomes the group's first offer and the others
    /// follow it, so none points to an offer that is gone.
    /// </summary>
    public static void Regroup(IEnumerable<Offer> variantsOfDeleted)
    {
        ArgumentNullException.ThrowIfNull(variantsOfDeleted);
        var ordered = variantsOfDeleted.OrderBy(v => v.Id).ToList();
        foreach (var variant in ordered)
        {
            variant.VariantOfId = ReferenceEquals(variant, ordered[0]) ? null : ordered[0].Id;
        }
    }

    /// <summary>Sets the lead's possible revenue to this offer's net sum (after discount, before tax).</summary>
    public void TakeRevenueInto(Lead lead, Actor actor)
    {
        RequireLead(lead);
        lead.ChangeRevenue(Money.Revenue(Totals.Net, Currency), actor);
    }

    /// <summary>A lead lost or dropped takes its open offers (draft or sent) with it: they are archived, each recorded.</summary>
    public static IReadOnlyList<Offer> ArchiveOpenOffersOf(Lead lead, IEnumerable<Offer> offers, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(offers);
        if (lead.Status is not (LeadStatus.Lost or LeadStatus.Dropped))
        {
            return [];
        }

        var open = offers.Where(o => o.LeadId == lead.Id && o.Status.IsOpen()).ToList();
        foreach (var offer in open)
        {
            offer.Archive(lead, actor);
        }

        return open;
    }

    public OfferDetails Details() =>
        new(Title, Date, ValidUntil, Recipient, Salutation, IntroText, ClosingText, Language, DiscountPercent, TaxRatePercent, TaxNote);

    private void Apply(OfferDetails details, List<OfferPosition> positions)
    {
        var totals = OfferTotals.Of(positions, details.DiscountPercent, details.TaxRatePercent);
        if (totals.Gross > Money.MaxRevenue)
        {
            throw new DomainException("Positions", ErrorKeys.AmountTooLarge, Money.MaxRevenue);
        }

        Title = details.Title;
        Date = details.Date;
        ValidUntil = details.ValidUntil;
        Recipient = details.Recipient;
        Salutation = details.Salutation;
        IntroText = details.IntroText;
        ClosingText = details.ClosingText;
        Language = details.Language;
        DiscountPercent = details.DiscountPercent;
        TaxRatePercent = details.TaxRatePercent;
        TaxNote = details.TaxNote;
        _positions = positions;
        _netMinor = new Money(totals.Net, Currency).MinorUnits;
        _grossMinor = new Money(totals.Gross, Currency).MinorUnits;
    }

    private void Move(Lead lead, OfferStatus to, Actor actor, bool allowed)
    {
        if (!allowed)
        {
            throw new DomainException(nameof(Status), ErrorKeys.OfferStatusMoveNotAllowed, Number, Status.ToString(), to.ToString());
        }

        lead.RecordOffer(Number, Status.ToString(), to.ToString(), actor);
        Status = to;
    }

    private void RequireDraft()
    {
        if (!IsDraft)
        {
            throw new DomainException(nameof(Status), ErrorKeys.OfferNotDraft, Number);
        }
    }

    // The offer's history is the lead's: a step recorded on another lead would be a false entry there.
    private void RequireLead(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (lead.Id != LeadId || (LeadId == 0 && !ReferenceEquals(lead, Lead)))
        {
            throw new InvalidOperationException($"Offer {Number} belongs to lead {LeadId}, not {lead.Id}.");
        }
    }
}
