namespace OpenTalk.Host.Hosting;

/// <summary>
/// Takes this node out of service gently, asked by an administrator (<c>POST /v1/admin/nodes/{node}/drain</c>, from
/// any node) or by SIGTERM: readiness answers 503 <c>draining</c> so the load balancer sends nobody new, new sockets
/// are refused, and the host stops as on SIGTERM: every socket is closed with <c>server_shutting_down</c> (clients
/// resume on another node), the shards hand their meetings over, the node leaves the cluster and the process exits.
/// </summary>
public sealed partial class NodeDrain
{
    /// <summary>Long enough for the drain's answer to reach whoever asked, before the sockets close.</summary>
    private static readonly TimeSpan AnswerFirst = TimeSpan.FromMilliseconds(300);

    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<NodeDrain> _log;
    private int _draining;

    public NodeDrain(IHostApplicationLifetime lifetime, ILogger<NodeDrain> log)
    {
        _lifetime = lifetime;
        _log = log;
        lifetime.ApplicationStopping.Register(() => Interlocked.Exchange(ref _draining, 1));
    }

    public bool IsDraining => Volatile.Read(ref _draining) == 1;

    /// <summary>Starts the drain once; a second request while it runs changes nothing.</summary>
    public void Begin(string requestedBy)
    {
        if (Interlocked.Exchange(ref _draining, 1) == 1)
            return;
        LogDraining(_log, requestedBy);
        _ = Task.Delay(AnswerFirst).ContinueWith(_ => _lifetime.StopApplication(), TaskScheduler.Default);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Draining this node, as asked by {RequestedBy}: new sockets are refused, then the node stops")]
    private static partial void LogDraining(ILogger logger, string requestedBy);
}
