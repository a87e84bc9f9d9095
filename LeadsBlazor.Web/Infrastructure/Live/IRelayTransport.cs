namespace LeadsBlazor.Web.Infrastructure.Live;

/// <summary>
/// The wire between the instances on one database: a message sent reaches every instance listening, the sender's
/// own listener included. <see cref="RelayedEventBus"/> puts events on it and keeps it connected.
/// </summary>
public interface IRelayTransport
{
    /// <summary>What it is, for the operators' log ("PostgreSQL LISTEN/NOTIFY on channel …").</summary>
    string Description { get; }

    /// <summary>The longest message, in UTF-8 bytes, that it carries.</summary>
    int MaxMessageBytes { get; }

    /// <summary>
    /// Connects and listens, calling <paramref name="listening"/> once it does and <paramref name="received"/> for each
    /// message. Returns only by throwing: when the connection is lost, or cancelled when the app stops.
    /// </summary>
    Task ListenAsync(Action<string> received, Action listening, CancellationToken cancellationToken);

    /// <summary>Sends a message to every listening instance; throws when it cannot.</summary>
    Task SendAsync(string message, CancellationToken cancellationToken);
}
