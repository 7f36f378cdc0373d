using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

public sealed record AcceptFromWaitingRoom(Guid RoomId, Guid ParticipantId, Guid Target) : IParticipantCommand;

public sealed record SendToWaitingRoom(Guid RoomId, Guid ParticipantId, Guid Target) : IParticipantCommand;

public sealed record SetWaitingRoom(Guid RoomId, Guid ParticipantId, bool Enabled) : IParticipantCommand;

public sealed record AcceptAllWaiting(Guid RoomId, Guid ParticipantId) : IParticipantCommand;
