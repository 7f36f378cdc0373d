using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using OpenTalk.Host.Apis;

namespace OpenTalk.Host.Signaling;

/// <summary>
/// On a graceful stop (a drain, SIGTERM), moves this node's meetings and sockets elsewhere so that nobody is told more
/// than once: sockets whose meeting lives on another node close with 1001 <c>server_shutting_down</c> at once (their
/// clients resume on another node); the meetings that live here are handed to the other nodes, and each of their
/// sockets here closes as its meeting moves (a client resuming earlier would be told a second time when the meeting
/// moved under it). Sockets still open then are closed too. It must run before Kestrel stops: Kestrel waits for open
/// requests (a signaling socket is one) for the whole shutdown timeout, and it is stopped before other hosted services.
/// <see cref="StoppingAsync"/> runs before any service's StopAsync.
/// </summary>
public sealed partial class SignalingShutdown(ConnectionRegistry connections, EngineGateway engine, ActorSystem system, TimeProvider clock,
    ILogger<SignalingShutdown> log) : IHostedLifecycleService
{
    /// <summary>How long clients get to answer the close handshake before their sockets are cut.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    /// <summary>How long the meetings get to move; a hand-off takes a journal write and a few messages.</summary>
    private static readonly TimeSpan HandOffWithin = TimeSpan.FromSeconds(10);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        if (OtherNodesUp())
        {
            LogHandingOff(log, connections.Count);
            connections.TellAll(ConnectionActor.NodeDraining.Instance);
            await HandOffMeetingsAsync();
        }
        LogClosingAll(log, connections.Count);
        await connections.CloseAllAsync(Grace, clock, cancellationToken);
    }

    private bool OtherNodesUp()
    {
        var cluster = Cluster.Get(system);
        return cluster.State.Members.Any(m => m.Status == MemberStatus.Up && !m.Address.Equals(cluster.SelfAddress));
    }

    /// <summary>
    /// Stops the meeting region gracefully: the coordinator moves each of its shards to another node, and each meeting
    /// answers what it took, tells its sockets it moves, and stops. (Akka's own shutdown does the same later, for the
    /// other regions.)
    /// </summary>
    private async Task HandOffMeetingsAsync()
    {
        try
        {
            if (!await engine.Meetings.GracefulStop(HandOffWithin, GracefulShutdown.Instance))
                LogHandOffSlow(log, HandOffWithin.TotalSeconds);
        }
        catch (TaskCanceledException)
        {
            LogHandOffSlow(log, HandOffWithin.TotalSeconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: handing this node's meetings to the others ({Count} signaling sockets here)")]
    private static partial void LogHandingOff(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping: the meetings did not move within {Seconds} s; their sockets are closed anyway")]
    private static partial void LogHandOffSlow(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: closing {Count} signaling sockets with server_shutting_down")]
    private static partial void LogClosingAll(ILogger logger, int count);
}
