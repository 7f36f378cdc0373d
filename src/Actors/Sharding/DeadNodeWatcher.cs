using System.Collections.Immutable;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using Akka.Remote;

namespace OpenTalk.Actors.Sharding;

/// <summary>
/// Downs a cluster member as soon as its remoting port refuses connections: the process is gone.
/// </summary>
/// <remarks>
/// The failure detector needs a heartbeat pause and the split-brain resolver its stable-after before a
/// dead node's meetings may start elsewhere: about five seconds in which every command to them is
/// refused. A killed process says it is dead much sooner: the operating system closes its connections
/// and refuses new ones. Only a refused connection counts (a lost or slow network gives a timeout, and
/// stays the resolver's to decide), and only twice in a row, so that a node restarting on its own port
/// is not taken for a dead one. A member that is leaving is left alone: it closed its port on purpose.
/// </remarks>
public sealed class DeadNodeWatcher : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan[] ProbeDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400)];
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    private readonly Cluster _cluster = Cluster.Get(Context.System);
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private ImmutableHashSet<Address> _probing = [];

    public ITimerScheduler Timers { get; set; } = null!;

    public DeadNodeWatcher()
    {
        Receive<DisassociatedEvent>(lost => Suspect(lost.RemoteAddress));
        Receive<AssociationErrorEvent>(failed => Suspect(failed.RemoteAddress));
        Receive<ClusterEvent.UnreachableMember>(unreachable => Suspect(unreachable.Member.Address));
        Receive<ProbeAgain>(probe => Probe(probe.Address, probe.Attempt));
        Receive<Probed>(OnProbed);
        Receive<ClusterEvent.IClusterDomainEvent>(_ => { });
    }

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
        if (MemberToDown(address) is null || _probing.Contains(address))
            return;
        _probing = _probing.Add(address);
        Probe(address, 0);
    }

    private void Probe(Address address, int attempt)
    {
        var self = Self;
        RefusesConnections(address).PipeTo(self, success: refused => new Probed(address, attempt, refused));
    }

    private void OnProbed(Probed probed)
    {
        var member = MemberToDown(probed.Address);
        if (!probed.Refused || member is null)
        {
            _probing = _probing.Remove(probed.Address);
            return;
        }
        if (probed.Attempt < ProbeDelays.Length)
        {
            Timers.StartSingleTimer(probed.Address, new ProbeAgain(probed.Address, probed.Attempt + 1), ProbeDelays[probed.Attempt]);
            return;
        }
        _probing = _probing.Remove(probed.Address);
        _log.Warning("Node {0} refuses connections on its cluster port: its process is gone. Downing it now instead of waiting for the failure detector", member.Address);
        _cluster.Down(member.Address);
    }

    /// <summary>The member at this address, when it is one this node may down: not itself, not leaving.</summary>
    private Member? MemberToDown(Address address)
    {
        if (address == _cluster.SelfAddress)
            return null;
        var member = _cluster.State.Members.FirstOrDefault(m => m.Address == address);
        return member?.Status is MemberStatus.Up or MemberStatus.WeaklyUp or MemberStatus.Joining ? member : null;
    }

    private static async Task<bool> RefusesConnections(Address address)
    {
        if (address.Host is not { } host || address.Port is not { } port)
            return false;
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(ProbeTimeout);
        try
        {
            await client.ConnectAsync(host, port, timeout.Token);
            return false;
        }
        catch (SocketException refused) when (refused.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return true;
        }
        catch (Exception)
        {
            // A timeout, an unknown host, an unreachable network: not proof the process is gone.
            return false;
        }
    }

    private sealed record ProbeAgain(Address Address, int Attempt);

    private sealed record Probed(Address Address, int Attempt, bool Refused);
}
