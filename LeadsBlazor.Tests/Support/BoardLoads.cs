using System.Diagnostics.Metrics;
using LeadsBlazor.Web.Features.Board;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Support;

/// <summary>Counts the board loads of one app (its own meter factory), from now until disposed.</summary>
public sealed class BoardLoads : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public BoardLoads(IServiceProvider services)
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Other apps of parallel tests publish the same instrument from their own factory.
            if (instrument.Meter.Name == BoardQuery.MeterName && instrument.Name == BoardQuery.LoadsCounter && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
