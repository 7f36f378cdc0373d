using Akka.Actor;
using Akka.Cluster.Sharding;
using System.Diagnostics;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Sharding;
using OpenTalk.Actors.Telemetry;
using OpenTalk.Actors.Timers;
using OpenTalk.Protocol.Rest;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// The live room, one sharded entity per room id. Decisions are pure (<see cref="MeetingDecider"/>);
/// this actor adds what only it can know: which socket belongs to whom, and the resume timers.
/// </summary>
public sealed partial class MeetingActor : ChainedEntityActor<MeetingState>, IWithTimers
{
    private readonly EngineSettings _settings;
    private readonly TimeProvider _clock;
    private readonly IActorRef _timers;
    private readonly IActorRef _meetings;
    private readonly Dictionary<Guid, IActorRef> _connections = [];
    private readonly MeetingPresence _presence = new();

    // The room's own clocks set and not yet fired or stopped: a room with one keeps running, even with nobody in it.
    private readonly HashSet<string> _clocks = [];

    /// <summary>A room woken by a REST call or a message from another entity, with nobody joining, leaves memory after this.</summary>
    private static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(2);

    // The number of the socket's command being handled (CommandRefused.Join when none): what a refusal names.
    private long _numbered = CommandRefused.Join;

    public MeetingActor(string entityId, EngineSettings settings, TimeProvider clock, IActorRef timers, IActorRef meetings)
        : base(PersistenceIds.Of(PersistenceIds.Meeting, entityId), MeetingState.Empty(Guid.Parse(entityId)), settings.SnapshotEvery)
    {
        _settings = settings;
        _clock = clock;
        _timers = timers;
        _meetings = meetings;

        Command<CreateRoom>(c => DecideForRest(c));
        Command<CreateInvite>(c => DecideForRest(c));
        Command<UpdateRoom>(c => DecideForRest(c));
        Command<GetSip>(_ => Sender.Tell(State.Exists
            ? new SipReply(State.Room!.OwnerId, State.Sip, null)
            : new SipReply(Guid.Empty, null, ProblemCodes.NotFound)));
        Command<ConfigureSip>(c => DecideForRest(c));
        Command<RemoveSip>(c => DecideForRest(c));
        Command<ClaimDialOut>(c => DecideForRest(c, () => new DialOutReply(State.DialOuts.GetValueOrDefault(c.CallId)?.Number, null),
            error => new DialOutReply(null, error), publish: true));
        Command<CheckDocumentAccess>(c => Sender.Tell(MeetingNotesModule.CheckAccess(State, c) with { Version = LastSequenceNr }));
        Command<RecordDocumentVersion>(c => PersistChained(MeetingDecider.Decide(State, c, Now).Events, Publish));
        Command<AddExport>(c => DecideForRest(c, () => new RoomAssetsReply(State.Room!.OwnerId, [State.Assets![c.Asset.Id]], null),
            error => new RoomAssetsReply(Guid.Empty, [], error), publish: true));
        Command<AddReport>(c => DecideForRest(c, () => new RoomAssetsReply(State.Room!.OwnerId, [State.Assets![c.Asset.Id]], null),
            error => new RoomAssetsReply(Guid.Empty, [], error), publish: true));
        Command<ReportFailed>(c => Deliver(MeetingReportModule.Failed(State, c)));
        Command<ReportDialOutFailed>(c => DecideForRest(c, () => MeetingReply.Ok(View()), MeetingReply.Fail, publish: true));
        Command<GetStreamingTargets>(_ => Sender.Tell(State.Exists
            ? new StreamingTargetsReply(State.Room!.OwnerId, [.. State.StreamingTargets.Values.OrderBy(t => t.Name, StringComparer.Ordinal)], null)
            : new StreamingTargetsReply(Guid.Empty, [], ProblemCodes.NotFound)));
        Command<SaveStreamingTarget>(c => DecideForRest(c));
        Command<RemoveStreamingTarget>(c => DecideForRest(c));
        Command<SetInvitedModerators>(c => DecideForRest(c));
        ReceiveAssetCommands();
        ReceiveSharedFolderCommands();
        Command<DeleteRoom>(c => DecideForRest(c));
        Command<RemoveByAdmin>(c => DecideForRest(c, () => MeetingReply.Ok(View()), MeetingReply.Fail, publish: true));
        Command<IMediaRequest>(HandleMediaRequest);
        Command<SpeakingChanged>(HandleSpeaking);
        Command<SettleFocus>(_ => Refocus(_focus.Settle(Now, _settings.FocusHold)));
        Command<RevokeInvite>(c => DecideForRest(c));
        Command<GetInvites>(_ => Sender.Tell(State.Exists
            ? new InvitesReply(State.Room!.OwnerId, [.. State.Invites.Values.OrderBy(i => i.Code, StringComparer.Ordinal)], null)
            : new InvitesReply(Guid.Empty, [], ProblemCodes.NotFound)));
        Command<GetRoom>(_ => Sender.Tell(State.Exists ? MeetingReply.Ok(View()) : MeetingReply.Fail(ProblemCodes.NotFound)));
        Command<CheckAdmission>(c => Sender.Tell(MeetingAdmission.Check(State, c, Now)));
        Command<Join>(HandleJoin);
        Command<Reattach>(HandleReattach);
        Command<Leave>(HandleLeave);
        Command<IMeetingQuery>(q =>
        {
            if (MeetingQueries.Answer(State, q) is { } answer)
                Deliver([answer]);
            else
                RefusalTo(q.ParticipantId)(ErrorCodes.NotJoined);
        });
        Command<IParticipantCommand>(HandleParticipantCommand);
        Command<NumberedCommand>(numbered =>
        {
            // Dispatched like the bare command (queries, leave and the rest), then confirmed to the socket.
            // A refusal names the number, so the socket can tell which of its frames it answers.
            _numbered = numbered.Number;
            try
            {
                ReceiveCommand(numbered.Command);
            }
            finally
            {
                _numbered = CommandRefused.Join;
            }
            var socket = Sender;
            socket.Tell(new CommandTaken(numbered.Number));
            // Runs once the command's writes are done (at once when it wrote nothing); not at all if they failed.
            DeferAsync(numbered.Number, number => socket.Tell(new CommandStored(number)));
        });
        Command<ConnectionLost>(c => LoseConnection(c.ParticipantId, c.Connection));
        Command<Terminated>(t =>
        {
            foreach (var (id, connection) in _connections.Where(kv => kv.Value.Equals(t.ActorRef)).ToList())
                LoseConnection(id, connection);
        });
        Command<ResumeWindowEnded>(HandleResumeWindowEnded);
        Command<RoomTimerExpired>(e => PersistChained(MeetingDecider.Decide(State, e, Now).Events, Publish));
        Command<TimerView>(ReconcileTimer);
        Command<OpenBreakoutRoom>(DecideForRest);
        Command<StopWhenIdle>(_ => Context.Stop(Self));
        Command<HandOffStop>(_ =>
        {
            // Everything taken before is stored and answered; what follows waits for the new home. The sockets hear it
            // first, so they look for that home at once and know their commands are not lost with this one. Deferred:
            // the answers of the last writes are deferred too, and must go out before the entity stops.
            DeferAsync(HandOffStop.Instance, _ =>
            {
                foreach (var (participantId, connection) in _connections)
                    connection.Tell(new MeetingMoving(participantId));
                Context.Stop(Self);
            });
        });
        Command<ReceiveTimeout>(_ => PassivateWhenEmpty());
        Command<CloseBreakoutRoom>(c => PersistChained(MeetingDecider.Decide(State, c, Now).Events, Publish, PassivateWhenEmpty));
        Command<CheckBreakoutAdmission>(c => Sender.Tell(BreakoutModule.CheckAdmission(State, c, Now)));
        Command<WithdrawLetIn>(c => PersistChained(MeetingDecider.Decide(State, c, Now).Events, Publish));
        Command<MeetingReply>(_ => { }); // a breakout room confirming it opened
        // The room's own clocks: polls, votes, breakouts and the talking stick.
        Command<IMeetingClockTick>(OnClock);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private DateTimeOffset Now => _clock.GetUtcNow();

    /// <param name="timers">The timer shard region: the clocks behind the room's timers.</param>
    /// <param name="meetings">The meeting shard region: a main room opens and closes its breakout rooms through it.</param>
    public static Props Props(string entityId, EngineSettings settings, TimeProvider clock, IActorRef timers, IActorRef meetings) =>
        Akka.Actor.Props.Create<MeetingActor>(entityId, settings, clock, timers, meetings);

    protected override MeetingState Evolve(MeetingState state, DomainEvent evt) => MeetingEvolve.Apply(state, evt);

    protected override void OnRecovered()
    {
        Context.SetReceiveTimeout(IdleAfter);
        State = State with { ParticipantLimit = _settings.RoomParticipantLimit, Collab = Collab.CollabAccess.Create(_settings.PublicUrl) };
        // Sockets attached before a restart re-attach themselves; whoever does not come back within
        // the resume window leaves, exactly as after a dropped socket.
        foreach (var participant in State.Participants.Values)
        {
            var waited = participant.DisconnectedAt is { } since ? Now - since : TimeSpan.Zero;
            StartResumeTimer(participant.Id, _settings.ResumeWindow - waited);
        }
        Run(MeetingModules.All.Resume(State));
        _presence.Report(State.Participants.Count);
    }

    protected override void PostStop()
    {
        _presence.Report(0);
        base.PostStop();
    }

    private void DecideForRest(object command) => DecideForRest(command, () => MeetingReply.Ok(View()), MeetingReply.Fail);

    /// <param name="reply">The answer once the events are stored, made from the state after them.</param>
    /// <param name="refusal">The answer to a refused command.</param>
    /// <param name="publish">Whether those in the room hear of the events and the meeting acts on them (a service's report).</param>
    private void DecideForRest(object command, Func<object> reply, Func<string, object> refusal, bool publish = false)
    {
        var decision = MeetingDecider.Decide(State, command, Now);
        if (decision.IsRejected)
        {
            Sender.Tell(refusal(decision.Error!));
            return;
        }
        var replyTo = Sender;
        PersistChained(decision.Events, publish ? Publish : null, afterAll: () => replyTo.Tell(reply()));
    }

    private RoomView View() => new(State.RoomId, State.Room!.OwnerId, State.Room.Password, State.Room.WaitingRoom);

    private void HandleParticipantCommand(IParticipantCommand command)
    {
        // A span for the decision, when someone collects traces (StartActivity is null, and free, otherwise).
        using var activity = OpenTalkTelemetry.Source.StartActivity("meeting.command");
        activity?.SetTag("opentalk.command", command.GetType().Name);
        activity?.SetTag("opentalk.meeting_id", State.RoomId);
        activity?.SetTag("opentalk.participant_id", command.ParticipantId.Value);
        var decision = MeetingDecider.Decide(State, command, Now);
        var refuse = RefusalTo(command.ParticipantId);
        if (decision.IsRejected)
        {
            activity?.SetStatus(ActivityStatusCode.Error, decision.Error);
            refuse(decision.Error!);
            return;
        }
        PersistChained(decision.Events, Publish, () =>
        {
            Deliver(MeetingModules.All.Confidential(command, decision));
            PassivateWhenEmpty();
        }, () => refuse(ErrorCodes.StorageUnavailable));
    }

    private void Publish(DomainEvent evt, MeetingState before, MeetingState after)
    {
        Deliver(MeetingNotifications.For(evt, before, after));
        Run(MeetingModules.All.Effects(evt, before, after));
        StopRevokedMedia(evt, before, after);
        // Removed by a moderator (or gone for good): close that socket, with the reason.
        if (evt is ParticipantLeft left)
        {
            LogLeft(State.RoomId, left.ParticipantId, left.Reason);
            Detach(left.ParticipantId, after.Closed ? CloseReasons.BreakoutEnded : CloseReasons.For(left.Reason));
        }
        _presence.Report(after.Participants.Count);
    }

    private void Deliver(IEnumerable<Notification> notifications)
    {
        var now = Now;
        // Render each distinct message once, however many people receive it.
        var rendered = new Dictionary<(string, ServerPayload), Outbound>();
        foreach (var note in notifications)
        {
            if (!_connections.TryGetValue(note.To, out var connection))
                continue;
            var key = (note.Namespace, note.Payload);
            if (!rendered.TryGetValue(key, out var outbound))
            {
                // The tariff is the node's, not the meeting's: it joins join_success here, where the settings are.
                var payload = note.Payload is JoinSuccess welcome ? welcome with { Tariff = _settings.Tariff } : note.Payload;
                outbound = new Outbound(new ServerEnvelope(note.Namespace, now, payload).ToJson(), NewestChatMessageIn(note.Payload), payload is JoinSuccess, now);
                rendered[key] = outbound;
            }
            connection.Tell(outbound);
        }
    }

    private static Guid? NewestChatMessageIn(ServerPayload payload) => payload switch
    {
        MessageSent sent => sent.Id,
        JoinSuccess welcome when welcome.Modules.GetValueOrDefault(Namespaces.Chat) is ChatModuleState { RoomHistory: [.., var newest] } => newest.Id,
        _ => null,
    };

    /// <summary>
    /// How to refuse the command being handled: to the socket that sent it, by its number, as long as that socket is
    /// still the participant's. Commands the node sends for someone (the media actor's speaking changes) have no
    /// frame to answer, so their refusals go nowhere.
    /// </summary>
    private Action<string> RefusalTo(Guid participantId)
    {
        var (number, asker) = (_numbered, Sender);
        return error =>
        {
            if (_connections.TryGetValue(participantId, out var connection) && connection.Equals(asker))
                connection.Tell(new CommandRefused(number, error));
        };
    }

    /// <summary>
    /// Leaves memory when nobody is in the meeting and none of its clocks runs (a poll, a vote, breakout rooms coming
    /// back): the shard remembers a running room, so after a restart of the whole cluster it starts again and ends
    /// them at their time; a passivated room is forgotten. The stop is an ordinary command, not a PoisonPill: a
    /// PoisonPill stops a persistent actor at once, even while it holds back commands until a write is stored, and
    /// those commands (a REST call's ask, say) would be lost; this one waits its turn behind them.
    /// </summary>
    private void PassivateWhenEmpty()
    {
        _clocks.RemoveWhere(key => !Timers.IsTimerActive(key));
        if (State.Participants.IsEmpty && _clocks.Count == 0)
            Context.Parent.Tell(new Passivate(StopWhenIdle.Instance));
    }

    private sealed class StopWhenIdle
    {
        public static readonly StopWhenIdle Instance = new();
    }
}
