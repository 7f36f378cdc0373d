using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Rest;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>The connection of a present participant went away (decided by the actor, which knows the refs).</summary>
public sealed record MarkDisconnected(Guid ParticipantId, string Reason);

/// <summary>The resume window of a disconnected participant ran out.</summary>
public sealed record ExpireResumption(Guid ParticipantId);

/// <summary>
/// Decides what a command means for a meeting: the events to write or the reason to refuse.
/// Pure: no I/O, no clock (the time comes in), no Akka.
/// </summary>
public static partial class MeetingDecider
{
    public const int MaxDisplayNameLength = 100;
    public const string AlreadyExists = "already_exists";

    public static Decision Decide(MeetingState state, object command, DateTimeOffset now)
    {
        var decision = DecideCommand(state, command, now);
        return decision.IsRejected || decision.Events.Count == 0 ? decision : WithSessionEnd(state, decision, now);
    }

    /// <summary>When the last person leaves, the session ends: bans and hand settings do not outlive it.</summary>
    private static Decision WithSessionEnd(MeetingState state, Decision decision, DateTimeOffset now)
    {
        // Only someone leaving can empty the room: skip the replay for every other decision.
        if (state.Participants.IsEmpty || !decision.Events.Any(e => e is ParticipantLeft))
            return decision;
        var after = decision.Events.Aggregate(state, MeetingEvolve.Apply);
        return after.Participants.IsEmpty && state.Exists
            ? new Decision([.. decision.Events, Stamp(new SessionClosed(), Actor.System, now)], null)
            : decision;
    }

    private static Decision DecideCommand(MeetingState state, object command, DateTimeOffset now)
    {
        if (command is CreateRoom create)
        {
            return state.Room is not null
                ? Decision.Reject(AlreadyExists)
                : Decision.Accept(Stamp(new RoomCreated(create.RoomId, create.OwnerId, create.Password, create.WaitingRoom),
                    Actor.User(create.OwnerId), now));
        }

        if (command is OpenBreakoutRoom open)
            return DecideOpenBreakoutRoom(state, open, now);
        if (command is CloseBreakoutRoom close)
            return DecideCloseBreakoutRoom(state, close, now);
        if (!state.Exists || state.Closed)
            return Decision.Reject(ProblemCodes.NotFound);
        if (MeetingModules.Decide(MeetingModules.All, state, command, now) is { } byModule)
            return byModule;

        return command switch
        {
            CreateInvite c => DecideInvite(state, c, now),
            ConfigureSip c when c.UserId != state.Room!.OwnerId => Decision.Reject(ProblemCodes.Forbidden),
            ConfigureSip c => Decision.Accept(Stamp(new SipConfigured(c.SipId, c.Pin), Actor.User(c.UserId), now)),
            RemoveSip c when c.UserId != state.Room!.OwnerId => Decision.Reject(ProblemCodes.Forbidden),
            RemoveSip c => state.Sip is null ? Decision.Reject(ProblemCodes.NotFound) : Decision.Accept(Stamp(new SipRemoved(), Actor.User(c.UserId), now)),
            SaveStreamingTarget c when !MayConfigure(state, c.UserId, c.AsAdmin) => Decision.Reject(ProblemCodes.Forbidden),
            SaveStreamingTarget c => state.StreamingTargets.GetValueOrDefault(c.Target.Id) == c.Target
                ? Decision.Nothing
                : Decision.Accept(Stamp(new StreamingTargetSaved(c.Target), Actor.User(c.UserId), now)),
            RemoveStreamingTarget c when !MayConfigure(state, c.UserId, c.AsAdmin) => Decision.Reject(ProblemCodes.Forbidden),
            RemoveStreamingTarget c => state.StreamingTargets.ContainsKey(c.TargetId)
                ? Decision.Accept(Stamp(new StreamingTargetRemoved(c.TargetId), Actor.User(c.UserId), now))
                : Decision.Reject(ProblemCodes.NotFound),
            SetInvitedModerators c when !MayConfigure(state, c.UserId, c.AsAdmin) => Decision.Reject(ProblemCodes.Forbidden),
            SetInvitedModerators c => state.InvitedModerators.SetEquals(c.Users)
                ? Decision.Nothing
                : Decision.Accept(Stamp(new InvitedModeratorsSet([.. c.Users.Distinct().Order()]), Actor.User(c.UserId), now)),
            RevokeInvite c when !MayConfigure(state, c.UserId, c.AsAdmin) => Decision.Reject(ProblemCodes.Forbidden),
            RevokeInvite c => state.Invites.ContainsKey(c.Code)
                ? Decision.Accept(Stamp(new InviteRevoked(c.Code), Actor.User(c.UserId), now))
                : Decision.Reject(ProblemCodes.NotFound),
            DeleteRoom c when c.UserId != Guid.Empty && !MayConfigure(state, c.UserId, c.AsAdmin) => Decision.Reject(ProblemCodes.Forbidden),
            DeleteRoom when !state.Participants.IsEmpty => Decision.Reject(ProblemCodes.RoomInUse),
            DeleteRoom c => Decision.Accept(Stamp(new RoomDeleted(), c.UserId == Guid.Empty ? Actor.System : Actor.User(c.UserId), now)),
            UpdateRoom c when c.UserId != state.Room!.OwnerId => Decision.Reject(ProblemCodes.Forbidden),
            UpdateRoom c => c.Password == state.Room!.Password && c.WaitingRoom == state.Room.WaitingRoom
                ? Decision.Nothing
                : Decision.Accept(Stamp(new RoomUpdated(c.Password, c.WaitingRoom), Actor.User(c.UserId), now)),
            Join c => DecideJoin(state, c, now),
            EnterRoom c => DecideEnterRoom(state, c, now),
            RaiseHand c => DecideHand(state, c.ParticipantId, raise: true, now),
            LowerHand c => DecideHand(state, c.ParticipantId, raise: false, now),
            GrantModeratorRole c => DecideGrant(state, c, now),
            RevokeModeratorRole c => DecideRevoke(state, c, now),
            AcceptFromWaitingRoom c => DecideAccept(state, c, now),
            Leave c => state.Find(c.ParticipantId) is null
                ? Decision.Reject(ErrorCodes.NotJoined)
                : Decision.Accept(Stamp(new ParticipantLeft(c.ParticipantId, LeftReason.Quit), Actor.Participant(c.ParticipantId), now)),
            MarkDisconnected c => state.Find(c.ParticipantId) is { IsConnected: true }
                ? Decision.Accept(Stamp(new ParticipantDisconnected(c.ParticipantId, c.Reason), Actor.System, now))
                : Decision.Nothing,
            ExpireResumption c => DecideExpiry(state, c.ParticipantId, now),
            SpeakingTimeUp c => DecideTimeUp(state, c, now),
            ExpireLegalVote c => DecideVoteExpiry(state, c, now),
            ExpireBreakout c => DecideBreakoutExpiry(state, c, now),
            IParticipantCommand c => DecideModule(state, c, now),
            _ => throw new ArgumentException($"A meeting cannot decide {command.GetType().Name}.", nameof(command)),
        };
    }

