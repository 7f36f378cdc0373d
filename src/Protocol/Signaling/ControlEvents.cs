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
    bool IsConnected);

public sealed record ParticipantInfo(Guid Id, ControlState Control, ParticipantMedia Media);

public sealed record RoomInfo(Guid Id, bool PasswordRequired, Guid CreatedBy, bool WaitingRoom);

public sealed record JoinSuccess(
    Guid Id,
    string DisplayName,
    Role Role,
    bool IsRoomOwner,
    bool Resumed,
    RoomInfo RoomInfo,
    IReadOnlyList<ParticipantInfo> Participants,
    ChatModuleState Chat,
    TimerModuleState? Timer,
    PollModuleState? Polls,
    AutomodModuleState? Automod,
    LegalVoteStartedPayload? LegalVote,
    BreakoutModuleState? Breakout,
    MediaModuleState Media) : ServerPayload("join_success");

public sealed record Joined(Guid Id, ControlState Control, ParticipantMedia Media) : ServerPayload("joined");

public sealed record Update(Guid Id, ControlState Control, ParticipantMedia Media) : ServerPayload("update");

public sealed record Left(Guid Id, LeftReason Reason) : ServerPayload("left");

public sealed record RoleUpdated(Role NewRole) : ServerPayload("role_updated");

public sealed record Pong() : ServerPayload("pong");
