namespace OpenTalk.Protocol.Signaling;

public enum Role { Guest, User, Moderator }

public enum ParticipationKind { User, Guest, Sip, Recorder }

public enum LeftReason { Quit, Timeout, SentToWaitingRoom, Kicked, Banned }

/// <summary>The <c>control</c> part of a participant as others see it.</summary>
public sealed record ControlState(
    string DisplayName,
    Role Role,
    ParticipationKind ParticipationKind,
    bool HandIsUp,
    DateTimeOffset? HandUpdatedAt,
    DateTimeOffset JoinedAt,
    bool IsRoomOwner,
    bool IsConnected)
{
    /// <summary>
    /// When the participant left: always <c>null</c>, as only people in the room are listed. Written all the same,
    /// since OpenTalk's web app shows only participants whose <c>left_at</c> is <c>null</c>.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)]
    public DateTimeOffset? LeftAt => null;
}

public sealed record ParticipantInfo(Guid Id, ControlState Control, ParticipantMedia Media)
{
    /// <summary>Whether they said ready, while a timer with a ready check runs.</summary>
    public ParticipantTimer? Timer { get; init; }

    /// <summary>Whether they may be recorded, once they answered.</summary>
    public RecordingPeerState? Recording { get; init; }

    /// <summary>Whether they may only read the meeting notes, once the notes are started.</summary>
    public MeetingNotesPeerState? MeetingNotes { get; init; }
}

/// <summary>The room; the node adds <c>created_by</c> (a <see cref="RoomCreator"/>) from its user profiles when it sends the frame.</summary>
public sealed record RoomInfo(Guid Id, bool PasswordRequired, bool WaitingRoom);

/// <summary>Who created the room, as OpenTalk's <c>room_info.created_by</c> shows them (no id, no email: guests see it too).</summary>
public sealed record RoomCreator(string Title, string Firstname, string Lastname, string DisplayName, string AvatarUrl);

public sealed record JoinSuccess(
    Guid Id,
    string DisplayName,
    Role Role,
    bool IsRoomOwner,
    bool Resumed,
    RoomInfo RoomInfo,
    IReadOnlyList<ParticipantInfo> Participants) : ServerPayload("join_success")
{
    /// <summary>
    /// What each meeting module tells a participant who joins, under the module's name (<c>chat</c>, <c>media</c>,
    /// <c>timer</c> when one runs, ...): <see cref="ChatModuleState"/>, <see cref="MediaModuleState"/>,
    /// <see cref="TimerModuleState"/>, <see cref="PollModuleState"/>, <see cref="AutomodModuleState"/>,
    /// <see cref="LegalVoteModuleState"/>, <see cref="BreakoutModuleState"/>. A module with nothing to tell is absent.
    /// </summary>
    [System.Text.Json.Serialization.JsonExtensionData]
    public Dictionary<string, object> Modules { get; init; } = [];

    /// <summary>The node's tariff (OpenTalk's <c>TariffResource</c>): which modules the meeting offers.</summary>
    public object? Tariff { get; init; }
}

public sealed record Joined(Guid Id, ControlState Control, ParticipantMedia Media) : ServerPayload("joined")
{
    /// <summary>Whether they may be recorded, once they answered (the recorder leaves out whoever did not consent).</summary>
    public RecordingPeerState? Recording { get; init; }

    /// <summary>Whether they may only read the meeting notes, once the notes are started.</summary>
    public MeetingNotesPeerState? MeetingNotes { get; init; }
}

/// <summary>
/// The room is full (<see cref="ErrorCodes.ParticipantLimitReached"/>): the socket stays open and the client may send
/// <c>join</c> (or <c>enter_room</c>) again later; OpenTalk's web app does so every ten seconds.
/// </summary>
public sealed record JoinBlocked(string Reason) : ServerPayload("join_blocked");

public sealed record Update(Guid Id, ControlState Control, ParticipantMedia Media) : ServerPayload("update")
{
    /// <summary>Whether they may be recorded, once they answered.</summary>
    public RecordingPeerState? Recording { get; init; }

    /// <summary>Whether they may only read the meeting notes, once the notes are started.</summary>
    public MeetingNotesPeerState? MeetingNotes { get; init; }
}

public sealed record Left(Guid Id, LeftReason Reason) : ServerPayload("left");

public sealed record RoleUpdated(Role NewRole) : ServerPayload("role_updated");

/// <summary>To the one whose hand went up (OpenTalk's apps drive their own hand button by it); the others get <c>update</c>.</summary>
public sealed record HandRaisedNotice() : ServerPayload("hand_raised");

/// <summary>To the one whose hand went down, by themselves or a moderator.</summary>
public sealed record HandLoweredNotice() : ServerPayload("hand_lowered");

public sealed record Pong() : ServerPayload("pong");
