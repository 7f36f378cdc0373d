namespace OpenTalk.Host.Signaling;

/// <summary>
/// On a graceful stop, closes every socket with 1001 <c>server_shutting_down</c> first, so clients
/// resume on another node at once. It must run before Kestrel stops: Kestrel waits for open requests
/// (a signaling socket is one) for the whole shutdown timeout, and it is stopped before other hosted
/// services. <see cref="StoppingAsync"/> runs before any service's StopAsync.
/// </summary>
public sealed partial class SignalingShutdown(ConnectionRegistry connections, TimeProvider clock, ILogger<SignalingShutdown> log) : IHostedLifecycleService
{
    /// <summary>How long clients get to answer the close handshake before their sockets are cut.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        LogClosingAll(log, connections.Count);
        await connections.CloseAllAsync(Grace, clock, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: closing {Count} signaling sockets with server_shutting_down")]
    private static partial void LogClosingAll(ILogger logger, int count);
}
