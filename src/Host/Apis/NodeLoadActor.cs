using Akka.Actor;
using Akka.Cluster.Sharding;
using OpenTalk.Actors.Sharding;
using OpenTalk.Host.Observability;
using OpenTalk.Host.Signaling;

namespace OpenTalk.Host.Apis;

/// <summary>Asked of every node's <see cref="NodeLoadActor"/> by the admin API.</summary>
public sealed record GetNodeLoad : IEngineMessage;

/// <summary>What one node carries and how it fares, as it answers for itself.</summary>
/// <param name="HostedMeetings">The meetings whose entity lives on this node.</param>
/// <param name="Connections">The signaling sockets it serves.</param>
/// <param name="StartedAt">When the node started.</param>
/// <param name="UptimeSeconds">How long it has run, by its own clock, when it answered.</param>
/// <param name="Regions">Shards and entities of the meetings' and timers' shard regions on this node.</param>
/// <param name="Projections">How far each projection is behind the journal, as this node last read it.</param>
/// <param name="LastErrors">The node's newest error-level log entries, newest first (<see cref="Observability.LastErrors"/>).</param>
public sealed record NodeLoad(IReadOnlyList<Guid> HostedMeetings, int Connections, DateTimeOffset StartedAt, double UptimeSeconds,
    IReadOnlyList<ShardRegionLoad> Regions, IReadOnlyList<ProjectionLag> Projections, IReadOnlyList<NodeError> LastErrors) : IEngineMessage;

/// <summary>One shard region on one node.</summary>
/// <param name="Region">The region's name (<c>meeting</c>, <c>timer</c>).</param>
/// <param name="Shards">Shards of the region this node hosts.</param>
/// <param name="Entities">Entities running in those shards.</param>
public sealed record ShardRegionLoad(string Region, int Shards, int Entities);

/// <summary>How far one projection is behind the journal.</summary>
/// <param name="Name">The projection (<c>room_history</c>, <c>rooms</c>, ...).</param>
/// <param name="EventsBehind">Journal events with its tag it has yet to apply.</param>
/// <param name="SecondsBehind">Age of the oldest of them; 0 when it is up to date.</param>
public sealed record ProjectionLag(string Name, long EventsBehind, double SecondsBehind);

/// <summary>When this node started (its uptime is counted from here).</summary>
public sealed record NodeStart(DateTimeOffset At);

/// <summary>Asks a node to drain itself (<see cref="Hosting.NodeDrain"/>); it answers <see cref="NodeDraining"/> first.</summary>
public sealed record DrainNode(string RequestedBy) : IEngineMessage;

public sealed record NodeDraining(string Address) : IEngineMessage;

/// <summary>What the node reads about itself besides its shard regions.</summary>
public sealed record NodeLoadSources(ConnectionRegistry Connections, Hosting.NodeDrain Drain, NodeStart Start, ProjectionLagProbe Projections,
    LastErrors Errors, TimeProvider Clock);

/// <summary>
/// Answers for this node what it carries (at <c>/user/node-load</c> on every node), so one admin request shows the
/// load of the whole cluster, and drains it when an administrator asks on any node.
/// </summary>
public sealed class NodeLoadActor : ReceiveActor
{
    public const string Name = "node-load";
    private static readonly TimeSpan RegionTimeout = TimeSpan.FromSeconds(2);

    public NodeLoadActor(IActorRef meetings, IActorRef timers, NodeLoadSources node)
    {
        Receive<DrainNode>(d =>
        {
            Sender.Tell(new NodeDraining(Akka.Cluster.Cluster.Get(Context.System).SelfAddress.ToString()));
            node.Drain.Begin(d.RequestedBy);
        });
        // The regions are asked outside the mailbox: a slow region must not hold up drain requests. A region that does
        // not answer leaves the node unanswered too, and the cluster view shows it without numbers.
        Receive<GetNodeLoad>(_ => Answer(Sender, meetings, timers, node));
    }

    private static void Answer(IActorRef replyTo, IActorRef meetings, IActorRef timers, NodeLoadSources node) =>
        _ = AnswerAsync(replyTo, meetings, timers, node);

    private static async Task AnswerAsync(IActorRef replyTo, IActorRef meetings, IActorRef timers, NodeLoadSources node)
    {
        var meetingState = meetings.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, RegionTimeout);
        var timerState = timers.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, RegionTimeout);
        try
        {
            await Task.WhenAll(meetingState, timerState);
        }
        catch (AskTimeoutException)
        {
            return;
        }
        var now = node.Clock.GetUtcNow();
        replyTo.Tell(new NodeLoad(
            [.. meetingState.Result.Shards.SelectMany(s => s.EntityIds).Select(Guid.Parse)],
            node.Connections.Count,
            node.Start.At,
            Math.Max(0, (now - node.Start.At).TotalSeconds),
            [Of(ShardNames.Meeting, meetingState.Result), Of(ShardNames.Timer, timerState.Result)],
            [.. node.Projections.Latest.Select(p => new ProjectionLag(p.Name, p.EventsBehind, p.SecondsBehind))],
            node.Errors.Newest()));
    }

    private static ShardRegionLoad Of(string region, CurrentShardRegionState state) =>
        new(region, state.Shards.Count, state.Shards.Sum(s => s.EntityIds.Count));

    public static Props Props(IActorRef meetings, IActorRef timers, NodeLoadSources node) =>
        Akka.Actor.Props.Create(() => new NodeLoadActor(meetings, timers, node));
}
