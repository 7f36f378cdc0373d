using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>A server message for one participant.</summary>
public sealed record Notification(Guid To, string Namespace, ServerPayload Payload);

/// <summary>
/// Who hears about an event and what they are told. Pure: computed from the state after the event,
/// so a live update and a recovered meeting speak alike.
/// </summary>
public static class MeetingNotifications
{
    public static IEnumerable<Notification> For(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        ParticipantJoined e => JoinedRoom(e.ParticipantId, before.Find(e.ParticipantId) is not null, after),
        ParticipantWaiting e =>
        [
            new Notification(e.ParticipantId, Namespaces.Moderation, new InWaitingRoom()),
            .. ToModerators(after, Namespaces.Moderation, new JoinedWaitingRoom(e.ParticipantId, e.DisplayName)),
        ],
        ParticipantAccepted e => [new Notification(e.ParticipantId, Namespaces.Moderation, new Accepted())],
        ParticipantReconnected e => Welcome(e.ParticipantId, after, resumed: true)
            .Concat(UpdateToOthers(e.ParticipantId, after)),
        ParticipantDisconnected e => UpdateToOthers(e.ParticipantId, after),
        ParticipantLeft e => Removed(e, before).Concat(before.Find(e.ParticipantId) is { IsInRoom: true }
            ? ToRoom(after, Namespaces.Control, new Left(e.ParticipantId, e.Reason))
            : ToModerators(after, Namespaces.Moderation, new LeftWaitingRoom(e.ParticipantId))),
        HandRaised e => UpdateToAll(e.ParticipantId, after),
        HandLowered e => UpdateToAll(e.ParticipantId, after),
        ModeratorRoleGranted e => RoleChanged(e.ParticipantId, Role.Moderator, after),
        ModeratorRoleRevoked e => RoleChanged(e.ParticipantId, Role.User, after),
        ParticipantSentToWaitingRoom e =>
        [
            new Notification(e.ParticipantId, Namespaces.Moderation, new SentToWaitingRoom()),
            new Notification(e.ParticipantId, Namespaces.Moderation, new InWaitingRoom()),
            .. ToRoom(after, Namespaces.Control, new Left(e.ParticipantId, LeftReason.SentToWaitingRoom)),
            .. ToModerators(after, Namespaces.Moderation, new JoinedWaitingRoom(e.ParticipantId, after.Participants[e.ParticipantId].DisplayName)),
        ],
        DebriefingBegan e => ToRoom(after, Namespaces.Moderation, new DebriefingStarted(IssuerOf(e))),
        WaitingRoomTurnedOn => ToRoom(after, Namespaces.Moderation, new WaitingRoomEnabled()),
        WaitingRoomTurnedOff => ToRoom(after, Namespaces.Moderation, new WaitingRoomDisabled()),
        RaiseHandsTurnedOn e => ToRoom(after, Namespaces.Moderation, new RaiseHandsEnabled(IssuerOf(e))),
        RaiseHandsTurnedOff e => ToRoom(after, Namespaces.Moderation, new RaiseHandsDisabled(IssuerOf(e))),
        DisplayNameSet e => UpdateToAll(e.ParticipantId, after).Prepend(new Notification(e.ParticipantId, Namespaces.Moderation,
            new DisplayNameChanged(e.ParticipantId, IssuerOf(e), before.Participants[e.ParticipantId].DisplayName, e.DisplayName))),
        RaisedHandReset e => UpdateToAll(e.ParticipantId, after).Prepend(
            new Notification(e.ParticipantId, Namespaces.Moderation, new RaisedHandResetByModerator(IssuerOf(e)))),
        MuteRequested e => e.Targets.Select(t => new Notification(t, Namespaces.Media, new RequestMute(IssuerOf(e), e.Force)))
            .Concat(e.Force ? e.Targets.SelectMany(t => UpdateToAll(t, after)) : []),
        MediaPublished e => UpdateToAll(e.ParticipantId, after),
        MediaSessionUpdated e => UpdateToAll(e.ParticipantId, after),
        MediaUnpublished e => UpdateToAll(e.ParticipantId, after),
        PresentersGranted e => e.Participants.SelectMany(p => UpdateToAll(p, after).Prepend(new Notification(p, Namespaces.Media, new PresenterGranted()))),
        PresentersRevoked e => e.Participants.SelectMany(p => UpdateToAll(p, after).Prepend(new Notification(p, Namespaces.Media, new PresenterRevoked()))),
        PresenterRoleRequirementSet e => ToRoom(after, Namespaces.Media, new PresenterRoleRequired(e.Required))
            .Concat(after.InRoom.SelectMany(p => UpdateToAll(p.Id, after))),
        UnmuteAllowedFor e => e.Participants.SelectMany(p => UpdateToAll(p, after).Prepend(new Notification(p, Namespaces.Media, new UnmuteAllowed(IssuerOf(e))))),
        ChatMessagePosted e => ChatRecipients(e, after).Select(p => new Notification(p, Namespaces.Chat,
            new MessageSent(e.MessageId, e.Source, e.OccurredAt, e.Content, e.Scope, e.Target, e.Group))),
        AutomodStarted => ToRoom(after, Namespaces.Automod, new AutomodStartedPayload(after.Automod!.Config(), after.Automod.Remaining)),
        SpeakerChanged when after.Automod is { } automod => ToRoom(after, Namespaces.Automod, automod.Update()),
        AutomodPlaylistEdited when after.Automod is { } automod => ToRoom(after, Namespaces.Automod, new RemainingUpdated(automod.Remaining)),
        AutomodStopped => ToRoom(after, Namespaces.Automod, new AutomodStoppedPayload()),
        LegalVoteStarted => ToRoom(after, Namespaces.LegalVote, after.LegalVote!.Started()),
        LegalVoteCast e => VoteCastNotifications(e, before, after),
        LegalVoteStopped e => ToRoom(after, Namespaces.LegalVote, new LegalVoteStoppedPayload(e.VoteId, e.Kind,
            new VoteTally(e.Yes, e.No, e.Abstain), before.LegalVote is { } v && v.VoteId == e.VoteId ? v.Votes : [], e.VotesDigest)),
        LegalVoteCanceled e => ToRoom(after, Namespaces.LegalVote, new LegalVoteCanceledPayload(e.VoteId, e.Reason)),
        WhisperGroupFormed e => WhisperFormed(e, after),
        WhisperInvited e => WhisperInvites(e, before, after),
        WhisperAccepted e => ToWhisper(before, e.WhisperId, new WhisperInviteAccepted(e.WhisperId, e.ParticipantId)),
        WhisperDeclined e => ToWhisper(before, e.WhisperId, new WhisperInviteDeclined(e.WhisperId, e.ParticipantId)),
        WhisperKickedOut e => ToWhisper(before, e.WhisperId, new LeftWhisperGroup(e.WhisperId, e.ParticipantId), except: e.ParticipantId)
            .Prepend(new Notification(e.ParticipantId, Namespaces.SubroomAudio, new WhisperKicked(e.WhisperId))),
        WhisperLeft e => ToWhisper(before, e.WhisperId, new LeftWhisperGroup(e.WhisperId, e.ParticipantId)),
        BreakoutSessionStarted => after.InRoom.Select(p => new Notification(p.Id, Namespaces.Breakout, after.Breakout!.StartedFor(p.Id))),
        BreakoutSessionEnded e => ToRoom(after, Namespaces.Breakout, BreakoutEnd(e.Reason)),
        BreakoutRoomClosed e => ToRoom(before, Namespaces.Breakout, BreakoutEnd(e.Reason)),
        ChatTurnedOn e => ToRoom(after, Namespaces.Chat, new ChatEnabled(IssuerOf(e))),
        ChatTurnedOff e => ToRoom(after, Namespaces.Chat, new ChatDisabled(IssuerOf(e))),
        ChatHistoryCleared e => ToRoom(after, Namespaces.Chat, new HistoryCleared(IssuerOf(e))),
        _ => MeetingModules.Notify(MeetingModules.All, evt, before, after) ?? [],
    };

