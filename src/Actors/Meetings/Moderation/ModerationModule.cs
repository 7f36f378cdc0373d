using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>Moderation: every command here needs a moderator in the room.</summary>
public sealed class ModerationModule : IMeetingModule
{
    public IReadOnlyList<(Type Type, string Manifest)> Events { get; } =
    [
        (typeof(ParticipantBanned), "meeting.participant_banned.v1"),
        (typeof(DebriefingBegan), "meeting.debriefing_began.v1"),
        (typeof(RaiseHandsTurnedOn), "meeting.raise_hands_turned_on.v1"),
        (typeof(RaiseHandsTurnedOff), "meeting.raise_hands_turned_off.v1"),
        (typeof(DisplayNameSet), "meeting.display_name_set.v1"),
        (typeof(RaisedHandReset), "meeting.raised_hand_reset.v1"),
        (typeof(MuteRequested), "meeting.mute_requested.v1"),
    ];

    /// <summary>Bans and the hand setting end with the session.</summary>
    public IReadOnlyList<Type> ReactsTo { get; } = [typeof(SessionClosed)];

    public Decision? Decide(MeetingState state, object command, DateTimeOffset now)
    {
        if (command is RemoveByAdmin admin)
            return DecideRemoveByAdmin(state, admin, now);
        if (command is not (Kick or Ban or Debrief or ChangeDisplayName or SetRaiseHands or ResetRaisedHands or RequestMuteOf))
            return null;
        var issuer = ((IParticipantCommand)command).ParticipantId;
        if (MeetingDecider.RequireModerator(state, issuer) is { } refused)
            return refused;
        DomainEvent At(DomainEvent evt) => MeetingDecider.Stamp(evt, Actor.Participant(issuer), now);

        return command switch
        {
            Kick c => CheckTarget(state, issuer, c.Target) ?? Decision.Accept(At(new ParticipantLeft(c.Target, LeaveReason.Kicked))),
            Ban c => CheckTarget(state, issuer, c.Target) ?? DecideBan(state, c.Target, At),
            Debrief c => DecideDebrief(state, c, At),
            ChangeDisplayName c => DecideRename(state, c, At),
            SetRaiseHands { Enabled: true } => state.RaiseHandsEnabled ? Decision.Nothing : Decision.Accept(At(new RaiseHandsTurnedOn())),
            SetRaiseHands => state.RaiseHandsEnabled
                ? Decision.Accept([At(new RaiseHandsTurnedOff()), .. LowerHands(state, null, At)])
                : Decision.Nothing,
            ResetRaisedHands { Targets: { } targets } when targets.Any(t => state.Find(t) is not { IsInRoom: true }) => Decision.Reject(ErrorCodes.TargetNotFound),
            ResetRaisedHands c => Decision.Accept([.. LowerHands(state, c.Targets, At)]),
            RequestMuteOf c => DecideMute(state, c, At),
            _ => null,
        };
    }

    private static Decision DecideRemoveByAdmin(MeetingState state, RemoveByAdmin c, DateTimeOffset now)
    {
        if (!state.Exists)
            return Decision.Reject(OpenTalk.Protocol.Rest.ProblemCodes.NotFound);
        if (c.Target is { } target && state.Find(target) is null)
            return Decision.Reject(OpenTalk.Protocol.Rest.ProblemCodes.NotFound);
        var leaving = c.Target is { } one ? [one] : state.Participants.Keys.ToList();
        return Decision.Accept([.. leaving.Select(id => MeetingDecider.Stamp(new ParticipantLeft(id, LeaveReason.Kicked), Actor.User(c.AdminId), now))]);
    }

