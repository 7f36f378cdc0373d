namespace OpenTalk.Protocol.Signaling;

/// <summary>Waiting-room messages; the rest of moderation belongs to the modules.</summary>
public sealed record InWaitingRoom() : ServerPayload("in_waiting_room");

public sealed record Accepted() : ServerPayload("accepted");

public sealed record JoinedWaitingRoom(Guid Id, string DisplayName) : ServerPayload("joined_waiting_room");

public sealed record LeftWaitingRoom(Guid Id) : ServerPayload("left_waiting_room");

public static class ModerationActions
{
    public const string Accept = "accept";
}