    /// <summary>
    /// The participant did not come back in time. One still marked connected never re-attached after
    /// the meeting recovered, so its disconnection is recorded first.
    /// </summary>
    private static Decision DecideExpiry(MeetingState state, Guid participantId, DateTimeOffset now) =>
        state.Find(participantId) switch
        {
            null => Decision.Nothing,
            { IsConnected: true } => Decision.Accept(
                Stamp(new ParticipantDisconnected(participantId, DisconnectReasons.NotReattached), Actor.System, now),
                Stamp(new ParticipantLeft(participantId, LeftReason.Timeout), Actor.System, now)),
            _ => Decision.Accept(Stamp(new ParticipantLeft(participantId, LeftReason.Timeout), Actor.System, now)),
        };

    /// <summary>Each module answers the commands it owns and returns null for the others; moderation comes last.</summary>
    private static readonly Func<MeetingState, IParticipantCommand, DateTimeOffset, Decision?>[] Modules =
        [DecideChat, DecideAutomod, DecideLegalVote, DecideWhisper, DecideBreakout, DecideMedia];

    private static Decision DecideModule(MeetingState state, IParticipantCommand command, DateTimeOffset now)
    {
        foreach (var module in Modules)
        {
            if (module(state, command, now) is { } decision)
                return decision;
        }
        return DecideModeration(state, command, now);
    }

    private static bool MayConfigure(MeetingState state, Guid user, bool asAdmin) => asAdmin || user == state.Room!.OwnerId;

    public static Role InitialRole(MeetingState state, ParticipantIdentity identity) =>
        state.IsOwner(identity) ? Role.Moderator
        : identity.Kind == ParticipationKind.User && identity.UserId is { } user && state.InvitedModerators.Contains(user) ? Role.Moderator
        : identity.Kind == ParticipationKind.Guest ? Role.Guest
        : Role.User;

    private static Decision DecideInvite(MeetingState state, CreateInvite c, DateTimeOffset now)
    {
        if (state.Room!.OwnerId != c.UserId)
            return Decision.Reject(ProblemCodes.Forbidden);
        if (c.Expiration is { } expiration && expiration <= now)
            return Decision.Reject(ProblemCodes.ValidationFailed);
        return Decision.Accept(Stamp(new InviteCreated(c.Code, c.Expiration), Actor.User(c.UserId), now));
    }

