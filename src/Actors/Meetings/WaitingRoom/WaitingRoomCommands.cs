using OpenTalk.Actors.Participants;
using OpenTalk.Actors.Sharding;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

public sealed record AcceptFromWaitingRoom(RoomId RoomId, ParticipantId ParticipantId, ParticipantId Target) : IParticipantCommand;

public sealed record SendToWaitingRoom(RoomId RoomId, ParticipantId ParticipantId, ParticipantId Target) : IParticipantCommand;

public sealed record SetWaitingRoom(RoomId RoomId, ParticipantId ParticipantId, bool Enabled) : IParticipantCommand;

public sealed record AcceptAllWaiting(RoomId RoomId, ParticipantId ParticipantId) : IParticipantCommand;

/// <summary>From a breakout room to its main room: this person was removed there.</summary>
public sealed record WithdrawLetIn(Guid RoomId, ParticipantIdentity Identity) : IWithRoomId;
