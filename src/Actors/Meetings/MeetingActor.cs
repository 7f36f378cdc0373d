using Akka.Actor;
using Akka.Cluster.Sharding;
using OpenTalk.Actors.Journal;
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
    private readonly Dictionary<Guid, IActorRef> _connections = [];

    public MeetingActor(string entityId, EngineSettings settings, TimeProvider clock, IActorRef timers)
        : base($"meeting-{entityId}", MeetingState.Empty(Guid.Parse(entityId)), settings.SnapshotEvery)
    {
        _settings = settings;
        _clock = clock;
        _timers = timers;

        Command<CreateRoom>(c => DecideForRest(c));
        Command<CreateInvite>(c => DecideForRest(c));
        Command<GetRoom>(_ => Sender.Tell(State.Exists ? MeetingReply.Ok(View()) : MeetingReply.Fail(ProblemCodes.NotFound)));
        Command<CheckAdmission>(c => Sender.Tell(MeetingAdmission.Check(State, c, Now)));
        Command<Join>(HandleJoin);
        Command<Reattach>(HandleReattach);
        Command<Leave>(HandleLeave);
        Command<IMeetingQuery>(q => Deliver([MeetingQueries.Answer(State, q)]));
        Command<IParticipantCommand>(HandleParticipantCommand);
        Command<ConnectionLost>(c => LoseConnection(c.ParticipantId, c.Connection));
        Command<Terminated>(t =>
        {
            foreach (var (id, connection) in _connections.Where(kv => kv.Value.Equals(t.ActorRef)).ToList())
                LoseConnection(id, connection);
        });
        Command<ResumeWindowEnded>(HandleResumeWindowEnded);
        Command<RoomTimerExpired>(e => PersistChained(MeetingDecider.Decide(State, e, Now).Events, Publish));
        Command<TimerView>(ReconcileTimer);
        Command<ExpirePoll>(e =>
        {
            var decision = MeetingDecider.Decide(State, e, Now);
            if (decision.Events.Count == 0 && State.Poll is { } poll && poll.PollId == e.PollId)
                SchedulePollEnd(poll); // the scheduler woke a moment early
            PersistChained(decision.Events, Publish);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private DateTimeOffset Now => _clock.GetUtcNow();

    /// <param name="timers">The timer shard region: the clocks behind the room's timers.</param>
    public static Props Props(string entityId, EngineSettings settings, TimeProvider clock, IActorRef timers) =>
        Akka.Actor.Props.Create<MeetingActor>(entityId, settings, clock, timers);

    protected override MeetingState Evolve(MeetingState state, DomainEvent evt) => MeetingEvolve.Apply(state, evt);

    protected override void OnRecovered()
    {
        // Sockets attached before a restart re-attach themselves; whoever does not come back within
        // the resume window leaves, exactly as after a dropped socket.
        foreach (var participant in State.Participants.Values)
        {
            var waited = participant.DisconnectedAt is { } since ? Now - since : TimeSpan.Zero;
            StartResumeTimer(participant.Id, _settings.ResumeWindow - waited);
        }
        if (State.Poll is { } poll)
            SchedulePollEnd(poll);
        // Wake the room's timer: it reschedules itself, or tells us it ended while we were away.
        if (State.Timer is { } timer)
            _timers.Tell(new GetTimer(timer.TimerId));
    }

    private void DecideForRest(object command)
    {
        var decision = MeetingDecider.Decide(State, command, Now);
        if (decision.IsRejected)
        {
            Sender.Tell(MeetingReply.Fail(decision.Error!));
            return;
        }
        var replyTo = Sender;
        PersistChained(decision.Events, afterAll: () => replyTo.Tell(MeetingReply.Ok(View())));
    }

    private RoomView View() => new(State.RoomId, State.Room!.OwnerId, State.Room.Password, State.Room.WaitingRoom);

    private void HandleJoin(Join join)
    {
        var decision = MeetingDecider.Decide(State, join, Now);
        if (decision.IsRejected)
        {
            SendError(join.Connection, join.Namespace, decision.Error!);
            return;
        }
        Attach(join.ParticipantId, join.Connection);
        if (decision.Events.Count == 0)
        {
            // A second socket of a connected participant replaces the first; it gets the room again.
            join.Connection.Tell(new Attached(join.ParticipantId));
            Deliver(MeetingNotifications.Welcome(join.ParticipantId, State, resumed: true));
            return;
        }
        PersistChained(decision.Events, Publish, () => join.Connection.Tell(new Attached(join.ParticipantId)));
    }

    private void HandleReattach(Reattach reattach)
    {
        if (State.Find(reattach.ParticipantId) is not { } participant)
        {
            reattach.Connection.Tell(new Detached(reattach.ParticipantId, CloseReasons.NotPresent));
            return;
        }
        if (_connections.TryGetValue(reattach.ParticipantId, out var current) && current.Equals(reattach.Connection))
        {
            // A repeated request (the connection retries until it hears back): no second welcome.
            reattach.Connection.Tell(new Attached(reattach.ParticipantId));
            return;
        }
        Attach(reattach.ParticipantId, reattach.Connection);
        if (participant.IsConnected)
        {
            reattach.Connection.Tell(new Attached(reattach.ParticipantId));
            Deliver(MeetingNotifications.Welcome(reattach.ParticipantId, State, resumed: true));
            return;
        }
        PersistChained([new ParticipantReconnected(reattach.ParticipantId) { OccurredAt = Now, By = Actor.Participant(reattach.ParticipantId) }],
            Publish, () => reattach.Connection.Tell(new Attached(reattach.ParticipantId)));
    }

    private void HandleLeave(Leave leave)
    {
        var connection = Sender;
        var decision = MeetingDecider.Decide(State, leave, Now);
        if (decision.IsRejected)
        {
            SendError(connection, leave.Namespace, decision.Error!);
            return;
        }
        Detach(leave.ParticipantId, CloseReasons.Left);
        PersistChained(decision.Events, Publish, PassivateWhenEmpty);
    }

    private void HandleParticipantCommand(IParticipantCommand command)
    {
        var decision = MeetingDecider.Decide(State, command, Now);
        if (decision.IsRejected)
        {
            if (_connections.TryGetValue(command.ParticipantId, out var connection))
                SendError(connection, command.Namespace, decision.Error!);
            return;
        }
        PersistChained(decision.Events, Publish, PassivateWhenEmpty);
    }

    private void LoseConnection(Guid participantId, IActorRef connection)
    {
        if (!_connections.TryGetValue(participantId, out var current) || !current.Equals(connection))
            return;
        _connections.Remove(participantId);
        Context.Unwatch(connection);
        var decision = MeetingDecider.Decide(State, new MarkDisconnected(participantId, DisconnectReasons.ConnectionLost), Now);
        PersistChained(decision.Events, Publish, () => StartResumeTimer(participantId, _settings.ResumeWindow));
    }

    private void HandleResumeWindowEnded(ResumeWindowEnded ended)
    {
        if (_connections.ContainsKey(ended.ParticipantId))
            return;
        var decision = MeetingDecider.Decide(State, new ExpireResumption(ended.ParticipantId), Now);
        PersistChained(decision.Events, Publish, PassivateWhenEmpty);
    }

    private void Attach(Guid participantId, IActorRef connection)
    {
        Timers.Cancel(ResumeTimerKey(participantId));
        if (_connections.TryGetValue(participantId, out var previous) && !previous.Equals(connection))
        {
            Context.Unwatch(previous);
            previous.Tell(new Detached(participantId, CloseReasons.ReplacedByNewConnection));
        }
        _connections[participantId] = connection;
        Context.Watch(connection);
    }

    private void Detach(Guid participantId, string reason)
    {
        if (!_connections.Remove(participantId, out var connection))
            return;
        Context.Unwatch(connection);
        connection.Tell(new Detached(participantId, reason));
    }

    private void Publish(DomainEvent evt, MeetingState before, MeetingState after)
    {
        Deliver(MeetingNotifications.For(evt, before, after));
        DriveTimer(evt, after);
        // Removed by a moderator (or gone for good): close that socket, with the reason.
        if (evt is ParticipantLeft left)
            Detach(left.ParticipantId, CloseReasons.For(left.Reason));
    }

    /// <summary>The room decided about its timer: make the clock agree.</summary>
    private void DriveTimer(DomainEvent evt, MeetingState after)
    {
        switch (evt)
        {
            case RoomTimerStarted started:
                _timers.Tell(StartCommandFor(after.Timer!, started.By));
                break;
            case RoomTimerStopped { Kind: TimerStoppedKind.ByModerator } stopped:
                _timers.Tell(new StopTimer(stopped.TimerId, stopped.By));
                break;
            case PollStarted:
                SchedulePollEnd(after.Poll!);
                break;
            case PollFinished finished:
                Timers.Cancel(PollTimerKey(finished.PollId));
                break;
        }
    }

    /// <summary>Polls run on the room's own clock; after a restart the remaining time is scheduled again.</summary>
    private void SchedulePollEnd(RoomPoll poll)
    {
        var left = poll.EndsAt - Now;
        Timers.StartSingleTimer(PollTimerKey(poll.PollId), new ExpirePoll(poll.PollId), left > TimeSpan.Zero ? left : TimeSpan.Zero);
    }

    private static string PollTimerKey(Guid pollId) => $"poll-{pollId}";

    private StartTimer StartCommandFor(RoomTimer timer, string by) =>
        new(timer.TimerId, State.RoomId, timer.Kind == TimerKindWire.Countdown ? TimerKind.Countdown : TimerKind.Stopwatch,
            timer.Duration, timer.Title, by, timer.StartedAt);

    /// <summary>After recovery: the clock ended meanwhile, or never heard of the timer (start it now, same end time).</summary>
    private void ReconcileTimer(TimerView view)
    {
        if (State.Timer is not { } timer || timer.TimerId != view.TimerId)
            return;
        if (view.StoppedBecause == TimerStopReason.Expired)
            PersistChained(MeetingDecider.Decide(State, new RoomTimerExpired(State.RoomId, view.TimerId), Now).Events, Publish);
        else if (view.Kind is null)
            _timers.Tell(StartCommandFor(timer, Actor.System));
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
                outbound = new Outbound(new ServerEnvelope(note.Namespace, now, note.Payload).ToJson());
                rendered[key] = outbound;
            }
            connection.Tell(outbound);
        }
    }

    private void SendError(IActorRef connection, string ns, string error) =>
        connection.Tell(new Outbound(new ServerEnvelope(ns, Now, new ErrorPayload(error)).ToJson()));

    private void StartResumeTimer(Guid participantId, TimeSpan after) =>
        Timers.StartSingleTimer(ResumeTimerKey(participantId), new ResumeWindowEnded(participantId),
            after > TimeSpan.Zero ? after : TimeSpan.Zero);

    private void PassivateWhenEmpty()
    {
        if (State.Participants.IsEmpty)
            Context.Parent.Tell(new Passivate(PoisonPill.Instance));
    }

    private static string ResumeTimerKey(Guid participantId) => $"resume-{participantId}";

    private sealed record ResumeWindowEnded(Guid ParticipantId);
}
