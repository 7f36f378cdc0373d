using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Meetings;

// REST-side commands and queries; each is answered with one reply record.
public sealed record CreateRoom(Guid RoomId, Guid OwnerId, string? Password, bool WaitingRoom) : IWithRoomId, IRoomLifecycleCommand;

public sealed record GetRoom(Guid RoomId) : IWithRoomId;

public sealed record CreateInvite(Guid RoomId, Guid UserId, string Code, DateTimeOffset? Expiration) : IWithRoomId;
