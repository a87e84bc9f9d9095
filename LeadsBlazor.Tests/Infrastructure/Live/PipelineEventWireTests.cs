using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using LeadsBlazor.Web.Infrastructure.Live;

namespace LeadsBlazor.Tests.Infrastructure.Live;

/// <summary>Events on the relay's wire: every kind has its fixed name, arrives as it was sent, and fits a NOTIFY.</summary>
public sealed class PipelineEventWireTests
{
    // One of each kind, with the longest values a real one carries (ASP.NET Identity's user ids are GUIDs).
    private static readonly string User = Guid.NewGuid().ToString();

    public static TheoryData<PipelineEvent> Events =>
    [
        new LeadChanged(int.MaxValue, User, Guid.NewGuid().ToString()),
        new CustomersChanged(int.MaxValue, int.MaxValue - 1),
        new LeadsReassigned(User, Guid.NewGuid().ToString()),
        new LeadsImported(20_000, 20_000),
        new StagesChanged(),
        new LabelsChanged(),
        new DayChanged(new DateOnly(2026, 12, 1)),
        new PipelineSnapshotTaken(new DateOnly(2026, 12, 1)),
        new AccountSettingsChanged(LiveTopic.Money | LiveTopic.Day),
        new OffersChanged(int.MaxValue, User, true, int.MaxValue, int.MaxValue - 1),
        new ProjectsChanged(int.MaxValue, int.MaxValue, User, LeadTouched: true),
        new ProjectsChanged(1, null, null),
        new UserSessionsEnded(User),
        new RelayReconnected(),
    ];

    [Theory]
    [MemberData(nameof(Events))]
    public void An_event_arrives_as_it_was_sent_with_its_origin_and_fits_a_postgres_notification(PipelineEvent sent)
    {
        var origin = Guid.NewGuid();
        var message = RelayedEventBus.Serialize(origin, sent);

        var received = JsonSerializer.Deserialize<RelayedEventBus.RelayMessage>(message, RelayedEventBus.Wire)!;

        Assert.Equal(origin, received.Origin);
        Assert.Equal(sent.GetType(), received.Event.GetType());
        Assert.Equal(RelayedEventBus.Serialize(origin, sent), RelayedEventBus.Serialize(origin, received.Event));
        Assert.Equal(sent.Topics, received.Event.Topics);
        Assert.Equal(sent.LeadIds, received.Event.LeadIds);
        Assert.Equal(sent.UserIds, received.Event.UserIds);
        Assert.InRange(Encoding.UTF8.GetByteCount(message), 1, new PostgresNotifyRelay("Host=unused").MaxMessageBytes);
    }

    [Fact]
    public void The_wire_names_the_kind_and_carries_only_what_the_event_was_made_with()
    {
        var message = RelayedEventBus.Serialize(Guid.Empty, new LeadChanged(3, "u1", "u2"));

        Assert.Equal("""{"origin":"00000000-0000-0000-0000-000000000000","event":{"$type":"LeadChanged","leadId":3,"responsibleUserId":"u1","previousResponsibleUserId":"u2"}}""", message);
    }

    [Fact]
    public void Every_kind_of_event_has_a_fixed_name_on_the_wire_and_an_example_above()
    {
        var kinds = typeof(PipelineEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PipelineEvent)) && !t.IsAbstract).ToHashSet();
        var named = typeof(PipelineEvent).GetCustomAttributes(typeof(JsonDerivedTypeAttribute), inherit: false).Cast<JsonDerivedTypeAttribute>().ToList();

        Assert.Equal(kinds.OrderBy(t => t.Name), named.Select(n => n.DerivedType).OrderBy(t => t.Name));
        Assert.All(named, n => Assert.Equal(n.DerivedType.Name, n.TypeDiscriminator));
        Assert.Equal(kinds.OrderBy(t => t.Name), Events.Cast<object[]>().Select(row => row[0].GetType()).Distinct().OrderBy(t => t.Name));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(5, 16)]
    [InlineData(6, 30)]
    [InlineData(40, 30)]
    public void A_lost_connection_is_tried_again_at_once_then_after_pauses_doubling_up_to_30_seconds(int attempt, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RelayedEventBus.PauseBefore(attempt));
    }
}
