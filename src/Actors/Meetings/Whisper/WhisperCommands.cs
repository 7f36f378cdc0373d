using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

public sealed record CreateWhisperGroup(Guid RoomId, Guid ParticipantId, Guid WhisperId, IReadOnlyList<Guid> Invite) : IParticipantCommand;

public sealed record InviteToWhisperGroup(Guid RoomId, Guid ParticipantId, Guid WhisperId, IReadOnlyList<Guid> Invite) : IParticipantCommand;

public sealed record AnswerWhisperInvite(Guid RoomId, Guid ParticipantId, Guid WhisperId, bool Accept) : IParticipantCommand;

public sealed record KickFromWhisperGroup(Guid RoomId, Guid ParticipantId, Guid WhisperId, IReadOnlyList<Guid> Targets) : IParticipantCommand;

public sealed record LeaveWhisperGroup(Guid RoomId, Guid ParticipantId, Guid WhisperId) : IParticipantCommand;
