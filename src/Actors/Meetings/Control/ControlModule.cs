using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// Control and presence: joining (straight in, or into the waiting room), connections dropping and coming back,
/// leaving, hands, and the moderator role. The end of a session (<see cref="SessionClosed"/>) is written here
/// by the meeting itself; the modules that forget something then react to it.
/// </summary>
public sealed class ControlModule : IMeetingModule
{
    public IReadOnlyList<(Type Type, string Manifest)> Events { get; } =
    [
        (typeof(ParticipantJoined), "meeting.participant_joined.v1"),
        (typeof(ParticipantWaiting), "meeting.participant_waiting.v1"),
        (typeof(ParticipantDisconnected), "meeting.participant_disconnected.v1"),
        (typeof(ParticipantReconnected), "meeting.participant_reconnected.v1"),
        (typeof(ParticipantLeft), "meeting.participant_left.v1"),
        (typeof(HandRaised), "meeting.hand_raised.v1"),
        (typeof(HandLowered), "meeting.hand_lowered.v1"),
        (typeof(ModeratorRoleGranted), "meeting.moderator_role_granted.v1"),
        (typeof(ModeratorRoleRevoked), "meeting.moderator_role_revoked.v1"),
        (typeof(SessionClosed), "meeting.session_closed.v1"),
    ];

    public Decision? Decide(MeetingState state, object command, DateTimeOffset now) => command switch
    {
        Join c => DecideJoin(state, c, now),
        EnterRoom c => DecideEnterRoom(state, c, now),
        RaiseHand c => DecideHand(state, c.ParticipantId, raise: true, now),
        LowerHand c => DecideHand(state, c.ParticipantId, raise: false, now),
        GrantModeratorRole c => DecideGrant(state, c, now),
        RevokeModeratorRole c => DecideRevoke(state, c, now),
        Leave c => state.Find(c.ParticipantId) is null
            ? Decision.Reject(ErrorCodes.NotJoined)
            : Decision.Accept(MeetingDecider.Stamp(new ParticipantLeft(c.ParticipantId, LeaveReason.Quit), Actor.Participant(c.ParticipantId), now)),
        MarkDisconnected c => state.Find(c.ParticipantId) is { IsConnected: true }
            ? Decision.Accept(MeetingDecider.Stamp(new ParticipantDisconnected(c.ParticipantId, c.Reason), Actor.System, now))
            : Decision.Nothing,
        ExpireResumption c => DecideExpiry(state, c.ParticipantId, now),
        _ => null,
    };

    private static Decision DecideJoin(MeetingState state, Join c, DateTimeOffset now)
    {
        if (MeetingDecider.CleanDisplayName(c.DisplayName) is not { } name)
            return Decision.Reject(ErrorCodes.InvalidDisplayName);

        var by = Actor.Participant(c.ParticipantId);
        if (state.IsBanned(c.Identity))
            return Decision.Reject(ErrorCodes.Banned);
        if (state.Find(c.ParticipantId) is { } present)
        {
            // The same participant coming back (resumption or a second socket).
            if (!present.Identity.IsSamePerson(c.Identity))
                return Decision.Reject(ErrorCodes.InsufficientPermissions);
            return present.IsConnected
                ? Decision.Nothing
                : Decision.Accept(MeetingDecider.Stamp(new ParticipantReconnected(c.ParticipantId), by, now));
        }

        // The recorder comes when asked for, straight into the room, and takes nobody's place.
        if (c.Identity.Kind == ParticipantKind.Recorder)
            return RecordingModule.AwaitsRecorder(state)
                ? Decision.Accept(MeetingDecider.Stamp(new ParticipantJoined(c.ParticipantId, name, MeetingRole.User, c.Identity), by, now))
                : Decision.Reject(ErrorCodes.RecorderNotRequested);

        // A phone a moderator called comes in while its call is under way, past the waiting room: they asked for it.
        var calledIn = c.Identity.CallId is { } callId
            ? DialOutModule.AwaitsCallee(state, callId) ? true : (bool?)null
            : false;
        if (calledIn is null)
            return Decision.Reject(ErrorCodes.InsufficientPermissions);

        var role = MeetingDecider.InitialRole(state, c.Identity);
        if (state.Room!.WaitingRoom && role != MeetingRole.Moderator && calledIn == false && !state.LetIn.ContainsKey(c.ParticipantId))
            return Decision.Accept(MeetingDecider.Stamp(new ParticipantWaiting(c.ParticipantId, name, role, c.Identity), by, now));
        // A full room is checked when one comes in: waiting in the waiting room takes no place.
        return state.IsFull()
            ? Decision.Reject(ErrorCodes.ParticipantLimitReached)
            : Decision.Accept(MeetingDecider.Stamp(new ParticipantJoined(c.ParticipantId, name, role, c.Identity), by, now));
    }