    /// <summary>Someone removed by a moderator hears why, before the socket closes.</summary>
    private static IEnumerable<Notification> Removed(ParticipantLeft left, MeetingState before) => left.Reason switch
    {
        LeftReason.Kicked => [new Notification(left.ParticipantId, Namespaces.Moderation, new Kicked())],
        LeftReason.Banned => [new Notification(left.ParticipantId, Namespaces.Moderation, new Banned())],
        _ => [],
    };

    /// <summary>A private message reaches its two people; a group message the group's members in the room.</summary>
    private static IEnumerable<Guid> ChatRecipients(ChatMessagePosted e, MeetingState state) => e.Scope switch
    {
        ChatScope.Private => [e.Source, e.Target!.Value],
        ChatScope.Group => state.InRoom.Where(p => p.Identity.IsInGroup(e.Group!)).Select(p => p.Id),
        _ => state.InRoom.Select(p => p.Id),
    };

    /// <summary>The voter hears the vote was taken; everyone sees the running tally (and, in a roll call, who voted what).</summary>
    private static IEnumerable<Notification> VoteCastNotifications(LegalVoteCast e, MeetingState before, MeetingState after)
    {
        var vote = after.LegalVote ?? before.LegalVote!;
        var votes = after.LegalVote is { } running ? running.Votes : before.LegalVote!.Votes.Add(new CastVote(e.ParticipantId, e.TokenHash, e.Option));
        var tally = (vote with { Votes = votes }).Tally();
        var voter = Actor.ParticipantOf(e.By);
        return (voter is { } id ? [new Notification(id, Namespaces.LegalVote, new VotedPayload(e.VoteId, e.Option))] : Array.Empty<Notification>())
            .Concat(ToRoom(after, Namespaces.LegalVote, new LegalVoteUpdated(e.VoteId, tally, vote.Kind == LegalVoteKind.RollCall ? votes : [])));
    }

