namespace OpenTalk.Host.Signaling;

/// <summary>
/// On a graceful stop, closes every socket with 1001 <c>server_shutting_down</c> before the actor
/// system leaves the cluster, so clients resume on another node at once instead of waiting for a
/// dead connection to time out. Registered after the actor system, so it stops before it.
/// </summary>
public sealed partial class SignalingShutdown(ConnectionRegistry connections, TimeProvider clock, ILogger<SignalingShutdown> log) : IHostedService
{
    /// <summary>How long clients get to answer the close handshake before their sockets are cut.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        LogClosingAll(log, connections.Count);
        await connections.CloseAllAsync(Grace, clock, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: closing {Count} signaling sockets with server_shutting_down")]
    private static partial void LogClosingAll(ILogger logger, int count);
}
