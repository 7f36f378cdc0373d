namespace OpenTalk.Protocol.Signaling;

public static class BreakoutActions
{
    public const string Start = "start";
    public const string Stop = "stop";
}

public sealed record BreakoutRoomInfo(Guid Id, string Name);

/// <summary>To everyone in the main room: the rooms, when they end, and where you are expected (null: stay).</summary>
public sealed record BreakoutStartedPayload(IReadOnlyList<BreakoutRoomInfo> Rooms, DateTimeOffset? Expires, Guid? Assignment)
    : ServerPayload("started");

public sealed record BreakoutStoppedPayload() : ServerPayload("stopped");

public sealed record BreakoutExpiredPayload() : ServerPayload("expired");

/// <summary>
/// The breakout part of <c>join_success</c>: in the main room the running session, in a breakout room where you are.
/// </summary>
public sealed record BreakoutModuleState(IReadOnlyList<BreakoutRoomInfo> Rooms, DateTimeOffset? Expires, Guid? Assignment, Guid? Current, Guid? MainRoom)
{
    /// <summary>
    /// OpenTalk's people in the session's other rooms. Each room is a meeting of its own that knows only who is in it, so
    /// the list is empty; OpenTalk's app needs it present (it throws without it).
    /// </summary>
    public IReadOnlyList<object> Participants { get; } = [];
}
