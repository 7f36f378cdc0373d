using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

public sealed record Kick(Guid RoomId, Guid ParticipantId, Guid Target) : IParticipantCommand;

public sealed record Ban(Guid RoomId, Guid ParticipantId, Guid Target) : IParticipantCommand;

public sealed record Debrief(Guid RoomId, Guid ParticipantId, DebriefScope Scope) : IParticipantCommand;

public sealed record ChangeDisplayName(Guid RoomId, Guid ParticipantId, Guid Target, string NewName) : IParticipantCommand;

public sealed record SetRaiseHands(Guid RoomId, Guid ParticipantId, bool Enabled) : IParticipantCommand;

/// <summary>Lower one participant's hand, or everyone's when <see cref="Target"/> is null.</summary>
public sealed record ResetRaisedHands(Guid RoomId, Guid ParticipantId, Guid? Target) : IParticipantCommand;

/// <summary>Ask participants to mute; an empty target list means everyone else in the room.</summary>
public sealed record RequestMuteOf(Guid RoomId, Guid ParticipantId, IReadOnlyList<Guid> Targets, bool Force) : IParticipantCommand;
