using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

public enum Presence { Waiting, Accepted, InRoom }

public sealed record MeetingParticipant(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("display_name")] string DisplayName,
    [property: JsonPropertyName("role")] MeetingRole Role,
    [property: JsonPropertyName("identity")] ParticipantIdentity Identity,
    [property: JsonPropertyName("presence")] Presence Presence,
    [property: JsonPropertyName("joined_at")] DateTimeOffset JoinedAt,
    [property: JsonPropertyName("hand_is_up")] bool HandIsUp = false,
    [property: JsonPropertyName("hand_updated_at")] DateTimeOffset? HandUpdatedAt = null,
    [property: JsonPropertyName("is_connected")] bool IsConnected = true,
    [property: JsonPropertyName("disconnected_at")] DateTimeOffset? DisconnectedAt = null)
{
    [JsonPropertyName("is_moderator")]
    public bool IsModerator => Role == MeetingRole.Moderator;

    [JsonPropertyName("is_in_room")]
    public bool IsInRoom => Presence == Presence.InRoom;

    /// <summary>A service (the recorder) that takes part without being seen: nobody is shown it or hears about it.</summary>
    [JsonPropertyName("is_hidden")]
    [JsonIgnore]
    public bool IsHidden => Identity.Kind == ParticipantKind.Recorder;

    /// <summary>The sessions this participant publishes now.</summary>
    [JsonPropertyName("media")]
    public ImmutableDictionary<MediaKind, PublishedMedia> Media { get; init; } = ImmutableDictionary<MediaKind, PublishedMedia>.Empty;
}