    private static IEnumerable<Notification> WhisperFormed(WhisperGroupFormed e, MeetingState after)
    {
        var group = after.Whispers[e.WhisperId];
        return e.Invited.Select(id => new Notification(id, Namespaces.SubroomAudio, new WhisperInvite(e.WhisperId, e.Creator, group.View())))
            .Prepend(new Notification(e.Creator, Namespaces.SubroomAudio, new WhisperGroupCreated(e.WhisperId, group.View())));
    }

    private static IEnumerable<Notification> WhisperInvites(WhisperInvited e, MeetingState before, MeetingState after)
    {
        var group = after.Whispers[e.WhisperId];
        var issuer = Actor.ParticipantOf(e.By) ?? group.Creator;
        return ToWhisper(before, e.WhisperId, new ParticipantsInvited(e.WhisperId, e.Invited))
            .Concat(e.Invited.Select(id => new Notification(id, Namespaces.SubroomAudio, new WhisperInvite(e.WhisperId, issuer, group.View()))));
    }

    /// <summary>Only the group's members (as they were before the event) hear about it.</summary>
    private static IEnumerable<Notification> ToWhisper(MeetingState before, Guid whisperId, ServerPayload payload, Guid? except = null) =>
        before.Whispers.TryGetValue(whisperId, out var group)
            ? group.Members.Keys.Where(id => id != except).Select(id => new Notification(id, Namespaces.SubroomAudio, payload))
            : [];

    private static ServerPayload BreakoutEnd(string reason) =>
        reason == BreakoutSessionEnded.Expired ? new BreakoutExpiredPayload() : new BreakoutStoppedPayload();

    private static Guid IssuerOf(DomainEvent evt) => Actor.ParticipantOf(evt.By) ?? Guid.Empty;

    /// <summary>
    /// What a participant is told when (re)attached: the full room, or that it waits. Given the last chat
    /// message its client received, the history reaches back to it (if the log still holds it), so a
    /// client that lost live messages while its meeting moved gets every one of them.
    /// </summary>
    public static IEnumerable<Notification> Welcome(Guid participantId, MeetingState state, bool resumed, Guid? lastChatMessage = null) =>
        state.Find(participantId) switch
        {
            null => [],
            { Presence: Presence.InRoom } => [new Notification(participantId, Namespaces.Control, JoinSuccessFor(participantId, state, resumed, lastChatMessage))],
            { Presence: Presence.Accepted } => [new Notification(participantId, Namespaces.Moderation, new Accepted())],
            _ => [new Notification(participantId, Namespaces.Moderation, new InWaitingRoom())],
        };

