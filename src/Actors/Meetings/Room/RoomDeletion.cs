using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// Deletes a room for good (its journal stays for the audit). Refused with <c>room_in_use</c> while anyone is
/// in it or waiting. <paramref name="UserId"/> is the owner, or <see cref="Guid.Empty"/> for the system's clean-up.
/// </summary>
public sealed record DeleteRoom(Guid RoomId, Guid UserId, bool AsAdmin) : IWithRoomId;

public sealed record RoomDeleted : DomainEvent;
