using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Meetings;

public sealed record RoomCreated(Guid RoomId, Guid OwnerId, string? Password, bool WaitingRoom) : DomainEvent;

public sealed record InviteCreated(string Code, DateTimeOffset? Expiration) : DomainEvent;
