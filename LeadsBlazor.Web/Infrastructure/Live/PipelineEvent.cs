using System.Text.Json.Serialization;

namespace LeadsBlazor.Web.Infrastructure.Live;

/// <summary>What a view shows and an event can touch; a view refreshes only for events that touch what it shows.</summary>
[Flags]
public enum LiveTopic
{
    None = 0,

    /// <summary>A lead's fields, status, stage, responsible user, labels, notes or files.</summary>
    Leads = 1,

    /// <summary>Stage names, order and probabilities.</summary>
    Stages = 2,

    /// <summary>Label names and colours, or a label deleted from its leads.</summary>
    Labels = 4,

    /// <summary>What "today" is in the account's time zone: due marks and badges depend on it (Rule 5).</summary>
    Day = 8,

    /// <summary>Money in the account currency: currencies and their rates (Rule 3).</summary>
    Money = 16,

    /// <summary>Companies and their contact persons: the directory, a company page, and the customer names views show.</summary>
    Customers = 32,

    /// <summary>Offers: their letter, positions, sums and status.</summary>
    Offers = 64,

    /// <summary>Projects: their details, status, billed offers, notes and files.</summary>
    Projects = 128,

    /// <summary>The day's pipeline snapshot was taken: the trend has a new point (Rule 15).</summary>
    Trend = 256,
}

/// <summary>
/// Something that changed in the pipeline, published after the change is committed. Each event says what it
/// touches; <see cref="LiveRefresh"/> compares that with what a view shows, so no view writes its own filter.
/// </summary>
/// <remarks>
/// Events travel between instances as JSON (<see cref="RelayedEventBus"/>). Each kind has a fixed name on the wire, so
/// instances of one release read each other's events whatever the classes' namespaces; a new kind must be listed here
/// (a test finds one that is not).
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(LeadChanged), "LeadChanged")]
[JsonDerivedType(typeof(CustomersChanged), "CustomersChanged")]
[JsonDerivedType(typeof(LeadsReassigned), "LeadsReassigned")]
[JsonDerivedType(typeof(LeadsImported), "LeadsImported")]
[JsonDerivedType(typeof(StagesChanged), "StagesChanged")]
[JsonDerivedType(typeof(LabelsChanged), "LabelsChanged")]
[JsonDerivedType(typeof(DayChanged), "DayChanged")]
[JsonDerivedType(typeof(PipelineSnapshotTaken), "PipelineSnapshotTaken")]
[JsonDerivedType(typeof(AccountSettingsChanged), "AccountSettingsChanged")]
[JsonDerivedType(typeof(OffersChanged), "OffersChanged")]
[JsonDerivedType(typeof(ProjectsChanged), "ProjectsChanged")]
[JsonDerivedType(typeof(UserSessionsEnded), "UserSessionsEnded")]
[JsonDerivedType(typeof(RelayReconnected), "RelayReconnected")]
public abstract record PipelineEvent
{
    public abstract LiveTopic Topics { get; }

    /// <summary>Whether other instances hear of it too (through the relay); an event of this instance's own clock or connection does not.</summary>
    public virtual bool ReachesOtherInstances => true;

    /// <summary>The leads it touches; null when it may touch any lead.</summary>
    public virtual IReadOnlyCollection<int>? LeadIds => null;

    /// <summary>The users whose leads it touches (as the responsible user); null when it may touch anyone's.</summary>
    public virtual IReadOnlyCollection<string>? UserIds => null;

    /// <summary>Whether a view that shows <paramref name="topics"/> (only of one lead, or only of one user's leads, when given) must refresh.</summary>
    public bool Touches(LiveTopic topics, int? leadId = null, string? userId = null)
    {
        var shared = Topics & topics;
        if (shared == LiveTopic.None)
        {
            return false;
        }

        // A stage, label, day or money change touches the view whatever lead or user it shows; only a change of a lead,
        // of its offers or of its projects is narrowed.
        if ((shared & ~(LiveTopic.Leads | LiveTopic.Offers | LiveTopic.Projects)) != LiveTopic.None)
        {
            return true;
        }

        return (leadId is not { } lead || LeadIds is null || LeadIds.Contains(lead))
            && (userId is null || UserIds is null || UserIds.Contains(userId));
    }
}

/// <summary>A lead was created or changed. Both responsible users are named, so a reassignment reaches the old and the new one.</summary>
public sealed record LeadChanged(int LeadId, string ResponsibleUserId, string? PreviousResponsibleUserId = null) : PipelineEvent
{
    public override LiveTopic Topics => LiveTopic.Leads;

    public override IReadOnlyCollection<int> LeadIds => [LeadId];

    public override IReadOnlyCollection<string> UserIds =>
        PreviousResponsibleUserId is { } previous && previous != ResponsibleUserId ? [ResponsibleUserId, previous] : [ResponsibleUserId];
}

