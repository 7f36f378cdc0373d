namespace OpenTalk.Actors;

/// <summary>How this node runs the engine: where events go and which cluster it joins.</summary>
public sealed record EngineOptions
{
    /// <summary>Npgsql connection string of the journal's Postgres.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Address other nodes reach this one on (loopback by default).</summary>
    public string Hostname { get; init; } = "127.0.0.1";

    /// <summary>Remoting port; 0 picks a free one (fine for a single node).</summary>
    public int Port { get; init; }

    /// <summary>Seed nodes as <c>akka.tcp://opentalk@host:port</c>; empty means this node forms its own cluster.</summary>
    public IReadOnlyList<string> SeedNodes { get; init; } = [];

    /// <summary>How often the read journal polls for new events (audit, projections).</summary>
    public TimeSpan QueryRefreshInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long a node may send no heartbeat (sent every half second) before the others call it unreachable.
    /// Akka's default is 3 s; 2 s brings a dead node's meetings back sooner and still rides out a collection
    /// pause or a busy second. Raise it on networks with longer hiccups.
    /// </summary>
    public TimeSpan AcceptableHeartbeatPause { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long an unreachable node may stay so before the split-brain resolver downs it.</summary>
    public TimeSpan DownUnreachableAfter { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long after a node is removed its meetings wait before starting elsewhere. Akka's default is
    /// the resolver's whole stable-after again; a meeting cannot fork its history whatever this is (the
    /// journal refuses a second writer of the same sequence number), so a short margin is safe here.
    /// </summary>
    public TimeSpan DownRemovalMargin { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Down a member at once when its cluster port refuses connections (its process is gone: killed,
    /// crashed, its machine rebooting), rather than after the heartbeat pause and the resolver's
    /// stable-after, by a node that still reaches most of the cluster itself. Timeouts and lost networks
    /// still wait for the resolver.
    /// </summary>
    public bool DownNodesThatRefuseConnections { get; init; } = true;

    public EngineSettings Settings { get; init; } = new();

    public const string SystemName = "opentalk";
}