/// <summary>The live room. Immutable; changed only by <see cref="MeetingEvolve"/>.</summary>
public sealed record MeetingState(
    [property: JsonPropertyName("room_id")] Guid RoomId,
    [property: JsonPropertyName("room")] RoomSettings? Room,
    [property: JsonPropertyName("invites")] ImmutableDictionary<string, InviteLink> Invites,
    [property: JsonPropertyName("participants")] ImmutableDictionary<Guid, MeetingParticipant> Participants,
    [property: JsonPropertyName("last_hash")] string LastHash) : IChainedState<MeetingState>
{
    public static MeetingState Empty(Guid roomId) =>
        new(roomId, null, ImmutableDictionary<string, InviteLink>.Empty,
            ImmutableDictionary<Guid, MeetingParticipant>.Empty, HashChain.Genesis);

    [JsonPropertyName("exists")]
    public bool Exists => Room is not null && !Deleted;

    /// <summary>The people in the room, as everyone sees them: hidden services (the recorder) are not among them.</summary>
    [JsonPropertyName("in_room")]
    public IEnumerable<MeetingParticipant> InRoom => Participants.Values.Where(p => p.IsInRoom && !p.IsHidden);

    /// <summary>The hidden services in the room (its recorder).</summary>
    public IEnumerable<MeetingParticipant> ServicesInRoom() => Participants.Values.Where(p => p.IsInRoom && p.IsHidden);

    [JsonPropertyName("waiting")]
    public IEnumerable<MeetingParticipant> Waiting => Participants.Values.Where(p => !p.IsInRoom);

    public MeetingParticipant? Find(Guid id) => Participants.GetValueOrDefault(id);

    public bool IsOwner(ParticipantIdentity identity) =>
        Room is not null && identity.UserId == Room.OwnerId && identity.Kind == ParticipantKind.User;

    public MeetingState WithLastHash(string hash) => this with { LastHash = hash };

    [JsonPropertyName("raise_hands_enabled")]
    public bool RaiseHandsEnabled { get; init; } = true;

    [JsonPropertyName("chat")]
    public ChatLog Chat { get; init; } = ChatLog.Empty;

    [JsonPropertyName("timer")]
    public RoomTimer? Timer { get; init; }

    /// <summary>Phones a moderator called whose callee has not joined yet, by call id.</summary>
    [JsonIgnore]
    public ImmutableDictionary<Guid, PendingDialOut> DialOuts { get; init; } = ImmutableDictionary<Guid, PendingDialOut>.Empty;

    /// <summary><see cref="DialOuts"/> as stored: absent when there are none, so states from before calls existed read the same.</summary>
    [JsonPropertyName("dial_outs")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableDictionary<Guid, PendingDialOut>? StoredDialOuts
    {
        get => DialOuts.IsEmpty ? null : DialOuts;
        init => DialOuts = value ?? ImmutableDictionary<Guid, PendingDialOut>.Empty;
    }

    [JsonPropertyName("poll")]
    public RoomPoll? Poll { get; init; }

    [JsonPropertyName("sip")]
    public SipSettings? Sip { get; init; }

    /// <summary>The recording and live streams of this session; null while there is nothing to remember.</summary>
    [JsonPropertyName("recording")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RoomRecording? Recording { get; init; }

    /// <summary>Files stored for the room (recordings), by id; null while it has none (and then not written).</summary>
    [JsonPropertyName("assets")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableDictionary<Guid, RoomAsset>? Assets { get; init; }

    /// <summary>The session's meeting notes, once a moderator started them (null before: then not written).</summary>
    [JsonPropertyName("notes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MeetingNotes? Notes { get; init; }

    /// <summary>The session's whiteboard document, once a moderator opened it (null before: then not written).</summary>
    [JsonPropertyName("whiteboard_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Guid? WhiteboardId { get; init; }

    /// <summary>What the running session's report needs (attendance, polls, votes); null between sessions (and then not written).</summary>
    [JsonPropertyName("session")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SessionRecord? Session { get; init; }

    /// <summary>How the meeting hands out access to its documents (the node's address and a key of this meeting's life: neither journaled nor written with the state).</summary>
    [JsonPropertyName("collab")]
    [JsonIgnore]
    public Collab.CollabAccess? Collab { get; init; }

    [JsonPropertyName("streaming_targets")]
    public ImmutableDictionary<Guid, StreamingTarget> StreamingTargets { get; init; } = ImmutableDictionary<Guid, StreamingTarget>.Empty;

    /// <summary>Registered users a scheduled meeting invited as moderators.</summary>
    [JsonPropertyName("invited_moderators")]
    public ImmutableHashSet<Guid> InvitedModerators { get; init; } = [];

    /// <summary>Participants a moderator granted screen sharing (moderators may always share).</summary>
    [JsonPropertyName("presenters")]
    public ImmutableHashSet<Guid> Presenters { get; init; } = [];

    /// <summary>When true, sharing a screen needs the presenter role.</summary>
    [JsonPropertyName("presenter_role_required")]
    public bool PresenterRoleRequired { get; init; }

    /// <summary>Participants a moderator force-muted: they cannot unmute until allowed.</summary>
    [JsonPropertyName("force_muted")]
    public ImmutableHashSet<Guid> ForceMuted { get; init; } = [];

    /// <summary>
    /// The room's microphone lock (OpenTalk's force mute): while set, only moderators and the people on it may unmute.
    /// Null while off (and then not written, so states stored before the lock existed read the same).
    /// </summary>
    [JsonPropertyName("force_mute_allow_list")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableHashSet<Guid>? ForceMuteAllowList { get; init; }

    /// <summary>Whether <paramref name="participant"/> may not unmute: muted one by one, or locked out by the room's lock.</summary>
    public bool IsForceMuted(Guid participant) =>
        ForceMuted.Contains(participant)
        || (ForceMuteAllowList is { } allowed && !allowed.Contains(participant) && Find(participant) is not { IsModerator: true });

    /// <summary>How many people the room may hold at once (the tariff's quota: configuration, neither journaled nor written with the state).</summary>
    [JsonPropertyName("participant_limit")]
    [JsonIgnore]
    public int? ParticipantLimit { get; init; }

    /// <summary>
    /// Whether one more person may come into the room. While breakout rooms run, the main room keeps the places of those
    /// sent to one (they come back); a breakout room itself takes whoever the main room sends.
    /// </summary>
    public bool IsFull()
    {
        if (ParticipantLimit is not { } limit || MainRoomId is not null)
            return false;
        var inRoom = InRoom.Select(p => p.Id).ToHashSet();
        var away = Breakout?.Assignments.Keys.Count(id => !inRoom.Contains(id)) ?? 0;
        return inRoom.Count + away >= limit;
    }

    /// <summary>Who speaks now, and since when (from Janus' talking events; neither journaled nor written with the state).</summary>
    [JsonPropertyName("speaking")]
    [JsonIgnore]
    public IReadOnlyDictionary<Guid, DateTimeOffset> Speaking { get; init; } = ImmutableDictionary<Guid, DateTimeOffset>.Empty;

    /// <summary>Who has the floor now (from Janus' talking events; not journaled).</summary>
    [JsonPropertyName("focus")]
    public Guid? Focus { get; init; }

    public bool IsPresenter(MeetingParticipant p) => p.IsModerator || !PresenterRoleRequired || Presenters.Contains(p.Id);

    /// <summary>Deleted by its owner or the ad-hoc clean-up: nobody can start a session any more.</summary>
    [JsonPropertyName("deleted")]
    public bool Deleted { get; init; }

    [JsonPropertyName("automod")]
    public Automod? Automod { get; init; }

    [JsonPropertyName("legal_vote")]
    public LegalVote? LegalVote { get; init; }

    [JsonPropertyName("whispers")]
    public ImmutableDictionary<Guid, WhisperGroup> Whispers { get; init; } = ImmutableDictionary<Guid, WhisperGroup>.Empty;

    /// <summary>In a main room: the running breakout session.</summary>
    [JsonPropertyName("breakout")]
    public BreakoutSession? Breakout { get; init; }

    /// <summary>
    /// In a main room: when its last breakout session ended. While nobody is back yet, the session closes
    /// <see cref="BreakoutModule.ReturnWait"/> after it; a room started again after a restart takes that wait up from here.
    /// </summary>
    [JsonPropertyName("breakout_ended_at")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? BreakoutEndedAt { get; init; }

    /// <summary>In a breakout room: the main room it belongs to, and its name.</summary>
    [JsonPropertyName("main_room_id")]
    public Guid? MainRoomId { get; init; }

    [JsonPropertyName("breakout_name")]
    public string? BreakoutName { get; init; }

    /// <summary>A breakout room that has closed for good.</summary>
    [JsonPropertyName("closed")]
    public bool Closed { get; init; }

    /// <summary>
    /// Participants let into the room during this session (a moderator's choice or no waiting room). One who left and
    /// comes back as the same participant (its resumption token: a reloaded page, back from a breakout room) is not
    /// made to wait again; one removed (here or in one of its breakout rooms) or sent back to the waiting room is
    /// taken off.
    /// </summary>
    [JsonIgnore]
    public ImmutableDictionary<Guid, ParticipantIdentity> LetIn { get; init; } = ImmutableDictionary<Guid, ParticipantIdentity>.Empty;

    /// <summary><see cref="LetIn"/> as stored: absent when empty, so states from before it existed read the same.</summary>
    [JsonPropertyName("let_in")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableDictionary<Guid, ParticipantIdentity>? StoredLetIn
    {
        get => LetIn.IsEmpty ? null : LetIn;
        init => LetIn = value ?? ImmutableDictionary<Guid, ParticipantIdentity>.Empty;
    }

    [JsonPropertyName("banned_users")]
    public ImmutableHashSet<Guid> BannedUsers { get; init; } = [];

    [JsonPropertyName("banned_invites")]
    public ImmutableHashSet<string> BannedInvites { get; init; } = [];

    public bool IsBanned(ParticipantIdentity identity) =>
        (identity.UserId is { } user && BannedUsers.Contains(user))
        || (identity.InviteCode is { } invite && identity.Kind == ParticipantKind.Guest && BannedInvites.Contains(invite));
}