/// <summary>
/// A company or its contact persons changed (or it was created, deleted or merged). Lead views show customer names, so
/// they refresh too; <paramref name="CompanyIds"/> names the companies (both, for a merge).
/// </summary>
public sealed record CustomersChanged(params int[] CompanyIds) : PipelineEvent
{
    public override LiveTopic Topics => LiveTopic.Customers | LiveTopic.Leads;
}

/// <summary>The owner handed all open leads of one user to another at once: one event for the whole batch.</summary>
public sealed record LeadsReassigned(string FromUserId, string ToUserId) : PipelineEvent
{
    public override LiveTopic Topics => LiveTopic.Leads;

    public override IReadOnlyCollection<string> UserIds => [FromUserId, ToUserId];
}

/// <summary>An import created or changed many leads at once (and maybe labels): every view reloads once.</summary>
public sealed record LeadsImported(int Created, int Updated) : PipelineEvent
{
    public override LiveTopic Topics => LiveTopic.Leads | LiveTopic.Labels;
}

/// <summary>The stage list changed: names, probabilities, order, or a stage was deleted (its leads moved).</summary>
public sealed record StagesChanged : PipelineEvent
{
    public override LiveTopic Topics => LiveTopic.Stages | LiveTopic.Leads;
}

/// <summary>A label was created, renamed, recoloured or deleted (a deletion took it off its leads too).</summary>
public sealed record LabelsChanged : PipelineEvent
{
    public override LiveTopic Topics => LiveTopic.Labels;
}

/// <summary>A new day began in the account's time zone: leads whose date it is are now due.</summary>
public sealed record DayChanged(DateOnly Today) : PipelineEvent
{
    public override LiveTopic Topics => LiveTopic.Day;

    // Every instance's DayChangeService announces its own midnight: relayed, each view would hear it once per instance.
    public override bool ReachesOtherInstances => false;
}

/// <summary>The day's pipeline snapshot was written (by this or another instance's job, whichever took it).</summary>
public sealed record PipelineSnapshotTaken(DateOnly Day) : PipelineEvent
{
    public override LiveTopic Topics => LiveTopic.Trend;
}

/// <summary>
/// The owner changed the account's settings: cached settings are stale, and views that show what the change
/// <paramref name="Affects"/> refresh (a new rate changes money, another time zone changes what is due).
/// </summary>
public sealed record AccountSettingsChanged(LiveTopic Affects) : PipelineEvent
{
    public override LiveTopic Topics => Affects;
}

/// <summary>
/// Offers of a lead changed. A step that writes the lead's history or revenue (<paramref name="LeadTouched"/>) reaches
/// the lead's views as well; a draft being typed reaches only the views of offers.
/// </summary>
public sealed record OffersChanged(int LeadId, string ResponsibleUserId, bool LeadTouched, params int[] OfferIds) : PipelineEvent
{
    public override LiveTopic Topics => LeadTouched ? LiveTopic.Offers | LiveTopic.Leads : LiveTopic.Offers;

    public override IReadOnlyCollection<int> LeadIds => [LeadId];

    public override IReadOnlyCollection<string> UserIds => [ResponsibleUserId];
}

/// <summary>
/// A project changed (or was created). A project made from a lead, or one that billed or released an offer, touched the
/// lead's history and offers too (<paramref name="LeadTouched"/>), so the lead's views refresh as well.
/// </summary>
public sealed record ProjectsChanged(int ProjectId, int? LeadId, string? ResponsibleUserId, bool LeadTouched = false) : PipelineEvent
{
    public override LiveTopic Topics => LeadTouched ? LiveTopic.Projects | LiveTopic.Offers | LiveTopic.Leads : LiveTopic.Projects;

    // A project without a lead touches no lead: a view of one lead need not reload for it.
    public override IReadOnlyCollection<int> LeadIds => LeadId is { } lead ? [lead] : [];

    public override IReadOnlyCollection<string>? UserIds => ResponsibleUserId is { } user ? [user] : null;
}

/// <summary>A user's sessions ended (new password, deactivation, role change): their open circuits sign out now, not at the next check.</summary>
public sealed record UserSessionsEnded(string UserId) : PipelineEvent
{
    // Touches no view: only the circuits of that user listen for it.
    public override LiveTopic Topics => LiveTopic.None;
}

/// <summary>
/// This instance may have missed events of other instances: its relay connection was lost and is back, or another
/// instance could not relay an event. Every view reloads once, and what caches account settings reads them again.
/// </summary>
public sealed record RelayReconnected : PipelineEvent
{
    public override LiveTopic Topics => (LiveTopic)~0;

    // Published by each instance about its own connection.
    public override bool ReachesOtherInstances => false;
}
