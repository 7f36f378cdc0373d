using OpenTalk.Actors.Telemetry;
using OpenTalk.Host.Signaling;
using OpenTalk.Media;

namespace OpenTalk.Host.Observability;

/// <summary>What the node's gauges read: its sockets, its Janus instances and the projections' lag, each kept up to date elsewhere.</summary>
public sealed class NodeProbe(ConnectionRegistry sockets, MediaHealth media, ProjectionLagProbe projections) : INodeProbe
{
    public int Sockets => sockets.Count;

    public IEnumerable<MediaServerGauge> MediaServers => media.Instances.Select(i => new MediaServerGauge(i.Name, i.Up, i.Publishers, i.Handles));

    public IEnumerable<ProjectionGauge> Projections => projections.Latest;
}

/// <summary>Points the gauges at this node while it runs.</summary>
public sealed class NodeObservation(NodeProbe probe) : IHostedService, IDisposable
{
    private IDisposable? _observation;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _observation = OpenTalkTelemetry.Observe(probe);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _observation?.Dispose();
        _observation = null;
    }
}
