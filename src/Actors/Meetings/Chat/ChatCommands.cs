using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>Send a chat message; the id is chosen by the caller so a retry is recognisable.</summary>
public sealed record SendChatMessage(Guid RoomId, Guid ParticipantId, Guid MessageId, string Content, MessageScope Scope, Guid? Target, string? Group)
    : IParticipantCommand;

public sealed record SetChat(Guid RoomId, Guid ParticipantId, bool Enabled) : IParticipantCommand;

public sealed record ClearChatHistory(Guid RoomId, Guid ParticipantId) : IParticipantCommand;

public sealed record SetChatLastSeen(Guid RoomId, Guid ParticipantId, MessageScope Scope, Guid? Target, string? Group, DateTimeOffset Timestamp)
    : IParticipantCommand;

/// <summary>Questions that write nothing: answered to the asker from the current state.</summary>
public interface IMeetingQuery : IParticipantCommand;

public sealed record GetChatHistoryChunk(Guid RoomId, Guid ParticipantId, Guid? Before, int Count) : IMeetingQuery;

public sealed record SearchChatHistory(Guid RoomId, Guid ParticipantId, string Query) : IMeetingQuery;
