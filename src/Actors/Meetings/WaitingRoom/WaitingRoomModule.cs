using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// The waiting room: when it is on, everyone but moderators waits (<see cref="ParticipantWaiting"/>) until a
/// moderator lets them in; moderators turn it on and off and send people back to it.
/// </summary>
public sealed class WaitingRoomModule : IMeetingModule
{
    public IReadOnlyList<(Type Type, string Manifest)> Events { get; } =
    [
        (typeof(ParticipantAccepted), "meeting.participant_accepted.v1"),
        (typeof(ParticipantSentToWaitingRoom), "meeting.participant_sent_to_waiting_room.v1"),
        (typeof(WaitingRoomTurnedOn), "meeting.waiting_room_turned_on.v1"),
        (typeof(WaitingRoomTurnedOff), "meeting.waiting_room_turned_off.v1"),
        (typeof(LetInWithdrawn), "meeting.let_in_withdrawn.v1"),
    ];

    public IReadOnlyList<Type> ReactsTo { get; } = [typeof(ParticipantJoined), typeof(ParticipantLeft), typeof(SessionClosed)];

    public Decision? Decide(MeetingState state, object command, DateTimeOffset now)
    {
        if (command is WithdrawLetIn withdraw)
            return state.LetIn.Values.Any(i => i.IsSamePerson(withdraw.Identity))
                ? Decision.Accept(MeetingDecider.Stamp(new LetInWithdrawn(withdraw.Identity), Actor.System, now))
                : Decision.Nothing;
        if (command is not (AcceptFromWaitingRoom or AcceptAllWaiting or SetWaitingRoom or SendToWaitingRoom))
            return null;
        var issuer = ((IParticipantCommand)command).ParticipantId;
        if (MeetingDecider.RequireModerator(state, issuer) is { } refused)
            return refused;
        DomainEvent At(DomainEvent evt) => MeetingDecider.Stamp(evt, Actor.Participant(issuer), now);

        return command switch
        {
            AcceptFromWaitingRoom c => state.Find(c.Target) is { Presence: Presence.Waiting }
                ? Decision.Accept(At(new ParticipantAccepted(c.Target)))
                : Decision.Reject(ErrorCodes.NotInWaitingRoom),
            AcceptAllWaiting => Decision.Accept([.. AcceptEveryoneWaiting(state, At)]),
            SetWaitingRoom { Enabled: true } => state.Room!.WaitingRoom ? Decision.Nothing : Decision.Accept(At(new WaitingRoomTurnedOn())),
            SetWaitingRoom => state.Room!.WaitingRoom
                ? Decision.Accept([At(new WaitingRoomTurnedOff()), .. AcceptEveryoneWaiting(state, At)])
                : Decision.Nothing,
            SendToWaitingRoom c => ModerationModule.CheckTarget(state, issuer, c.Target)
                ?? (state.Participants[c.Target].Presence == Presence.Waiting
                    ? Decision.Nothing
                    : Decision.Accept(At(new ParticipantSentToWaitingRoom(c.Target)))),
            _ => null,
        };
    }

    private static IEnumerable<DomainEvent> AcceptEveryoneWaiting(MeetingState state, Func<DomainEvent, DomainEvent> at) =>
        state.Participants.Values.Where(p => p.Presence == Presence.Waiting).Select(p => at(new ParticipantAccepted(p.Id)));

    public MeetingState? Apply(MeetingState state, DomainEvent evt) => evt switch
    {
        ParticipantAccepted e => MeetingEvolve.Change(state, e.ParticipantId, p => p with { Presence = Presence.Accepted }),
        // Back in the waiting room: hand down, media off (the talking stick and whisper groups let go of them too).
        ParticipantSentToWaitingRoom e => MeetingEvolve.Change(state, e.ParticipantId,
            p => p with { Presence = Presence.Waiting, HandIsUp = false, HandUpdatedAt = e.OccurredAt, Media = p.Media.Clear() })
            with { LetIn = state.LetIn.Remove(e.ParticipantId) },
        ParticipantJoined e when e.Identity.Kind != ParticipantKind.Recorder => state with { LetIn = state.LetIn.SetItem(e.ParticipantId, e.Identity) },
        LetInWithdrawn e => state with { LetIn = state.LetIn.RemoveRange(state.LetIn.Where(l => l.Value.IsSamePerson(e.Identity)).Select(l => l.Key)) },
        ParticipantLeft { Reason: LeaveReason.Kicked or LeaveReason.Banned } e => state with { LetIn = state.LetIn.Remove(e.ParticipantId) },
        SessionClosed when !state.LetIn.IsEmpty => state with { LetIn = state.LetIn.Clear() },
        WaitingRoomTurnedOn => state with { Room = state.Room! with { WaitingRoom = true } },
        WaitingRoomTurnedOff => state with { Room = state.Room! with { WaitingRoom = false } },
        _ => null,
    };

    /// <summary>Removed in a breakout room: the main room must not let them back past its waiting room either.</summary>
    public IEnumerable<MeetingEffect> Effects(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        ParticipantLeft { Reason: LeaveReason.Kicked or LeaveReason.Banned } e
            when before.MainRoomId is { } main && before.Find(e.ParticipantId) is { } removed
            => [new SendToMeeting(new WithdrawLetIn(main, removed.Identity))],
        _ => [],
    };

    public IEnumerable<Notification>? Notify(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        ParticipantAccepted e => [new Notification(e.ParticipantId, Namespaces.Moderation, new Accepted())],
        ParticipantSentToWaitingRoom e =>
        [
            new Notification(e.ParticipantId, Namespaces.Moderation, new SentToWaitingRoom()),
            new Notification(e.ParticipantId, Namespaces.Moderation, new InWaitingRoom()),
            .. MeetingNotifications.ToRoom(after, Namespaces.Control, new Left(e.ParticipantId, LeaveReason.SentToWaitingRoom.ToWire())),
            .. MeetingNotifications.ToModerators(after, Namespaces.Moderation,
                new JoinedWaitingRoom(e.ParticipantId, MeetingNotifications.ControlOf(after.Participants[e.ParticipantId], after))),
        ],
        WaitingRoomTurnedOn => MeetingNotifications.ToRoom(after, Namespaces.Moderation, new WaitingRoomEnabled()),
        WaitingRoomTurnedOff => MeetingNotifications.ToRoom(after, Namespaces.Moderation, new WaitingRoomDisabled()),
        _ => null,
    };
}
