using Akka.Actor;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Telemetry;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>Sockets: who is attached, re-attaching after a move, drops and the resume window.</summary>
public sealed partial class MeetingActor
{
    private void HandleJoin(Join join)
    {
        var decision = MeetingDecider.Decide(State, join, Now);
        if (decision.IsRejected)
        {
            CountJoin(join.ParticipantId, Outcomes.Refused, decision.Error);
            join.Connection.Tell(new CommandRefused(CommandRefused.Join, decision.Error!));
            return;
        }
        CountJoin(join.ParticipantId, decision.Events.Any(e => e is ParticipantWaiting) ? Outcomes.Waiting : Outcomes.Joined, null);
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

    private void CountJoin(Guid participantId, string outcome, string? error)
    {
        OpenTalkTelemetry.Joins.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (error is null)
            LogJoined(State.RoomId, participantId, outcome);
        else
            LogJoinRefused(State.RoomId, participantId, error);
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
            SettleInDoubt(reattach);
            return;
        }
        Attach(reattach.ParticipantId, reattach.Connection);
        if (participant.IsConnected)
        {
            reattach.Connection.Tell(new Attached(reattach.ParticipantId));
            Deliver(MeetingNotifications.Welcome(reattach.ParticipantId, State, resumed: true, reattach.LastChatMessage));
            SettleInDoubt(reattach);
            return;
        }
        PersistChained([new ParticipantReconnected(reattach.ParticipantId) { OccurredAt = Now, By = Actor.Participant(reattach.ParticipantId) }],
            Publish, () =>
            {
                reattach.Connection.Tell(new Attached(reattach.ParticipantId));
                SettleInDoubt(reattach);
            });
    }

    /// <summary>
    /// The chat messages a connection sent to this meeting's previous home, which died before it answered: stored if
    /// they are in the chat (the journal has them), lost otherwise (the client may send them again).
    /// </summary>
    private void SettleInDoubt(Reattach reattach)
    {
        foreach (var doubt in reattach.InDoubt)
            reattach.Connection.Tell(State.Chat.Messages.Any(m => m.Id == doubt.MessageId)
                ? new CommandStored(doubt.Number)
                : new CommandRefused(doubt.Number, ErrorCodes.MeetingUnavailable));
    }

    private void HandleLeave(Leave leave)
    {
        var decision = MeetingDecider.Decide(State, leave, Now);
        if (decision.IsRejected)
        {
            // Whoever asked, attached or not, hears why.
            Sender.Tell(new CommandRefused(_numbered, decision.Error!));
            return;
        }
        Detach(leave.ParticipantId, CloseReasons.Left);
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

    private void StartResumeTimer(Guid participantId, TimeSpan after) =>
        Timers.StartSingleTimer(ResumeTimerKey(participantId), new ResumeWindowEnded(participantId),
            after > TimeSpan.Zero ? after : TimeSpan.Zero);

    private static string ResumeTimerKey(Guid participantId) => $"resume-{participantId}";

    private sealed record ResumeWindowEnded(Guid ParticipantId);
}
