using System.Net.WebSockets;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Akka.Actor;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Actors.Telemetry;
using OpenTalk.Media;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Host.Signaling;

/// <summary>
/// One per signaling socket. Forwards the client's commands to the meeting's shard region and
/// writes what the meeting sends. If the meeting entity moves or restarts, it re-attaches.
/// </summary>
public sealed partial class ConnectionActor : ReceiveActor, IWithTimers
{
    private const string ReattachTimer = "reattach";
    private static readonly TimeSpan ReattachEvery = TimeSpan.FromSeconds(1);
    private const string UntakenTimer = "untaken";

    /// <summary>
    /// How long a command may go without the meeting confirming it before the client is told
    /// <c>meeting_unavailable</c>: the meeting's node may have died with it on the way.
    /// </summary>
    public static readonly TimeSpan TakenWithin = TimeSpan.FromSeconds(5);

    // Commands sent to the meeting, by number, until they are settled (stored or refused): the namespace of the
    // frame, the one the meeting's refusals go to, when it was sent and whether the meeting took it. A taken command
    // may still be refused (its write failed), or lost with its meeting's node before its write ended.
    private readonly Dictionary<long, Sent> _sent = [];
    private long _lastNumber;

    private sealed record Sent(string Namespace, string RefusedIn, DateTimeOffset At, Guid? ChatMessage)
    {
        public bool Taken { get; set; }

        /// <summary>A chat message whose meeting died before it answered: the meeting's new home says whether it was stored.</summary>
        public bool InDoubt { get; set; }
    }

    // The newest chat message this socket was sent: a re-attach asks for everything after it.
    private Guid? _lastChatMessage;

    private readonly RoomId _roomId;
    private readonly ParticipantId _participantId;
    private const int MaxMediaBeforeAttached = 32;
    private readonly List<ParsedMessage.ForMedia> _mediaBeforeAttached = [];
    private readonly ParticipantIdentity _identity;
    private readonly IActorRef _meetings;
    private readonly ChannelWriter<OutgoingFrame> _socket;
    private readonly IActorRef? _mediaGateway;
    private readonly JoinExtras? _joinExtras;
    private readonly DisabledModules _disabledModules;
    private IActorRef? _media;
    private readonly ILogger _logger = EngineLoggers.For<ConnectionActor>(Context.System);
    private IActorRef? _meeting;
    private bool _joinSent;

    // Attached once, now looking for the meeting's new home: commands are refused, not sent into the void.
    private bool _reattaching;
    private DateTimeOffset _lostMeetingAt;

    // The meeting said it is being handed to another node: commands follow it there (the regions hold them until its
    // new home is known), and the connection attaches there.
    private bool _moving;

    // This node is draining: the socket closes, so the client resumes on another node, once the meeting no longer
    // lives here (at once when it lives elsewhere; when it has been handed off otherwise).
    private bool _nodeDraining;

