using System.Collections.Immutable;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

public enum Presence { Waiting, Accepted, InRoom }

public sealed record MeetingParticipant(
    Guid Id,
    string DisplayName,
    Role Role,
    ParticipantIdentity Identity,
    Presence Presence,
    DateTimeOffset JoinedAt,
    bool HandIsUp = false,
    DateTimeOffset? HandUpdatedAt = null,
    bool IsConnected = true,
    DateTimeOffset? DisconnectedAt = null)
{
    public bool IsModerator => Role == Role.Moderator;

    public bool IsInRoom => Presence == Presence.InRoom;

    /// <summary>The sessions this participant publishes now.</summary>
    public ImmutableDictionary<MediaSessionType, PublishedMedia> Media { get; init; } = ImmutableDictionary<MediaSessionType, PublishedMedia>.Empty;
}

/// <summary>The live room. Immutable; changed only by <see cref="MeetingEvolve"/>.</summary>
public sealed record MeetingState(
    Guid RoomId,
    RoomSettings? Room,
    ImmutableDictionary<string, InviteLink> Invites,
    ImmutableDictionary<Guid, MeetingParticipant> Participants,
    string LastHash) : IChainedState<MeetingState>
{
    public static MeetingState Empty(Guid roomId) =>
        new(roomId, null, ImmutableDictionary<string, InviteLink>.Empty,
            ImmutableDictionary<Guid, MeetingParticipant>.Empty, HashChain.Genesis);

    public bool Exists => Room is not null && !Deleted;

    public IEnumerable<MeetingParticipant> InRoom => Participants.Values.Where(p => p.IsInRoom);

    public IEnumerable<MeetingParticipant> Waiting => Participants.Values.Where(p => !p.IsInRoom);

    public MeetingParticipant? Find(Guid id) => Participants.GetValueOrDefault(id);

    public bool IsOwner(ParticipantIdentity identity) =>
        Room is not null && identity.UserId == Room.OwnerId && identity.Kind == ParticipationKind.User;

    public MeetingState WithLastHash(string hash) => this with { LastHash = hash };

    public bool RaiseHandsEnabled { get; init; } = true;

    public ChatLog Chat { get; init; } = ChatLog.Empty;

    public RoomTimer? Timer { get; init; }

    public RoomPoll? Poll { get; init; }

    public SipSettings? Sip { get; init; }

    public ImmutableDictionary<Guid, StreamingTarget> StreamingTargets { get; init; } = ImmutableDictionary<Guid, StreamingTarget>.Empty;

    /// <summary>Registered users a scheduled meeting invited as moderators.</summary>
    public ImmutableHashSet<Guid> InvitedModerators { get; init; } = [];

    /// <summary>Participants a moderator granted screen sharing (moderators may always share).</summary>
    public ImmutableHashSet<Guid> Presenters { get; init; } = [];

    /// <summary>When true, sharing a screen needs the presenter role.</summary>
    public bool PresenterRoleRequired { get; init; }

    /// <summary>Participants a moderator force-muted: they cannot unmute until allowed.</summary>
    public ImmutableHashSet<Guid> ForceMuted { get; init; } = [];

    /// <summary>Who has the floor now (from Janus' talking events; not journaled).</summary>
    public Guid? Focus { get; init; }

    public bool IsPresenter(MeetingParticipant p) => p.IsModerator || !PresenterRoleRequired || Presenters.Contains(p.Id);

    /// <summary>Deleted by its owner or the ad-hoc clean-up: nobody can start a session any more.</summary>
    public bool Deleted { get; init; }

    public Automod? Automod { get; init; }

    public LegalVote? LegalVote { get; init; }

    public ImmutableDictionary<Guid, WhisperGroup> Whispers { get; init; } = ImmutableDictionary<Guid, WhisperGroup>.Empty;

    /// <summary>In a main room: the running breakout session.</summary>
    public BreakoutSession? Breakout { get; init; }

    /// <summary>In a breakout room: the main room it belongs to, and its name.</summary>
    public Guid? MainRoomId { get; init; }

    public string? BreakoutName { get; init; }

    /// <summary>A breakout room that has closed for good.</summary>
    public bool Closed { get; init; }

    public ImmutableHashSet<Guid> BannedUsers { get; init; } = [];

    public ImmutableHashSet<string> BannedInvites { get; init; } = [];

    public bool IsBanned(ParticipantIdentity identity) =>
        (identity.UserId is { } user && BannedUsers.Contains(user))
        || (identity.InviteCode is { } invite && identity.Kind == ParticipationKind.Guest && BannedInvites.Contains(invite));
}
