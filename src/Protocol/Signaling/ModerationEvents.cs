namespace OpenTalk.Protocol.Signaling;

/// <summary>Waiting-room messages; the rest of moderation belongs to the modules.</summary>
public sealed record InWaitingRoom() : ServerPayload("in_waiting_room");

public sealed record Accepted() : ServerPayload("accepted");

/// <summary>To moderators: someone waits (a participant as OpenTalk lists one, with its <c>control</c> part).</summary>
public sealed record JoinedWaitingRoom(Guid Id, ControlState Control) : ServerPayload("joined_waiting_room");

/// <summary>Someone in the waiting room, as a moderator's <c>join_success</c> lists them: still waiting, or let in and not yet entered.</summary>
public sealed record WaitingParticipant(Guid Id, ControlState Control, WaitingRoomState WaitingRoomState);

public enum WaitingRoomState { Waiting, Accepted }

/// <summary>
/// The <c>moderation</c> part of <c>join_success</c>: whether hands may go up; moderators also learn whether the
/// waiting room is on and who waits in it (absent for everyone else).
/// </summary>
public sealed record ModerationModuleState(bool RaiseHandsEnabled)
{
    public bool? WaitingRoomEnabled { get; init; }

    public IReadOnlyList<WaitingParticipant>? WaitingRoomParticipants { get; init; }
}

public sealed record LeftWaitingRoom(Guid Id) : ServerPayload("left_waiting_room");

public sealed record Kicked() : ServerPayload("kicked");

public sealed record Banned() : ServerPayload("banned");

public sealed record SentToWaitingRoom() : ServerPayload("sent_to_waiting_room");

public sealed record SessionEnded(Guid IssuedBy) : ServerPayload("session_ended");

public sealed record DebriefingStarted(Guid IssuedBy) : ServerPayload("debriefing_started");

public sealed record WaitingRoomEnabled() : ServerPayload("waiting_room_enabled");

public sealed record WaitingRoomDisabled() : ServerPayload("waiting_room_disabled");

public sealed record RaiseHandsEnabled(Guid IssuedBy) : ServerPayload("raise_hands_enabled");

public sealed record RaiseHandsDisabled(Guid IssuedBy) : ServerPayload("raise_hands_disabled");

public sealed record DisplayNameChanged(Guid Target, Guid IssuedBy, string OldName, string NewName) : ServerPayload("display_name_changed");

public sealed record RaisedHandResetByModerator(Guid IssuedBy) : ServerPayload("raised_hand_reset_by_moderator");

/// <summary>In the <c>media</c> namespace: a moderator asks this participant to mute.</summary>
public sealed record RequestMute(Guid Issuer, bool Force) : ServerPayload("request_mute");

public static class ModerationActions
{
    public const string Accept = "accept";
}
