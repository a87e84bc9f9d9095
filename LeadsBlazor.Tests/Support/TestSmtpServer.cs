using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace LeadsBlazor.Tests.Support;

/// <summary>An SMTP server in the test process that keeps what it receives and can refuse the next mails on request.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private readonly Store _store = new();
    private int _sessions;

    private TestSmtpServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _server = new SmtpServer.SmtpServer(options, services);
        _server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _running = _server.StartAsync(CancellationToken.None);
    }

    public int Port { get; }

    /// <summary>How many SMTP connections clients opened.</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    public IReadOnlyList<MimeMessage> Messages => [.. _store.Messages];

    /// <summary>The next this-many mails are refused with a temporary error.</summary>
    public int RefuseNext
    {
        set => Volatile.Write(ref _store.Refuse, value);
    }

    public static TestSmtpServer Start() => new();

    /// <summary>Waits until this many mails have arrived, for what a background service sends on its own time.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (_store.Messages.Count < count)
        {
            try
            {
                await _store.Arrived.WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{_store.Messages.Count} of {count} mails arrived within {timeout}.");
            }
        }

        return Messages;
    }

    /// <summary>The settings that point the app's mail sender at this server.</summary>
    public Dictionary<string, string?> AppSettings() => new()
    {
        ["Mail:Mode"] = "Smtp",
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:From"] = "leads@test.example",
    };

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await Task.WhenAny(_running, Task.Delay(TimeSpan.FromSeconds(5)));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store : MessageStore
    {
        public readonly ConcurrentQueue<MimeMessage> Messages = new();
        public readonly SemaphoreSlim Arrived = new(0);
        public int Refuse;

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref Refuse) >= 0)
            {
                return new SmtpResponse(SmtpReplyCode.TransactionFailed, "Mailbox busy, try again later");
            }

            Interlocked.Exchange(ref Refuse, 0); // it went below zero: refuse none until told again
            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            Arrived.Release();
            return SmtpResponse.Ok;
        }
    }
}
