using System.Collections.Immutable;
using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>Applies one event to the meeting state. Pure; used by recovery and live updates alike.</summary>
public static class MeetingEvolve
{
    public static MeetingState Apply(MeetingState state, DomainEvent evt) => evt switch
    {
        RoomCreated e => state with { Room = new RoomSettings(e.OwnerId, e.Password, e.WaitingRoom) },
        SipConfigured e => state with { Sip = new SipSettings(e.SipId, e.Pin) },
        SipRemoved => state with { Sip = null },
        StreamingTargetSaved e => state with { StreamingTargets = state.StreamingTargets.SetItem(e.Target.Id, e.Target) },
        StreamingTargetRemoved e => state with { StreamingTargets = state.StreamingTargets.Remove(e.TargetId) },
        InvitedModeratorsSet e => state with { InvitedModerators = [.. e.Users] },
        RoomDeleted => state with { Deleted = true },
        InviteRevoked e => state with { Invites = state.Invites.Remove(e.Code) },
        RoomUpdated e => state with { Room = state.Room! with { Password = e.Password, WaitingRoom = e.WaitingRoom } },
        InviteCreated e => state with
        {
            Invites = state.Invites.SetItem(e.Code, new InviteLink(e.Code, OwnerOf(state), e.Expiration)),
        },
        ParticipantJoined e => Put(state, new MeetingParticipant(
            e.ParticipantId, e.DisplayName, e.Role, e.Identity, Presence.InRoom, e.OccurredAt)),
        ParticipantWaiting e => Put(state, new MeetingParticipant(
            e.ParticipantId, e.DisplayName, e.Role, e.Identity, Presence.Waiting, e.OccurredAt)),
        ParticipantAccepted e => Change(state, e.ParticipantId, p => p with { Presence = Presence.Accepted }),
        ParticipantDisconnected e => Change(state, e.ParticipantId,
            p => p with { IsConnected = false, DisconnectedAt = e.OccurredAt }),
        ParticipantReconnected e => Change(state, e.ParticipantId,
            p => p with { IsConnected = true, DisconnectedAt = null }),
        ParticipantLeft e => state with
        {
            Participants = state.Participants.Remove(e.ParticipantId),
            Presenters = state.Presenters.Remove(e.ParticipantId),
            ForceMuted = state.ForceMuted.Remove(e.ParticipantId),
            Automod = state.Automod is { } a ? WithoutParticipant(a, e.ParticipantId, e.OccurredAt) : null,
            Whispers = WithoutMember(state.Whispers, e.ParticipantId),
        },
        HandRaised e => Change(state, e.ParticipantId, p => p with { HandIsUp = true, HandUpdatedAt = e.OccurredAt }),
        HandLowered e => Change(state, e.ParticipantId, p => p with { HandIsUp = false, HandUpdatedAt = e.OccurredAt }),
        ModeratorRoleGranted e => Change(state, e.ParticipantId, p => p with { Role = Role.Moderator }),
        ModeratorRoleRevoked e => Change(state, e.ParticipantId, p => p with { Role = Role.User }),
        ParticipantBanned e => state with
        {
            BannedUsers = e.UserId is { } user ? state.BannedUsers.Add(user) : state.BannedUsers,
            BannedInvites = e.InviteCode is { } invite ? state.BannedInvites.Add(invite) : state.BannedInvites,
        },
        // Out of the room means off the talking stick and out of whisper groups, as when leaving.
        ParticipantSentToWaitingRoom e => Change(state, e.ParticipantId,
            p => p with { Presence = Presence.Waiting, HandIsUp = false, HandUpdatedAt = e.OccurredAt, Media = p.Media.Clear() }) with
        {
            Automod = state.Automod is { } a ? WithoutParticipant(a, e.ParticipantId, e.OccurredAt) : null,
            Whispers = WithoutMember(state.Whispers, e.ParticipantId),
        },
        DebriefingBegan => state,
        WaitingRoomTurnedOn => state with { Room = state.Room! with { WaitingRoom = true } },
        WaitingRoomTurnedOff => state with { Room = state.Room! with { WaitingRoom = false } },
        RaiseHandsTurnedOn => state with { RaiseHandsEnabled = true },
        RaiseHandsTurnedOff => state with { RaiseHandsEnabled = false },
        DisplayNameSet e => Change(state, e.ParticipantId, p => p with { DisplayName = e.DisplayName }),
        RaisedHandReset e => Change(state, e.ParticipantId, p => p with { HandIsUp = false, HandUpdatedAt = e.OccurredAt }),
        MuteRequested e => e.Force ? state with { ForceMuted = state.ForceMuted.Union(e.Targets) } : state,
        MediaPublished e => Change(state, e.ParticipantId, p => p with
        {
            Media = p.Media.SetItem(e.Type, new PublishedMedia(e.Instance, e.Feed, false, false)),
        }),
        MediaSessionUpdated e => Change(state, e.ParticipantId, p => p.Media.TryGetValue(e.Type, out var m)
            ? p with { Media = p.Media.SetItem(e.Type, m with { Audio = e.Audio, Video = e.Video }) }
            : p),
        MediaUnpublished e => Change(state, e.ParticipantId, p => p with { Media = p.Media.Remove(e.Type) }),
        PresentersGranted e => state with { Presenters = state.Presenters.Union(e.Participants) },
        PresentersRevoked e => state with { Presenters = state.Presenters.Except(e.Participants) },
        PresenterRoleRequirementSet e => state with { PresenterRoleRequired = e.Required },
        UnmuteAllowedFor e => state with { ForceMuted = state.ForceMuted.Except(e.Participants) },
        WhisperAudioPlaced e => state.Whispers.TryGetValue(e.WhisperId, out var g)
            ? state with { Whispers = state.Whispers.SetItem(e.WhisperId, g with { AudioInstance = e.Instance }) }
            : state,
        // The session's chat goes with it (the journal keeps every message).
        SessionClosed => state with { BannedUsers = [], BannedInvites = [], RaiseHandsEnabled = true, Chat = ChatLog.Empty },
        ChatMessagePosted e => state with
        {
            Chat = state.Chat with
            {
                Messages = state.Chat.Messages.Add(new ChatEntry(e.MessageId, e.Source, e.OccurredAt, e.Content, e.Scope, e.Target, e.Group)),
            },
        },
        AutomodStarted e => state with
        {
            Automod = new Automod(e.Strategy, e.TimeLimit, e.AllowDoubleSelection, [.. e.Playlist], [], null, null),
        },
        SpeakerChanged e when state.Automod is { } a => state with { Automod = PassStick(a, e.Speaker, e.OccurredAt) },
        AutomodPlaylistEdited e when state.Automod is { } a => state with { Automod = a with { Remaining = [.. e.Playlist] } },
        AutomodStopped => state with { Automod = null },
        SpeakerChanged or AutomodPlaylistEdited => state,
        LegalVoteStarted e => state with
        {
            LegalVote = new LegalVote(e.VoteId, e.Name, e.Kind, [.. e.Allowed], [.. e.TokenHashes], e.EnableAbstain, e.AutoClose,
                e.OccurredAt, e.Duration, Actor.ParticipantOf(e.By) ?? Guid.Empty, []),
        },
        LegalVoteCast e when state.LegalVote is { } v && v.VoteId == e.VoteId => state with
        {
            LegalVote = v with
            {
                Votes = v.Votes.Add(new CastVote(e.ParticipantId, e.TokenHash, e.Option)),
                UnusedTokens = e.TokenHash is { } used ? v.UnusedTokens.Remove(used) : v.UnusedTokens,
            },
        },
        LegalVoteStopped e when state.LegalVote?.VoteId == e.VoteId => state with { LegalVote = null },
        LegalVoteCanceled e when state.LegalVote?.VoteId == e.VoteId => state with { LegalVote = null },
        LegalVoteCast or LegalVoteStopped or LegalVoteCanceled => state,
        WhisperGroupFormed e => state with
        {
            Whispers = state.Whispers.SetItem(e.WhisperId, new WhisperGroup(e.WhisperId, e.Creator,
                e.Invited.ToImmutableDictionary(id => id, _ => WhisperMemberState.Invited).SetItem(e.Creator, WhisperMemberState.Creator))),
        },
        WhisperInvited e => ChangeWhisper(state, e.WhisperId, g => g with
        {
            Members = g.Members.SetItems(e.Invited.Select(id => KeyValuePair.Create(id, WhisperMemberState.Invited))),
        }),
        WhisperAccepted e => ChangeWhisper(state, e.WhisperId, g => g with { Members = g.Members.SetItem(e.ParticipantId, WhisperMemberState.Accepted) }),
        WhisperDeclined e => ChangeWhisper(state, e.WhisperId, g => g.Without(e.ParticipantId)),
        WhisperKickedOut e => ChangeWhisper(state, e.WhisperId, g => g.Without(e.ParticipantId)),
        WhisperLeft e => ChangeWhisper(state, e.WhisperId, g => g.Without(e.ParticipantId)),
        BreakoutSessionStarted e => state with { Breakout = new BreakoutSession(e.Rooms, e.Assignments, e.OccurredAt, e.Duration) },
        BreakoutSessionEnded => state with { Breakout = null },
        BreakoutRoomOpened e => state with
        {
            Room = new RoomSettings(e.OwnerId, null, false), MainRoomId = e.MainRoomId, BreakoutName = e.Name,
        },
        BreakoutRoomClosed => state with { Closed = true },
        ChatTurnedOn => state with { Chat = state.Chat with { Enabled = true } },
        ChatTurnedOff => state with { Chat = state.Chat with { Enabled = false } },
        ChatHistoryCleared e => state with { Chat = state.Chat with { ClearedAt = e.OccurredAt, Messages = [] } },
        ChatLastSeenSet e => state with
        {
            Chat = state.Chat with
            {
                LastSeen = state.Chat.LastSeen.SetItem(e.ParticipantId,
                    state.Chat.LastSeen.GetValueOrDefault(e.ParticipantId, ImmutableDictionary<string, DateTimeOffset>.Empty)
                        .SetItem(e.Conversation, e.Timestamp)),
            },
        },
        _ => MeetingModules.Apply(MeetingModules.All, state, evt)
            ?? throw new ArgumentException($"A meeting cannot apply {evt.GetType().Name}.", nameof(evt)),
    };

