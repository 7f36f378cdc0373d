using Akka.Actor;
using Akka.Cluster.Sharding;
using OpenTalk.Actors.Sharding;
using OpenTalk.Host.Signaling;

namespace OpenTalk.Host.Apis;

/// <summary>Asked of every node's <see cref="NodeLoadActor"/> by the admin API.</summary>
public sealed record GetNodeLoad : IEngineMessage;

/// <summary>What one node carries: the meetings whose entity lives there and the sockets it serves.</summary>
public sealed record NodeLoad(IReadOnlyList<Guid> HostedMeetings, int Connections) : IEngineMessage;

/// <summary>Asks a node to drain itself (<see cref="Hosting.NodeDrain"/>); it answers <see cref="NodeDraining"/> first.</summary>
public sealed record DrainNode(string RequestedBy) : IEngineMessage;

public sealed record NodeDraining(string Address) : IEngineMessage;

/// <summary>
/// Answers for this node what it carries (at <c>/user/node-load</c> on every node), so one admin request shows the
/// load of the whole cluster, and drains it when an administrator asks on any node.
/// </summary>
public sealed class NodeLoadActor : ReceiveActor
{
    public const string Name = "node-load";

    public NodeLoadActor(IActorRef meetings, ConnectionRegistry connections, Hosting.NodeDrain drain)
    {
        Receive<DrainNode>(d =>
        {
            Sender.Tell(new NodeDraining(Akka.Cluster.Cluster.Get(Context.System).SelfAddress.ToString()));
            drain.Begin(d.RequestedBy);
        });
        ReceiveAsync<GetNodeLoad>(async _ =>
        {
            var replyTo = Sender;
            var state = await meetings.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(5));
            replyTo.Tell(new NodeLoad(state.Shards.SelectMany(s => s.EntityIds).Select(Guid.Parse).ToList(), connections.Count));
        });
    }

    public static Props Props(IActorRef meetings, ConnectionRegistry connections, Hosting.NodeDrain drain) =>
        Akka.Actor.Props.Create(() => new NodeLoadActor(meetings, connections, drain));
}
