using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>Moderation: every command here needs a moderator in the room.</summary>
public static partial class MeetingDecider
{
    private static Decision DecideModeration(MeetingState state, IParticipantCommand command, DateTimeOffset now)
    {
        if (RequireModerator(state, command.ParticipantId) is { } refused)
            return refused;
        var by = Actor.Participant(command.ParticipantId);
        DomainEvent At(DomainEvent evt) => Stamp(evt, by, now);

        return command switch
        {
            Kick c => CheckTarget(state, c.ParticipantId, c.Target) ?? Decision.Accept(At(new ParticipantLeft(c.Target, LeftReason.Kicked))),
            Ban c => CheckTarget(state, c.ParticipantId, c.Target) ?? DecideBan(state, c.Target, At),
            SendToWaitingRoom c => CheckTarget(state, c.ParticipantId, c.Target)
                ?? (state.Participants[c.Target].Presence == Presence.Waiting
                    ? Decision.Nothing
                    : Decision.Accept(At(new ParticipantSentToWaitingRoom(c.Target)))),
            Debrief c => DecideDebrief(state, c, At),
            ChangeDisplayName c => DecideRename(state, c, At),
            SetWaitingRoom { Enabled: true } => state.Room!.WaitingRoom ? Decision.Nothing : Decision.Accept(At(new WaitingRoomTurnedOn())),
            SetWaitingRoom => state.Room!.WaitingRoom
                ? Decision.Accept([At(new WaitingRoomTurnedOff()), .. AcceptEveryoneWaiting(state, At)])
                : Decision.Nothing,
            SetRaiseHands { Enabled: true } => state.RaiseHandsEnabled ? Decision.Nothing : Decision.Accept(At(new RaiseHandsTurnedOn())),
            SetRaiseHands => state.RaiseHandsEnabled
                ? Decision.Accept([At(new RaiseHandsTurnedOff()), .. LowerHands(state, null, At)])
                : Decision.Nothing,
            ResetRaisedHands { Target: { } target } when state.Find(target) is not { IsInRoom: true } => Decision.Reject(ErrorCodes.TargetNotFound),
            ResetRaisedHands c => Decision.Accept([.. LowerHands(state, c.Target, At)]),
            RequestMuteOf c => DecideMute(state, c, At),
            AcceptAllWaiting => Decision.Accept([.. AcceptEveryoneWaiting(state, At)]),
            _ => throw new ArgumentException($"A meeting cannot decide {command.GetType().Name}.", nameof(command)),
        };
    }

    /// <summary>Kick, ban and send-away need a present target that is neither the issuer nor the owner.</summary>
    private static Decision? CheckTarget(MeetingState state, Guid issuer, Guid target) =>
        state.Find(target) switch
        {
            null => Decision.Reject(ErrorCodes.TargetNotFound),
            _ when target == issuer => Decision.Reject(ErrorCodes.CannotTargetSelf),
            var p when state.IsOwner(p.Identity) => Decision.Reject(ErrorCodes.CannotTargetRoomOwner),
            _ => null,
        };

    /// <summary>A banned user leaves with every other connection of the same account; a banned guest with everyone on the same invite.</summary>
    private static Decision DecideBan(MeetingState state, Guid target, Func<DomainEvent, DomainEvent> at)
    {
        var identity = state.Participants[target].Identity;
        var (user, invite) = identity.Kind == ParticipationKind.Guest ? ((Guid?)null, identity.InviteCode) : (identity.UserId, (string?)null);
        var banned = new ParticipantBanned(target, user, invite);
        var after = MeetingEvolve.Apply(state, banned);
        return Decision.Accept(
        [
            at(banned),
            .. state.Participants.Values.Where(p => after.IsBanned(p.Identity) && !state.IsOwner(p.Identity))
                .OrderBy(p => p.Id != target)
                .Select(p => at(new ParticipantLeft(p.Id, LeftReason.Banned))),
        ]);
    }

    /// <summary>Debriefing: the waiting room goes on and, by scope, guests or users too must leave.</summary>
    private static Decision DecideDebrief(MeetingState state, Debrief c, Func<DomainEvent, DomainEvent> at)
    {
        bool MustLeave(MeetingParticipant p) => p.Id != c.ParticipantId && c.Scope switch
        {
            KickScope.Guests => p.Identity.Kind == ParticipationKind.Guest,
            KickScope.UsersAndGuests => !p.IsModerator,
            _ => true,
        };
        return Decision.Accept(
        [
            at(new DebriefingBegan(c.Scope)),
            .. state.Room!.WaitingRoom ? Array.Empty<DomainEvent>() : [at(new WaitingRoomTurnedOn())],
            .. state.Participants.Values.Where(MustLeave).Select(p => at(new ParticipantLeft(p.Id, LeftReason.Kicked))),
        ]);
    }

    private static Decision DecideRename(MeetingState state, ChangeDisplayName c, Func<DomainEvent, DomainEvent> at)
    {
        if (state.Find(c.Target) is not { } target)
            return Decision.Reject(ErrorCodes.TargetNotFound);
        if (target.Identity.Kind is not (ParticipationKind.Guest or ParticipationKind.Sip))
            return Decision.Reject(ErrorCodes.OnlyGuestsCanBeRenamed);
        if (CleanDisplayName(c.NewName) is not { } name)
            return Decision.Reject(ErrorCodes.InvalidDisplayName);
        return name == target.DisplayName ? Decision.Nothing : Decision.Accept(at(new DisplayNameSet(c.Target, name)));
    }

    private static Decision DecideMute(MeetingState state, RequestMuteOf c, Func<DomainEvent, DomainEvent> at)
    {
        var targets = c.Targets.Count == 0
            ? [.. state.InRoom.Where(p => p.Id != c.ParticipantId).Select(p => p.Id)]
            : c.Targets.Distinct().ToList();
        if (targets.Any(t => state.Find(t) is not { IsInRoom: true }))
            return Decision.Reject(ErrorCodes.TargetNotFound);
        return targets.Count == 0 ? Decision.Nothing : Decision.Accept(at(new MuteRequested(targets, c.Force)));
    }

    private static IEnumerable<DomainEvent> AcceptEveryoneWaiting(MeetingState state, Func<DomainEvent, DomainEvent> at) =>
        state.Participants.Values.Where(p => p.Presence == Presence.Waiting).Select(p => at(new ParticipantAccepted(p.Id)));

    private static IEnumerable<DomainEvent> LowerHands(MeetingState state, Guid? only, Func<DomainEvent, DomainEvent> at) =>
        state.InRoom.Where(p => p.HandIsUp && (only is null || p.Id == only)).Select(p => at(new RaisedHandReset(p.Id)));
}