    private static Automod PassStick(Automod automod, Guid? speaker, DateTimeOffset at) => automod with
    {
        History = automod.Speaker is { } previous ? automod.History.Add(previous) : automod.History,
        Remaining = speaker is { } next ? automod.Remaining.Remove(next) : automod.Remaining,
        Speaker = speaker,
        SpeakerSince = speaker is null ? null : at,
    };

    private static Automod WithoutParticipant(Automod automod, Guid participant, DateTimeOffset at) =>
        (automod.Speaker == participant ? PassStick(automod, null, at) : automod) with { Remaining = automod.Remaining.Remove(participant) };

    /// <summary>Changes a whisper group; one whose creator is gone closes.</summary>
    private static MeetingState ChangeWhisper(MeetingState state, Guid id, Func<WhisperGroup, WhisperGroup> change)
    {
        if (!state.Whispers.TryGetValue(id, out var group))
            return state;
        var changed = change(group);
        return state with { Whispers = changed.IsOver ? state.Whispers.Remove(id) : state.Whispers.SetItem(id, changed) };
    }

    private static ImmutableDictionary<Guid, WhisperGroup> WithoutMember(ImmutableDictionary<Guid, WhisperGroup> whispers, Guid participant) =>
        whispers.Values.Where(g => g.Members.ContainsKey(participant))
            .Aggregate(whispers, (all, g) => g.Without(participant) is { IsOver: false } left ? all.SetItem(g.WhisperId, left) : all.Remove(g.WhisperId));

    private static Guid OwnerOf(MeetingState state) => state.Room?.OwnerId ?? Guid.Empty;

    private static MeetingState Put(MeetingState state, MeetingParticipant participant) =>
        state with { Participants = state.Participants.SetItem(participant.Id, participant) };

    private static MeetingState Change(MeetingState state, Guid id, Func<MeetingParticipant, MeetingParticipant> change) =>
        state.Participants.TryGetValue(id, out var participant)
            ? state with { Participants = state.Participants.SetItem(id, change(participant)) }
            : state;
}