    private static Decision DecideJoin(MeetingState state, Join c, DateTimeOffset now)
    {
        if (CleanDisplayName(c.DisplayName) is not { } name)
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
                : Decision.Accept(Stamp(new ParticipantReconnected(c.ParticipantId), by, now));
        }

        var role = InitialRole(state, c.Identity);
        DomainEvent joined = state.Room!.WaitingRoom && role != Role.Moderator
            ? new ParticipantWaiting(c.ParticipantId, name, role, c.Identity)
            : new ParticipantJoined(c.ParticipantId, name, role, c.Identity);
        return Decision.Accept(Stamp(joined, by, now));
    }

    internal static string? CleanDisplayName(string raw)
    {
        var name = raw.Trim();
        return name.Length is 0 or > MaxDisplayNameLength || name.Any(char.IsControl) ? null : name;
    }

    private static Decision DecideEnterRoom(MeetingState state, EnterRoom c, DateTimeOffset now) =>
        state.Find(c.ParticipantId) switch
        {
            null => Decision.Reject(ErrorCodes.NotJoined),
            { Presence: Presence.InRoom } => Decision.Reject(ErrorCodes.AlreadyJoined),
            { Presence: Presence.Waiting } => Decision.Reject(ErrorCodes.NotAccepted),
            var p => Decision.Accept(Stamp(new ParticipantJoined(p.Id, p.DisplayName, p.Role, p.Identity),
                Actor.Participant(p.Id), now)),
        };

    private static Decision DecideHand(MeetingState state, Guid participantId, bool raise, DateTimeOffset now)
    {
        if (state.Find(participantId) is not { IsInRoom: true } participant)
            return Decision.Reject(ErrorCodes.NotJoined);
        if (participant.HandIsUp == raise)
            return Decision.Nothing;
        if (raise && !state.RaiseHandsEnabled)
            return Decision.Reject(ErrorCodes.RaiseHandsDisabled);
        DomainEvent evt = raise ? new HandRaised(participantId) : new HandLowered(participantId);
        return Decision.Accept(Stamp(evt, Actor.Participant(participantId), now));
    }

    private static Decision DecideGrant(MeetingState state, GrantModeratorRole c, DateTimeOffset now)
    {
        if (RequireModerator(state, c.ParticipantId) is { } refused)
            return refused;
        if (state.Find(c.Target) is not { IsInRoom: true } target)
            return Decision.Reject(ErrorCodes.TargetNotFound);
        if (target.Identity.Kind == ParticipationKind.Guest)
            return Decision.Reject(ErrorCodes.GuestCannotBeModerator);
        return target.IsModerator
            ? Decision.Nothing
            : Decision.Accept(Stamp(new ModeratorRoleGranted(c.Target), Actor.Participant(c.ParticipantId), now));
    }

    private static Decision DecideRevoke(MeetingState state, RevokeModeratorRole c, DateTimeOffset now)
    {
        if (RequireModerator(state, c.ParticipantId) is { } refused)
            return refused;
        if (state.Find(c.Target) is not { IsInRoom: true } target)
            return Decision.Reject(ErrorCodes.TargetNotFound);
        if (c.Target == c.ParticipantId)
            return Decision.Reject(ErrorCodes.CannotChangeOwnRole);
        if (state.IsOwner(target.Identity))
            return Decision.Reject(ErrorCodes.InsufficientPermissions);
        return !target.IsModerator
            ? Decision.Nothing
            : Decision.Accept(Stamp(new ModeratorRoleRevoked(c.Target), Actor.Participant(c.ParticipantId), now));
    }

    private static Decision DecideAccept(MeetingState state, AcceptFromWaitingRoom c, DateTimeOffset now)
    {
        if (RequireModerator(state, c.ParticipantId) is { } refused)
            return refused;
        return state.Find(c.Target) is { Presence: Presence.Waiting }
            ? Decision.Accept(Stamp(new ParticipantAccepted(c.Target), Actor.Participant(c.ParticipantId), now))
            : Decision.Reject(ErrorCodes.NotInWaitingRoom);
    }

    internal static Decision? RequireModerator(MeetingState state, Guid participantId) =>
        state.Find(participantId) switch
        {
            null or { IsInRoom: false } => Decision.Reject(ErrorCodes.NotJoined),
            { IsModerator: false } => Decision.Reject(ErrorCodes.InsufficientPermissions),
            _ => null,
        };

    internal static DomainEvent Stamp(DomainEvent evt, string by, DateTimeOffset now) =>
        evt with { By = by, OccurredAt = now };
}
