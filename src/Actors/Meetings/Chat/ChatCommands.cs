using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>Send a chat message; the id is chosen by the caller so a retry is recognisable.</summary>
public sealed record SendChatMessage(RoomId RoomId, ParticipantId ParticipantId, Guid MessageId, string Content, MessageScope Scope, ParticipantId? Target, string? Group)
    : IParticipantCommand;

public sealed record SetChat(RoomId RoomId, ParticipantId ParticipantId, bool Enabled) : IParticipantCommand;

public sealed record ClearChatHistory(RoomId RoomId, ParticipantId ParticipantId) : IParticipantCommand;

public sealed record SetChatLastSeen(RoomId RoomId, ParticipantId ParticipantId, MessageScope Scope, ParticipantId? Target, string? Group, DateTimeOffset Timestamp)
    : IParticipantCommand;

/// <summary>Questions that write nothing: answered to the asker from the current state.</summary>
public interface IMeetingQuery : IParticipantCommand;

public sealed record GetChatHistoryChunk(RoomId RoomId, ParticipantId ParticipantId, Guid? Before, int Count) : IMeetingQuery;

public sealed record SearchChatHistory(RoomId RoomId, ParticipantId ParticipantId, string Query) : IMeetingQuery;
