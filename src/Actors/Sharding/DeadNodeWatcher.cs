using System.Collections.Immutable;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using Akka.Remote;

namespace OpenTalk.Actors.Sharding;

/// <summary>
/// Downs a cluster member as soon as its remoting port refuses connections (its process is gone), as long as this node
/// can still reach most of the cluster.
/// </summary>
/// <remarks>
/// The failure detector needs a heartbeat pause and the split-brain resolver its stable-after before a dead node's
/// meetings may start elsewhere: about five seconds in which every command to them is refused. A killed process says
/// it is dead much sooner: the operating system refuses new connections to its port. Only a refusal counts (a lost or
/// slow network gives a timeout, and stays the resolver's to decide), three in a row over half a second, and only for
/// the same incarnation of the member. A refusal can also come from a firewall that rejects instead of dropping: so a
/// node acts only when it reaches a majority of the other members' ports itself (the side keep-majority would keep);
/// cut off on its own, it leaves the decision to the resolver. A member that is leaving, and the node itself, are left
/// alone.
/// </remarks>
public sealed class DeadNodeWatcher : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan[] ProbeDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400)];
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    private readonly Cluster _cluster = Cluster.Get(Context.System);
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private ImmutableHashSet<Address> _probing = [];

    public DeadNodeWatcher()
    {
        Receive<DisassociatedEvent>(lost => Suspect(lost.RemoteAddress));
        Receive<AssociationErrorEvent>(failed => Suspect(failed.RemoteAddress));
        Receive<ClusterEvent.UnreachableMember>(unreachable => Suspect(unreachable.Member.Address));
        Receive<ProbeAgain>(probe => Probe(probe.Member, probe.Attempt));
        Receive<Probed>(OnProbed);
        Receive<MajorityChecked>(OnMajorityChecked);
        Receive<ClusterEvent.IClusterDomainEvent>(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props() => Akka.Actor.Props.Create(() => new DeadNodeWatcher());

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(DisassociatedEvent));
        Context.System.EventStream.Subscribe(Self, typeof(AssociationErrorEvent));
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.UnreachableMember));
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        _cluster.Unsubscribe(Self);
    }

    private void Suspect(Address address)
    {
        if (MemberToDown(address) is not { } member || _probing.Contains(address))
            return;
        _probing = _probing.Add(address);
        Probe(member.UniqueAddress, 0);
    }

    private void Probe(UniqueAddress member, int attempt) =>
        RefusesConnections(member.Address).PipeTo(Self,
            success: refused => new Probed(member, attempt, refused),
            failure: _ => new Probed(member, attempt, Refused: false));

    private void OnProbed(Probed probed)
    {
        if (!probed.Refused || MemberToDown(probed.Member.Address)?.UniqueAddress != probed.Member)
        {
            _probing = _probing.Remove(probed.Member.Address);
            return;
        }
        if (probed.Attempt < ProbeDelays.Length)
        {
            Timers.StartSingleTimer(probed.Member, new ProbeAgain(probed.Member, probed.Attempt + 1), ProbeDelays[probed.Attempt]);
            return;
        }
        var others = _cluster.State.Members
            .Where(m => m.Status is MemberStatus.Up or MemberStatus.WeaklyUp or MemberStatus.Joining or MemberStatus.Leaving)
            .Where(m => m.UniqueAddress != probed.Member && m.Address != _cluster.SelfAddress)
            .Select(m => m.Address)
            .ToList();
        var unreachable = _cluster.State.Unreachable.Select(m => m.Address).ToHashSet();
        ReachableCount(others, unreachable).PipeTo(Self,
            success: reached => new MajorityChecked(probed.Member, reached, others.Count),
            failure: _ => new MajorityChecked(probed.Member, 0, others.Count));
    }

    private void OnMajorityChecked(MajorityChecked checkedOut)
    {
        _probing = _probing.Remove(checkedOut.Member.Address);
        // This node and the others it reaches, out of every member including the dead one.
        var side = checkedOut.Reached + 1;
        var all = checkedOut.Others + 2;
        if (side * 2 <= all)
        {
            _log.Warning("Node {0} refuses connections, but this node reaches only {1} of {2} members: leaving it to the split-brain resolver",
                checkedOut.Member.Address, side, all);
            return;
        }
        if (MemberToDown(checkedOut.Member.Address)?.UniqueAddress != checkedOut.Member)
            return;
        _log.Warning("Node {0} refuses connections on its cluster port: its process is gone. Downing it now instead of waiting for the failure detector",
            checkedOut.Member.Address);
        _cluster.Down(checkedOut.Member.Address);
    }

    /// <summary>The member at this address, when it is one this node may down: not itself, not leaving.</summary>
    private Member? MemberToDown(Address address)
    {
        if (address == _cluster.SelfAddress)
            return null;
        var member = _cluster.State.Members.FirstOrDefault(m => m.Address == address);
        return member?.Status is MemberStatus.Up or MemberStatus.WeaklyUp or MemberStatus.Joining ? member : null;
    }

    /// <summary>How many of these members the failure detector has not given up on and accept a connection.</summary>
    private static async Task<int> ReachableCount(IReadOnlyList<Address> members, HashSet<Address> unreachable)
    {
        var answers = await Task.WhenAll(members.Where(m => !unreachable.Contains(m)).Select(AcceptsConnections));
        return answers.Count(accepted => accepted);
    }

    private static async Task<bool> RefusesConnections(Address address) => await ConnectAsync(address) == SocketError.ConnectionRefused;

    private static async Task<bool> AcceptsConnections(Address address) => await ConnectAsync(address) == SocketError.Success;

    private static async Task<SocketError> ConnectAsync(Address address)
    {
        if (address.Host is not { } host || address.Port is not { } port)
            return SocketError.HostNotFound;
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(ProbeTimeout);
        try
        {
            await client.ConnectAsync(host, port, timeout.Token);
            return SocketError.Success;
        }
        catch (SocketException failed)
        {
            return failed.SocketErrorCode;
        }
        catch (OperationCanceledException)
        {
            return SocketError.TimedOut;
        }
    }

    private sealed record ProbeAgain(UniqueAddress Member, int Attempt);

    private sealed record Probed(UniqueAddress Member, int Attempt, bool Refused);

    private sealed record MajorityChecked(UniqueAddress Member, int Reached, int Others);
}