    private static Decision DecideEnterRoom(MeetingState state, EnterRoom c, DateTimeOffset now) =>
        state.Find(c.ParticipantId) switch
        {
            null => Decision.Reject(ErrorCodes.NotJoined),
            { Presence: Presence.InRoom } => Decision.Reject(ErrorCodes.AlreadyJoined),
            { Presence: Presence.Waiting } => Decision.Reject(ErrorCodes.NotAccepted),
            _ when state.IsFull() => Decision.Reject(ErrorCodes.ParticipantLimitReached),
            var p => Decision.Accept(MeetingDecider.Stamp(new ParticipantJoined(p.Id, p.DisplayName, p.Role, p.Identity),
                Actor.Participant(p.Id), now)),
        };

    /// <summary>
    /// The participant did not come back in time. One still marked connected never re-attached after
    /// the meeting recovered, so its disconnection is recorded first.
    /// </summary>
    private static Decision DecideExpiry(MeetingState state, Guid participantId, DateTimeOffset now) =>
        state.Find(participantId) switch
        {
            null => Decision.Nothing,
            { IsConnected: true } => Decision.Accept(
                MeetingDecider.Stamp(new ParticipantDisconnected(participantId, DisconnectReasons.NotReattached), Actor.System, now),
                MeetingDecider.Stamp(new ParticipantLeft(participantId, LeaveReason.Timeout), Actor.System, now)),
            _ => Decision.Accept(MeetingDecider.Stamp(new ParticipantLeft(participantId, LeaveReason.Timeout), Actor.System, now)),
        };

    private static Decision DecideHand(MeetingState state, Guid participantId, bool raise, DateTimeOffset now)
    {
        if (MeetingDecider.RequireInRoom(state, participantId, out var participant) is { } refused)
            return refused;
        if (participant.HandIsUp == raise)
            return Decision.Nothing;
        if (raise && !state.RaiseHandsEnabled)
            return Decision.Reject(ErrorCodes.RaiseHandsDisabled);
        DomainEvent evt = raise ? new HandRaised(participantId) : new HandLowered(participantId);
        return Decision.Accept(MeetingDecider.Stamp(evt, Actor.Participant(participantId), now));
    }

    private static Decision DecideGrant(MeetingState state, GrantModeratorRole c, DateTimeOffset now)
    {
        if (MeetingDecider.RequireModerator(state, c.ParticipantId) is { } refused)
            return refused;
        if (state.Find(c.Target) is not { IsInRoom: true } target)
            return Decision.Reject(ErrorCodes.TargetNotFound);
        if (target.Identity.Kind == ParticipantKind.Guest)
            return Decision.Reject(ErrorCodes.GuestCannotBeModerator);
        return target.IsModerator
            ? Decision.Nothing
            : Decision.Accept(MeetingDecider.Stamp(new ModeratorRoleGranted(c.Target), Actor.Participant(c.ParticipantId), now));
    }

    private static Decision DecideRevoke(MeetingState state, RevokeModeratorRole c, DateTimeOffset now)
    {
        if (MeetingDecider.RequireModerator(state, c.ParticipantId) is { } refused)
            return refused;
        if (state.Find(c.Target) is not { IsInRoom: true } target)
            return Decision.Reject(ErrorCodes.TargetNotFound);
        if (c.Target == c.ParticipantId)
            return Decision.Reject(ErrorCodes.CannotChangeOwnRole);
        if (state.IsOwner(target.Identity))
            return Decision.Reject(ErrorCodes.InsufficientPermissions);
        return !target.IsModerator
            ? Decision.Nothing
            : Decision.Accept(MeetingDecider.Stamp(new ModeratorRoleRevoked(c.Target), Actor.Participant(c.ParticipantId), now));
    }

