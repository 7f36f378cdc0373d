using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;

namespace OpenTalk.Actors.Sharding;

/// <summary>
/// Where this node sends whatever is meant for a meeting: the meeting region, and once a drain has handed the region's
/// meetings to the other nodes and stopped it, a proxy that finds their new homes. A drained node stops its region
/// seconds before it leaves the cluster; what its timers, documents, sockets and REST calls sent to meetings in those
/// seconds went to a stopped region and was lost.
/// </summary>
public sealed class MeetingRoute : ReceiveActor, IWithStash
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Func<Task<IActorRef>> _startProxy;
    private readonly List<IActorRef> _waitingForHandOff = [];
    private IActorRef _region = ActorRefs.Nobody;

    public MeetingRoute(Task<IActorRef> region, Func<Task<IActorRef>> startProxy)
    {
        _startProxy = startProxy;
        region.PipeTo(Self, success: r => new RegionStarted(r));
        // The region registers once the node has started it; until then, everything waits here.
        Receive<RegionStarted>(started =>
        {
            _region = started.Region;
            Context.Watch(_region);
            Stash.UnstashAll();
            Become(Routing);
        });
        ReceiveAny(_ => Stash.Stash());
    }

    public IStash Stash { get; set; } = null!;

    public static Props Props(Task<IActorRef> region, Func<Task<IActorRef>> startProxy) =>
        Akka.Actor.Props.Create(() => new MeetingRoute(region, startProxy));

    /// <summary>The proxy this node's meeting messages go through once its region is gone (no role: every node has the region).</summary>
    public static Func<Task<IActorRef>> ProxyOf(ActorSystem system) =>
        () => ClusterSharding.Get(system).StartProxyAsync(ShardNames.Meeting, role: null!, EntityExtractors.Meeting());

    private void Routing()
    {
        Receive<HandOff>(_ =>
        {
            _waitingForHandOff.Add(Sender);
            _region.Tell(GracefulShutdown.Instance);
        });
        Receive<Terminated>(_ =>
        {
            _startProxy().PipeTo(Self, success: proxy => new ProxyStarted(proxy));
            Become(Switching);
        });
        ReceiveAny(message => _region.Forward(message));
    }

    private void Switching()
    {
        Receive<ProxyStarted>(started =>
        {
            Stash.UnstashAll();
            Become(() => Forwarding(started.Proxy));
            TellHandedOff();
        });
        Receive<Status.Failure>(failure =>
        {
            // The node is going down as a whole: nobody will take the meetings' messages any more.
            _log.Warning(failure.Cause, "No proxy to the meetings' new homes: messages to meetings from this node are dropped");
            Stash.UnstashAll();
            Become(() => Forwarding(Context.System.DeadLetters));
            TellHandedOff();
        });
        Receive<HandOff>(_ => Sender.Tell(HandedOff.Instance));
        ReceiveAny(_ => Stash.Stash());
    }

    private void Forwarding(IActorRef target)
    {
        Receive<HandOff>(_ => Sender.Tell(HandedOff.Instance));
        ReceiveAny(message => target.Forward(message));
    }

    private void TellHandedOff()
    {
        foreach (var asker in _waitingForHandOff)
            asker.Tell(HandedOff.Instance);
        _waitingForHandOff.Clear();
    }

    /// <summary>Hand this node's meetings to the other nodes (answered with <see cref="HandedOff"/> once they have moved).</summary>
    public sealed class HandOff
    {
        public static readonly HandOff Instance = new();

        private HandOff()
        {
        }
    }

    /// <summary>This node's meetings have moved; what is sent to them from here now reaches their new homes.</summary>
    public sealed class HandedOff
    {
        public static readonly HandedOff Instance = new();

        private HandedOff()
        {
        }
    }

    private sealed record RegionStarted(IActorRef Region);

    private sealed record ProxyStarted(IActorRef Proxy);
}
