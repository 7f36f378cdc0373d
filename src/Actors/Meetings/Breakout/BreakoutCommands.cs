using OpenTalk.Actors.Participants;
using OpenTalk.Actors.Sharding;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

public sealed record BreakoutRoomRequest(Guid Id, string Name, IReadOnlyList<Guid> Assignments);

/// <summary>Open breakout rooms. Empty assignments everywhere: everyone but moderators is spread evenly, starting at <see cref="Dice"/>.</summary>
public sealed record StartBreakout(RoomId RoomId, ParticipantId ParticipantId, IReadOnlyList<BreakoutRoomRequest> Rooms, TimeSpan? Duration, int Dice)
    : IParticipantCommand;

public sealed record StopBreakout(RoomId RoomId, ParticipantId ParticipantId) : IParticipantCommand;

/// <summary>The main room's clock: the breakout session's time is up.</summary>
public sealed record ExpireBreakout(DateTimeOffset StartedAt) : IMeetingClockTick;

/// <summary>
/// The main room's clock after breakout rooms closed while it was empty: if nobody came back in the meantime, its
/// session ends as it would have when the last person left.
/// </summary>
public sealed record CloseSessionAfterBreakout(DateTimeOffset EndedAt) : IMeetingClockTick;

/// <summary>From the main room to a breakout room's entity.</summary>
public sealed record OpenBreakoutRoom(Guid RoomId, Guid MainRoomId, Guid OwnerId, string Name) : IWithRoomId, IRoomLifecycleCommand;

public sealed record CloseBreakoutRoom(Guid RoomId, string Reason) : IWithRoomId, IRoomLifecycleCommand;

/// <summary>May this person enter this breakout room? Asked of the main room before a ticket is issued.</summary>
public sealed record CheckBreakoutAdmission(Guid RoomId, Guid BreakoutRoomId, ParticipantIdentity Identity, string? Password) : IWithRoomId;
