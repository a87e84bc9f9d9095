using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StackExchange.Redis;

namespace LeadsBlazor.Tests.Infrastructure.Live;

/// <summary>Which wire the two instances relay over.</summary>
public enum Relay
{
    PostgresNotify,
    Redis,
}

/// <summary>
/// Two app instances on one PostgreSQL database, as behind a load balancer: what one publishes reaches the other's
/// subscribers, its own only once, and a relay connection that drops comes back and makes every view reload once.
/// </summary>
public abstract class EventRelayTests(Relay relay) : IAsyncLifetime
{
    // Its own channel prefix keeps this class's Redis messages from other runs on the same server; its own client
    // names let a test drop exactly one instance's connection.
    private readonly string _redisPrefix = $"test-{Guid.NewGuid():N}:";
    private LeadsAppFactory _a = default!;
    private LeadsAppFactory _b = default!;

    public Task InitializeAsync()
    {
        _a = new LeadsAppFactory(provider: DatabaseProvider.Postgres, settings: RelaySettings("a"));
        _b = LeadsAppFactory.SecondInstanceOf(_a, RelaySettings("b"));
        _ = _a.Services;
        _ = _b.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task An_event_published_on_one_instance_reaches_the_others_subscribers_and_its_own_only_once()
    {
        await BothListeningAsync();
        using var heardOnA = Bus(_a).Record();
        using var heardOnB = Bus(_b).Record();
        var moved = new LeadChanged(42, "user-1", "user-2");
        var reassigned = new LeadsReassigned("user-2", "user-3");

        Bus(_a).Publish(moved);
        await Eventually.HoldsAsync(() => heardOnB.Events.Contains(moved), "moved arrives on B");
        Bus(_b).Publish(reassigned);
        await Eventually.HoldsAsync(() => heardOnA.Events.Contains(reassigned), "reassigned arrives on A");

        // A's own notification came back before B's (one connection hears them in order), and was left out.
        Assert.Equal([moved, reassigned], heardOnA.Events);
        Assert.Equal([moved, reassigned], heardOnB.Events);
    }

    [Fact]
    public async Task An_instances_own_midnight_stays_on_that_instance_as_every_instance_announces_its_own()
    {
        await BothListeningAsync();
        using var heardOnB = Bus(_b).Record();
        var labels = new LabelsChanged();

        Bus(_a).Publish(new DayChanged(new DateOnly(2026, 12, 1)));
        Bus(_a).Publish(labels);
        await Eventually.HoldsAsync(() => heardOnB.Events.Contains(labels), "labels arrives on B");

        Assert.Equal([labels], heardOnB.Events);
    }

    [Fact]
    public async Task A_dropped_relay_connection_comes_back_and_every_open_view_reloads_once()
    {
        await BothListeningAsync();
        using var heardOnB = Bus(_b).Record();

        await DropRelayConnectionOfBAsync();
        await Eventually.HoldsAsync(() => heardOnB.Events.OfType<RelayReconnected>().Any(), "B reloads its views");
        await BothListeningAsync();
        var afterwards = new LeadChanged(7, "user-1");
        Bus(_a).Publish(afterwards);
        await Eventually.HoldsAsync(() => heardOnB.Events.Contains(afterwards), "afterwards arrives on B");

        Assert.Single(heardOnB.Events, e => e is RelayReconnected);
        Assert.True(new RelayReconnected().Touches(LiveTopic.Leads, leadId: 1, userId: "someone"), "every view reloads for it, whatever it shows");
        Assert.True(new RelayReconnected().Touches(LiveTopic.Trend | LiveTopic.Offers));
    }

    // No reminder scan and no snapshot job: the only events are the test's own.
    private Dictionary<string, string?> RelaySettings(string instance)
    {
        var settings = new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false", ["Forecast:BackgroundSnapshots"] = "false" };
        if (relay == Relay.Redis)
        {
            settings["Live:Redis"] = $"{RedisServer.Instance.Configuration},channelPrefix={_redisPrefix},name={ClientName(instance)}";
        }

        return settings;
    }

    private string ClientName(string instance) => $"{_redisPrefix}{instance}".TrimEnd(':');

    private static IEventBus Bus(LeadsAppFactory app) => app.Services.GetRequiredService<IEventBus>();

    private Task BothListeningAsync() => Eventually.RelaysListenAsync(_a, _b);

    private async Task DropRelayConnectionOfBAsync()
    {
        if (relay == Relay.Redis)
        {
            await using var admin = await ConnectionMultiplexer.ConnectAsync($"{RedisServer.Instance.Configuration},allowAdmin=true");
            var server = admin.GetServer(admin.GetEndPoints()[0]);
            var ofB = (await server.ClientListAsync()).Where(c => c.Name == ClientName("b")).ToList();
            Assert.NotEmpty(ofB);
            foreach (var client in ofB)
            {
                await server.ClientKillAsync(client.Address!);
            }

            return;
        }

        // Both instances listen under the same name on this test's database: B (and A) lose their listener.
        await using var connection = new NpgsqlConnection(_a.ConnectionString);
        await connection.OpenAsync();
        await using var terminate = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @name AND datname = current_database()", connection);
        terminate.Parameters.AddWithValue("name", PostgresNotifyRelay.ListenerName);
        Assert.Equal(2L, await terminate.ExecuteScalarAsync());
    }
}

public sealed class EventRelayTestsOverPostgresNotify() : EventRelayTests(Relay.PostgresNotify);

public sealed class EventRelayTestsOverRedis() : EventRelayTests(Relay.Redis);
