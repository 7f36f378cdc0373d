using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Meetings;

public sealed record RoomView(Guid RoomId, Guid OwnerId, string? Password, bool WaitingRoom);

/// <summary>Reply to REST-side commands: the result, or an error code from <c>ProblemCodes</c>.</summary>
public sealed record MeetingReply(RoomView? Room, string? Error) : IEngineMessage
{
    public static MeetingReply Ok(RoomView room) => new(room, null);

    public static MeetingReply Fail(string error) => new(null, error);
}

// Messages from a meeting to a participant's connection.

/// <summary>
/// A rendered message for a socket; <paramref name="ChatMessage"/> names the newest chat message it carries, if any;
/// <paramref name="IsJoinSuccess"/> marks the <c>join_success</c>, to which the connection adds what the node knows beyond the meeting;
/// <paramref name="SentAt"/> is when the meeting sent it (the fan-out latency is measured from there).
/// </summary>
public sealed record Outbound(string Json, Guid? ChatMessage = null, bool IsJoinSuccess = false, DateTimeOffset? SentAt = null) : IEngineMessage;

/// <summary>The participant is attached to the meeting (in the room or its waiting room).</summary>
public sealed record Attached(Guid ParticipantId) : IEngineMessage;

/// <summary>The participant left; the connection closes its socket with this reason.</summary>
public sealed record Detached(Guid ParticipantId, string Reason) : IEngineMessage;

/// <summary>
/// The meeting is being handed to another node (its node drains, or the shards rebalance); whatever the connection
/// sent before is answered, whatever it sends now follows to the new home. The connection attaches there, or, on a
/// draining node, closes its socket so the client resumes on another node.
/// </summary>
public sealed record MeetingMoving(Guid ParticipantId) : IEngineMessage;
