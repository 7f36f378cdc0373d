using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Meetings;

/// <summary>The owner changes the room's password or waiting-room default (e.g. by editing its event).</summary>
public sealed record UpdateRoom(Guid RoomId, Guid UserId, string? Password, bool WaitingRoom) : IWithRoomId;

public sealed record RoomUpdated(
    [property: JsonPropertyName("password")] string? Password,
    [property: JsonPropertyName("waiting_room")] bool WaitingRoom) : DomainEvent;
