using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

public sealed record CreateWhisperGroup(RoomId RoomId, ParticipantId ParticipantId, Guid WhisperId, IReadOnlyList<Guid> Invite) : IParticipantCommand;

public sealed record InviteToWhisperGroup(RoomId RoomId, ParticipantId ParticipantId, Guid WhisperId, IReadOnlyList<Guid> Invite) : IParticipantCommand;

public sealed record AnswerWhisperInvite(RoomId RoomId, ParticipantId ParticipantId, Guid WhisperId, bool Accept) : IParticipantCommand;

public sealed record KickFromWhisperGroup(RoomId RoomId, ParticipantId ParticipantId, Guid WhisperId, IReadOnlyList<Guid> Targets) : IParticipantCommand;

public sealed record LeaveWhisperGroup(RoomId RoomId, ParticipantId ParticipantId, Guid WhisperId) : IParticipantCommand;