    public MeetingState? Apply(MeetingState state, DomainEvent evt) => evt switch
    {
        ParticipantJoined e => MeetingEvolve.Put(state, new MeetingParticipant(
            e.ParticipantId, e.DisplayName, e.Role, e.Identity, Presence.InRoom, e.OccurredAt)),
        ParticipantWaiting e => MeetingEvolve.Put(state, new MeetingParticipant(
            e.ParticipantId, e.DisplayName, e.Role, e.Identity, Presence.Waiting, e.OccurredAt)),
        ParticipantDisconnected e => MeetingEvolve.Change(state, e.ParticipantId,
            p => p with { IsConnected = false, DisconnectedAt = e.OccurredAt }),
        ParticipantReconnected e => MeetingEvolve.Change(state, e.ParticipantId,
            p => p with { IsConnected = true, DisconnectedAt = null }),
        ParticipantLeft e => state with { Participants = state.Participants.Remove(e.ParticipantId) },
        HandRaised e => MeetingEvolve.Change(state, e.ParticipantId, p => p with { HandIsUp = true, HandUpdatedAt = e.OccurredAt }),
        HandLowered e => MeetingEvolve.Change(state, e.ParticipantId, p => p with { HandIsUp = false, HandUpdatedAt = e.OccurredAt }),
        ModeratorRoleGranted e => MeetingEvolve.Change(state, e.ParticipantId, p => p with { Role = MeetingRole.Moderator }),
        ModeratorRoleRevoked e => MeetingEvolve.Change(state, e.ParticipantId, p => p with { Role = MeetingRole.User }),
        _ => null,
    };

    public IEnumerable<Notification>? Notify(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        ParticipantJoined e => JoinedRoom(e.ParticipantId, before.Find(e.ParticipantId) is not null, after),
        ParticipantWaiting e =>
        [
            new Notification(e.ParticipantId, Namespaces.Moderation, new InWaitingRoom()),
            .. MeetingNotifications.ToModerators(after, Namespaces.Moderation, new JoinedWaitingRoom(e.ParticipantId, MeetingNotifications.ControlOf(after.Participants[e.ParticipantId], after))),
        ],
        ParticipantReconnected e => MeetingNotifications.Welcome(e.ParticipantId, after, resumed: true)
            .Concat(MeetingNotifications.UpdateToOthers(e.ParticipantId, after)),
        ParticipantDisconnected e => MeetingNotifications.UpdateToOthers(e.ParticipantId, after),
        ParticipantLeft e when before.Find(e.ParticipantId) is { IsHidden: true } => Removed(e),
        ParticipantLeft e => Removed(e).Concat(before.Find(e.ParticipantId) is { IsInRoom: true }
            ? MeetingNotifications.ToRoom(after, Namespaces.Control, new Left(e.ParticipantId, e.Reason.ToWire()))
            : MeetingNotifications.ToModerators(after, Namespaces.Moderation, new LeftWaitingRoom(e.ParticipantId))),
        HandRaised e => MeetingNotifications.UpdateToOthers(e.ParticipantId, after)
            .Prepend(new Notification(e.ParticipantId, Namespaces.Control, new HandRaisedNotice())),
        HandLowered e => MeetingNotifications.UpdateToOthers(e.ParticipantId, after)
            .Prepend(new Notification(e.ParticipantId, Namespaces.Control, new HandLoweredNotice())),
        ModeratorRoleGranted e => RoleChanged(e.ParticipantId, MeetingRole.Moderator, after),
        ModeratorRoleRevoked e => RoleChanged(e.ParticipantId, MeetingRole.User, after),
        _ => null,
    };

    /// <summary>Someone removed by a moderator hears why, before the socket closes.</summary>
    private static IEnumerable<Notification> Removed(ParticipantLeft left) => left.Reason switch
    {
        LeaveReason.Kicked => [new Notification(left.ParticipantId, Namespaces.Moderation, new Kicked())],
        LeaveReason.Banned => [new Notification(left.ParticipantId, Namespaces.Moderation, new Banned())],
        _ => [],
    };

    private static IEnumerable<Notification> JoinedRoom(Guid id, bool cameFromWaitingRoom, MeetingState after)
    {
        var me = after.Participants[id];
        if (me.IsHidden)
            return MeetingNotifications.Welcome(id, after, resumed: false);
        var joined = MeetingNotifications.Welcome(id, after, resumed: false)
            .Concat(MeetingNotifications.ToRoom(after, Namespaces.Control,
                new Joined(id, MeetingNotifications.ControlOf(me, after), MeetingNotifications.MediaOf(me, after))
                {
                    Recording = RecordingModule.PeerOf(after, id),
                    MeetingNotes = MeetingNotesModule.PeerOf(after, id),
                }, except: id));
        return cameFromWaitingRoom
            ? joined.Concat(MeetingNotifications.ToModerators(after, Namespaces.Moderation, new LeftWaitingRoom(id), except: id))
            : joined;
    }

    private static IEnumerable<Notification> RoleChanged(Guid id, MeetingRole role, MeetingState after) =>
        MeetingNotifications.UpdateToOthers(id, after).Prepend(new Notification(id, Namespaces.Control, new RoleUpdated(role.ToWire())));
}