    public ConnectionActor(RoomId roomId, ParticipantId participantId, ParticipantIdentity identity, IActorRef meetings, ChannelWriter<OutgoingFrame> socket,
        IActorRef? mediaGateway, JoinExtras? joinExtras = null, DisabledModules? disabledModules = null)
    {
        _joinExtras = joinExtras;
        _disabledModules = disabledModules ?? DisabledModules.None;
        _mediaGateway = mediaGateway;
        _roomId = roomId;
        _participantId = participantId;
        _identity = identity;
        _meetings = meetings;
        _socket = socket;

        Receive<ParsedMessage>(Handle);
        Receive<Outbound>(o =>
        {
            _lastChatMessage = o.ChatMessage ?? _lastChatMessage;
            _socket.TryWrite(new OutgoingFrame.Text(o.IsJoinSuccess ? CompleteJoinSuccess(o.Json) : o.Json));
            // Wall clocks: the meeting may live on another node (their clocks are assumed to be in step, e.g. NTP).
            if (o.SentAt is { } sentAt)
                OpenTalkTelemetry.FanOut.Record(Math.Max(0, (DateTimeOffset.UtcNow - sentAt).TotalSeconds));
        });
        Receive<MediaToClient>(m => Send(Namespaces.Media, m.Payload));
        Receive<StopMedia>(m => _media?.Forward(m));
        Receive<MediaAvailable>(m => _media?.Forward(m));
        Receive<RelayAudio>(m => _media?.Forward(m));
        Receive<SendKeyframe>(m => _media?.Forward(m));
        Receive<Attached>(_ =>
        {
            Timers.Cancel(ReattachTimer);
            if (_reattaching || _moving)
                LogReattached(_roomId.Value, _participantId.Value, (DateTimeOffset.UtcNow - _lostMeetingAt).TotalSeconds);
            _reattaching = false;
            _moving = false;
            if (_meeting is not null && !_meeting.Equals(Sender))
                Context.Unwatch(_meeting);
            _meeting = Sender;
            Context.Watch(_meeting);
            foreach (var early in _mediaBeforeAttached)
                Handle(early);
            _mediaBeforeAttached.Clear();
        });
        Receive<Detached>(d =>
        {
            LogClosing(_roomId.Value, _participantId.Value, d.Reason);
            _meeting = null;
            _socket.TryWrite(new OutgoingFrame.Close(WebSocketCloseStatus.NormalClosure, d.Reason));
            _socket.TryComplete();
            Context.Stop(Self);
        });
        Receive<Terminated>(t =>
        {
            if (!t.ActorRef.Equals(_meeting))
                return;
            if (_nodeDraining)
            {
                // Going anyway: the client resumes on another node, which finds the meeting's new home.
                CloseForDrain();
                return;
            }
            // The meeting entity stopped (node lost, rebalanced): attach to wherever it lives now.
            // Until the region learns the shard's new home, messages to it may be lost: keep asking.
            LogMeetingMoved(_roomId.Value, _participantId.Value);
            // Whatever the old home had not stored is gone with it, but its write may have ended just as the node died.
            // A chat message can be looked up by its id: the new home answers for it once attached. Any other command
            // is refused now (retryable); the state the meeting sends when it is back shows what happened.
            foreach (var sent in _sent.Values.Where(s => s.ChatMessage is not null))
                sent.InDoubt = true;
            RefuseUnsettled(sent => !sent.InDoubt);
            _meeting = null;
            _reattaching = true;
            _lostMeetingAt = DateTimeOffset.UtcNow;
            Timers.StartPeriodicTimer(ReattachTimer, ReattachNow.Instance, TimeSpan.Zero, ReattachEvery);
        });
        Receive<MeetingMoving>(_ =>
        {
            if (_meeting is null || !_meeting.Equals(Sender))
                return;
            // The meeting answered everything it took and stops; its Terminated means nothing lost.
            Context.Unwatch(_meeting);
            LogMeetingMoving(_roomId.Value, _participantId.Value);
            if (_nodeDraining)
            {
                CloseForDrain();
                return;
            }
            _moving = true;
            _lostMeetingAt = DateTimeOffset.UtcNow;
            // At once, ahead of the client's next frames: the new home should know this socket before its commands.
            SendReattach();
            Timers.StartPeriodicTimer(ReattachTimer, ReattachNow.Instance, ReattachEvery, ReattachEvery);
        });
        Receive<NodeDraining>(_ =>
        {
            _nodeDraining = true;
            // A meeting that lives here is handed off first (it says so): the client resumes once it has moved, and
            // is told once. Any other socket can go at once.
            if (_meeting is null || _moving || !IsOnThisNode(_meeting))
                CloseForDrain();
        });
        Receive<ReattachNow>(_ => SendReattach());
        Receive<CommandTaken>(Take);
        Receive<CommandStored>(stored =>
        {
            // A refused command is settled (and counted) already when its CommandStored comes.
            if (_sent.Remove(stored.Number, out var sent))
                CountCommand(sent.Namespace, Outcomes.Accepted);
        });
        Receive<CommandRefused>(refused =>
        {
            if (refused.Error == ErrorCodes.ParticipantLimitReached)
            {
                _sent.Remove(refused.Number);
                Send(Namespaces.Control, new JoinBlocked(refused.Error));
            }
            else if (refused.Number == CommandRefused.Join)
                SendError(Namespaces.Control, refused.Error);
            else if (_sent.Remove(refused.Number, out var sent))
            {
                CountCommand(sent.Namespace, Outcomes.Refused);
                SendError(sent.RefusedIn, refused.Error);
            }
            else
                LogRefusedWhenSettled(_roomId.Value, _participantId.Value, refused.Number, refused.Error);
        });
        Receive<MediaRefused>(refused => SendError(Namespaces.Media, refused.Error));
        Receive<CheckUntaken>(_ =>
        {
            var sentBefore = DateTimeOffset.UtcNow - TakenWithin;
            // While the meeting moves on purpose, the regions hold commands for its new home: they are not lost.
            if (!_moving)
                RefuseUnsettled(sent => !sent.Taken && !sent.InDoubt && sent.At < sentBefore);
        });
        Receive<SocketClosed>(c =>
        {
            // A client that closes its socket normally has left (OpenTalk's apps send no control/leave): the others
            // see it go at once. Any other end (network, reload, a node going away) keeps the place for the resume window.
            if (c.ClientLeft && _meeting is not null && !_reattaching)
                _meetings.Tell(new NumberedCommand(++_lastNumber, new Leave(_roomId, _participantId)));
            _meetings.Tell(new ConnectionLost(_roomId, _participantId, Self));
            _socket.TryComplete();
            Context.Stop(Self);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>
    /// A fault in the media actor must not cost the participant their media: it resumes with its handles (a restart
    /// would drop every publication and subscription).
    /// </summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(e =>
    {
        LogMediaFault(e, _roomId.Value, _participantId.Value);
        return Directive.Resume;
    });

    public static Props Props(RoomId roomId, ParticipantId participantId, ParticipantIdentity identity, IActorRef meetings, ChannelWriter<OutgoingFrame> socket,
        IActorRef? mediaGateway, JoinExtras? joinExtras = null, DisabledModules? disabledModules = null) =>
        Akka.Actor.Props.Create(() => new ConnectionActor(roomId, participantId, identity, meetings, socket, mediaGateway, joinExtras, disabledModules));

    /// <summary>The meeting's <c>join_success</c> with what the node adds (the read models' extras) and leaves out (modules the tariff does not offer).</summary>
    private string CompleteJoinSuccess(string envelope)
    {
        var frame = JsonNode.Parse(envelope)!;
        var payload = frame["payload"]!.AsObject();
        _joinExtras?.AddTo(payload);
        _disabledModules.RemoveFrom(payload);
        return frame.ToJsonString();
    }

    private void Handle(ParsedMessage message)
    {
        switch (message)
        {
            case ParsedMessage.Invalid invalid:
                SendError(invalid.Namespace, invalid.Error);
                break;
            case ParsedMessage.Ping:
                Send(Namespaces.Echo, new Pong());
                break;
            case ParsedMessage.Ignored:
                break;
            case ParsedMessage.JoinRequest join when _meeting is not null || _reattaching:
                SendError(Namespaces.Control, ErrorCodes.AlreadyJoined);
                break;
            case ParsedMessage.JoinRequest join:
                _joinSent = true;
                _meetings.Tell(new Join(_roomId, _participantId, _identity, join.DisplayName, Self));
                break;
            // Once a join is on its way, commands follow it to the meeting in order; the meeting
            // itself refuses them if the join did not work.
            case ParsedMessage.ForMedia early when _meeting is null && _joinSent && _mediaBeforeAttached.Count < MaxMediaBeforeAttached:
                // join_success can reach the client just before the meeting's Attached reaches us.
                _mediaBeforeAttached.Add(early);
                break;
            case ParsedMessage.ForMedia when _meeting is null:
                SendError(Namespaces.Media, ErrorCodes.NotJoined);
                break;
            case ParsedMessage.ForMedia when _mediaGateway is null:
                SendError(Namespaces.Media, ErrorCodes.MediaUnavailable);
                break;
            case ParsedMessage.ForMedia media:
                _media ??= Context.ActorOf(ParticipantMediaActor.Props(_roomId, _participantId, _meetings, _mediaGateway, Self), "media");
                _media.Tell(media.Command);
                break;
            case ParsedMessage.ForMeeting command when _disabledModules.Refuses(command.Namespace):
                CountCommand(command.Namespace, Outcomes.Refused);
                SendError(command.Namespace, ErrorCodes.ModuleNotEnabled);
                break;
            case ParsedMessage.ForMeeting command when _meeting is null && !_joinSent:
                CountCommand(command.Namespace, Outcomes.Refused);
                SendError(command.Namespace, ErrorCodes.NotJoined);
                break;
            case ParsedMessage.ForMeeting command when _reattaching:
                // Until the meeting is back (node lost, journal down) a command could only be lost: refuse it, retryable.
                CountCommand(command.Namespace, Outcomes.Refused);
                SendError(command.Namespace, ErrorCodes.MeetingUnavailable);
                break;
            case ParsedMessage.ForMeeting command:
                _sent[++_lastNumber] = new Sent(command.Namespace, command.RefusedIn, DateTimeOffset.UtcNow, (command.Command as SendChatMessage)?.MessageId);
                _meetings.Tell(new NumberedCommand(_lastNumber, command.Command));
                if (!Timers.IsTimerActive(UntakenTimer))
                    Timers.StartPeriodicTimer(UntakenTimer, CheckUntaken.Instance, TimeSpan.FromSeconds(1));
                break;
        }
    }

    private void SendReattach() => _meetings.Tell(new Reattach(_roomId, _participantId, Self, _lastChatMessage)
    {
        InDoubt = [.. _sent.Where(s => s.Value.InDoubt).Select(s => new InDoubtChatMessage(s.Key, s.Value.ChatMessage!.Value))],
    });

    private bool IsOnThisNode(IActorRef actor) =>
        actor.Path.Address.HasLocalScope || actor.Path.Address.Equals(((ExtendedActorSystem)Context.System).Provider.DefaultAddress);

    /// <summary>
    /// Closes the socket with 1001 <c>server_shutting_down</c>: the client resumes on another node with the same id.
    /// Commands still unanswered are not refused: those the meeting took are answered before it moves, those on their
    /// way follow it to its new home, and the client sees the outcome in the state of its resumed join (or live).
    /// </summary>
    private void CloseForDrain()
    {
        Timers.Cancel(ReattachTimer);
        _socket.TryWrite(new OutgoingFrame.Close(WebSocketCloseStatus.EndpointUnavailable, CloseReasons.ServerShuttingDown));
        _socket.TryComplete();
    }

    /// <summary>Refuses as <c>meeting_unavailable</c> the unsettled commands that are lost: the client may send them again.</summary>
    private void RefuseUnsettled(Func<Sent, bool> isLost)
    {
        var lost = _sent.Where(s => isLost(s.Value)).ToList();
        foreach (var (number, sent) in lost)
        {
            _sent.Remove(number);
            CountCommand(sent.Namespace, Outcomes.Refused);
            SendError(sent.RefusedIn, ErrorCodes.MeetingUnavailable);
        }
        if (lost.Count > 0)
            LogUnconfirmed(_roomId.Value, _participantId.Value, lost.Count);
        if (!_sent.Values.Any(s => !s.Taken))
            Timers.Cancel(UntakenTimer);
    }

    /// <summary>
    /// The meeting took command <paramref name="taken"/>. It writes each command's events before it takes the next,
    /// so every command it took before is settled for good, stored or not.
    /// </summary>
    private void Take(CommandTaken taken)
    {
        if (_sent.TryGetValue(taken.Number, out var sent))
            sent.Taken = true;
        foreach (var number in _sent.Where(s => s.Key < taken.Number && s.Value.Taken).Select(s => s.Key).ToList())
            _sent.Remove(number);
    }

    /// <summary>Counts a meeting command by its module (the frame's namespace, one the parser knows) and outcome.</summary>
    private static void CountCommand(string module, string outcome) =>
        OpenTalkTelemetry.Commands.Add(1, new KeyValuePair<string, object?>("module", module), new KeyValuePair<string, object?>("outcome", outcome));

    private void Send(string ns, ServerPayload payload) =>
        _socket.TryWrite(new OutgoingFrame.Text(new ServerEnvelope(ns, DateTimeOffset.UtcNow, payload).ToJson()));

    private void SendError(string ns, string error) => Send(ns, new ErrorPayload(error));

    /// <summary>This node is draining: the connection closes its socket once its meeting does not live here.</summary>
    public sealed class NodeDraining
    {
        public static readonly NodeDraining Instance = new();
    }

    private sealed class ReattachNow
    {
        public static readonly ReattachNow Instance = new();
    }

    private sealed class CheckUntaken
    {
        public static readonly CheckUntaken Instance = new();
    }

    /// <summary>The client's socket closed or broke without <c>leave</c>.</summary>
    /// <param name="ClientLeft">The client closed the socket normally (status 1000).</param>
    public sealed record SocketClosed(bool ClientLeft = false);
}