    public static JoinSuccess JoinSuccessFor(Guid participantId, MeetingState state, bool resumed, Guid? lastChatMessage = null)
    {
        var me = state.Participants[participantId];
        var room = state.Room!;
        return new JoinSuccess(
            me.Id, me.DisplayName, me.Role, state.IsOwner(me.Identity), resumed,
            new RoomInfo(state.RoomId, room.Password is not null, room.OwnerId, room.WaitingRoom),
            state.InRoom.Where(p => p.Id != participantId)
                .OrderBy(p => p.JoinedAt)
                .Select(p => new ParticipantInfo(p.Id, ControlOf(p, state), MediaOf(p, state)))
                .ToList(),
            ChatFor(me, state, lastChatMessage),
            state.Timer?.ModuleState(),
            state.Poll is { } poll
                ? new PollModuleState(poll.Started(), poll.Votes.GetValueOrDefault(RoomPoll.VoterOf(me), []), poll.Live ? poll.Results() : null)
                : null,
            state.Automod?.ModuleState(),
            state.LegalVote?.Started(),
            BreakoutFor(me, state),
            new MediaModuleState(state.IsPresenter(me), state.PresenterRoleRequired, state.ForceMuted.Contains(me.Id), state.Focus));
    }

    private static BreakoutModuleState? BreakoutFor(MeetingParticipant me, MeetingState state) =>
        state.MainRoomId is { } main ? new BreakoutModuleState([], null, null, state.RoomId, main)
        : state.Breakout is { } session ? new BreakoutModuleState(session.Infos(), session.Expires,
            session.Assignments.TryGetValue(me.Id, out var room) ? room : null, null, null)
        : null;

    private static ChatModuleState ChatFor(MeetingParticipant me, MeetingState state, Guid? lastChatMessage)
    {
        var history = MeetingQueries.Since(state, me, lastChatMessage, ChatLog.HistoryInJoin);
        return new ChatModuleState(state.Chat.Enabled, history.Messages, history.HasMore,
            state.Chat.LastSeen.GetValueOrDefault(me.Id)?.ToDictionary() ?? []);
    }

    public static ParticipantMedia MediaOf(MeetingParticipant p, MeetingState state) => new(
        p.Media.TryGetValue(MediaSessionType.Video, out var video) ? new MediaSessionState(video.Audio, video.Video) : null,
        p.Media.TryGetValue(MediaSessionType.Screen, out var screen) ? new MediaSessionState(screen.Audio, screen.Video) : null,
        state.IsPresenter(p), state.ForceMuted.Contains(p.Id));

    public static ControlState ControlOf(MeetingParticipant p, MeetingState state) =>
        new(p.DisplayName, p.Role, p.Identity.Kind, p.HandIsUp, p.HandUpdatedAt, p.JoinedAt,
            state.IsOwner(p.Identity), p.IsConnected);

    private static IEnumerable<Notification> JoinedRoom(Guid id, bool cameFromWaitingRoom, MeetingState after)
    {
        var me = after.Participants[id];
        var joined = Welcome(id, after, resumed: false)
            .Concat(ToRoom(after, Namespaces.Control, new Joined(id, ControlOf(me, after), MediaOf(me, after)), except: id));
        return cameFromWaitingRoom
            ? joined.Concat(ToModerators(after, Namespaces.Moderation, new LeftWaitingRoom(id), except: id))
            : joined;
    }

    private static IEnumerable<Notification> RoleChanged(Guid id, Role role, MeetingState after) =>
        UpdateToAll(id, after).Prepend(new Notification(id, Namespaces.Control, new RoleUpdated(role)));

    private static IEnumerable<Notification> UpdateToAll(Guid id, MeetingState after) =>
        after.Find(id) is { } p ? ToRoom(after, Namespaces.Control, new Update(id, ControlOf(p, after), MediaOf(p, after))) : [];

    private static IEnumerable<Notification> UpdateToOthers(Guid id, MeetingState after) =>
        after.Find(id) is { IsInRoom: true } p
            ? ToRoom(after, Namespaces.Control, new Update(id, ControlOf(p, after), MediaOf(p, after)), except: id)
            : [];

    internal static IEnumerable<Notification> ToRoom(MeetingState state, string ns, ServerPayload payload, Guid? except = null) =>
        state.InRoom.Where(p => p.Id != except).Select(p => new Notification(p.Id, ns, payload));

    private static IEnumerable<Notification> ToModerators(MeetingState state, string ns, ServerPayload payload, Guid? except = null) =>
        state.InRoom.Where(p => p.IsModerator && p.Id != except).Select(p => new Notification(p.Id, ns, payload));
}
