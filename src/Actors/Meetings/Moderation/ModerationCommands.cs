using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

public sealed record Kick(RoomId RoomId, ParticipantId ParticipantId, ParticipantId Target) : IParticipantCommand;

public sealed record Ban(RoomId RoomId, ParticipantId ParticipantId, ParticipantId Target) : IParticipantCommand;

public sealed record Debrief(RoomId RoomId, ParticipantId ParticipantId, DebriefScope Scope) : IParticipantCommand;

public sealed record ChangeDisplayName(RoomId RoomId, ParticipantId ParticipantId, ParticipantId Target, string NewName) : IParticipantCommand;

public sealed record SetRaiseHands(RoomId RoomId, ParticipantId ParticipantId, bool Enabled) : IParticipantCommand;

/// <summary>Lower one participant's hand, or everyone's when <see cref="Target"/> is null.</summary>
/// <summary>Lower the hands of <paramref name="Targets"/>, or every raised hand when null.</summary>
public sealed record ResetRaisedHands(RoomId RoomId, ParticipantId ParticipantId, IReadOnlyList<Guid>? Targets) : IParticipantCommand;

/// <summary>Ask participants to mute; an empty target list means everyone else in the room.</summary>
public sealed record RequestMuteOf(RoomId RoomId, ParticipantId ParticipantId, IReadOnlyList<Guid> Targets, bool Force) : IParticipantCommand;

/// <summary>
/// An administrator of the server (not a moderator of the room) removes one participant, or everyone and so ends the
/// meeting (<paramref name="Target"/> null). The owner is no exception: the server's operators may end any meeting.
/// </summary>
public sealed record RemoveByAdmin(Guid RoomId, Guid AdminId, Guid? Target) : Sharding.IWithRoomId;