    /// <summary>Kick, ban and send-away need a present target that is neither the issuer nor the owner.</summary>
    internal static Decision? CheckTarget(MeetingState state, Guid issuer, Guid target) =>
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
        var (user, invite) = identity.Kind == ParticipantKind.Guest ? ((Guid?)null, identity.InviteCode) : (identity.UserId, (string?)null);
        var banned = new ParticipantBanned(target, user, invite);
        var after = MeetingEvolve.Apply(state, banned);
        return Decision.Accept(
        [
            at(banned),
            .. state.Participants.Values.Where(p => after.IsBanned(p.Identity) && !state.IsOwner(p.Identity))
                .OrderBy(p => p.Id != target)
                .Select(p => at(new ParticipantLeft(p.Id, LeaveReason.Banned))),
        ]);
    }

    /// <summary>Debriefing: the waiting room goes on and, by scope, guests or users too must leave.</summary>
    private static Decision DecideDebrief(MeetingState state, Debrief c, Func<DomainEvent, DomainEvent> at)
    {
        bool MustLeave(MeetingParticipant p) => p.Id != c.ParticipantId && c.Scope switch
        {
            DebriefScope.Guests => p.Identity.Kind == ParticipantKind.Guest,
            DebriefScope.UsersAndGuests => !p.IsModerator,
            _ => true,
        };
        return Decision.Accept(
        [
            at(new DebriefingBegan(c.Scope)),
            .. state.Room!.WaitingRoom ? Array.Empty<DomainEvent>() : [at(new WaitingRoomTurnedOn())],
            .. state.Participants.Values.Where(MustLeave).Select(p => at(new ParticipantLeft(p.Id, LeaveReason.Kicked))),
        ]);
    }

    private static Decision DecideRename(MeetingState state, ChangeDisplayName c, Func<DomainEvent, DomainEvent> at)
    {
        if (state.Find(c.Target) is not { } target)
            return Decision.Reject(ErrorCodes.TargetNotFound);
        if (target.Identity.Kind is not (ParticipantKind.Guest or ParticipantKind.Sip))
            return Decision.Reject(ErrorCodes.OnlyGuestsCanBeRenamed);
        if (MeetingDecider.CleanDisplayName(c.NewName) is not { } name)
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

    private static IEnumerable<DomainEvent> LowerHands(MeetingState state, IReadOnlyList<Guid>? only, Func<DomainEvent, DomainEvent> at) =>
        state.InRoom.Where(p => p.HandIsUp && (only is null || only.Contains(p.Id))).Select(p => at(new RaisedHandReset(p.Id)));

    public MeetingState? Apply(MeetingState state, DomainEvent evt) => evt switch
    {
        ParticipantBanned e => state with
        {
            BannedUsers = e.UserId is { } user ? state.BannedUsers.Add(user) : state.BannedUsers,
            BannedInvites = e.InviteCode is { } invite ? state.BannedInvites.Add(invite) : state.BannedInvites,
        },
        DebriefingBegan => state,
        RaiseHandsTurnedOn => state with { RaiseHandsEnabled = true },
        RaiseHandsTurnedOff => state with { RaiseHandsEnabled = false },
        DisplayNameSet e => MeetingEvolve.Change(state, e.ParticipantId, p => p with { DisplayName = e.DisplayName }),
        RaisedHandReset e => MeetingEvolve.Change(state, e.ParticipantId, p => p with { HandIsUp = false, HandUpdatedAt = e.OccurredAt }),
        MuteRequested e => e.Force ? state with { ForceMuted = state.ForceMuted.Union(e.Targets) } : state,
        // Bans and the hand setting last for one session.
        SessionClosed => state with { BannedUsers = [], BannedInvites = [], RaiseHandsEnabled = true },
        _ => null,
    };

    public ModuleJoinState? JoinState(JoinContext join) => new(Namespaces.Moderation, join.Me.IsModerator
        ? new ModerationModuleState(join.State.RaiseHandsEnabled)
        {
            WaitingRoomEnabled = join.State.Room!.WaitingRoom,
            WaitingRoomParticipants = join.State.Participants.Values
                .Where(p => p.Presence != Presence.InRoom)
                .OrderBy(p => p.JoinedAt)
                .Select(p => new WaitingParticipant(p.Id, MeetingNotifications.ControlOf(p, join.State),
                    p.Presence == Presence.Waiting ? WaitingRoomState.Waiting : WaitingRoomState.Accepted))
                .ToList(),
        }
        : new ModerationModuleState(join.State.RaiseHandsEnabled));

    public IEnumerable<Notification>? Notify(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        DebriefingBegan e => MeetingNotifications.ToRoom(after, Namespaces.Moderation, new DebriefingStarted(MeetingNotifications.IssuerOf(e))),
        RaiseHandsTurnedOn e => MeetingNotifications.ToRoom(after, Namespaces.Moderation, new RaiseHandsEnabled(MeetingNotifications.IssuerOf(e))),
        RaiseHandsTurnedOff e => MeetingNotifications.ToRoom(after, Namespaces.Moderation, new RaiseHandsDisabled(MeetingNotifications.IssuerOf(e))),
        DisplayNameSet e => MeetingNotifications.UpdateToOthers(e.ParticipantId, after).Prepend(new Notification(e.ParticipantId, Namespaces.Moderation,
            new DisplayNameChanged(e.ParticipantId, MeetingNotifications.IssuerOf(e), before.Participants[e.ParticipantId].DisplayName, e.DisplayName))),
        RaisedHandReset e => MeetingNotifications.UpdateToOthers(e.ParticipantId, after)
            .Prepend(new Notification(e.ParticipantId, Namespaces.Control, new HandLoweredNotice()))
            .Prepend(new Notification(e.ParticipantId, Namespaces.Moderation, new RaisedHandResetByModerator(MeetingNotifications.IssuerOf(e)))),
        MuteRequested e => e.Targets.Select(t => new Notification(t, Namespaces.Media, new RequestMute(MeetingNotifications.IssuerOf(e), e.Force)))
            .Concat(e.Force ? e.Targets.SelectMany(t => MeetingNotifications.UpdateToOthers(t, after)) : []),
        _ => null,
    };
}
