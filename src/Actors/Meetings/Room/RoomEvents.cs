using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Meetings;

public sealed record RoomCreated(
    [property: JsonPropertyName("room_id")] Guid RoomId,
    [property: JsonPropertyName("owner_id")] Guid OwnerId,
    [property: JsonPropertyName("password")] string? Password,
    [property: JsonPropertyName("waiting_room")] bool WaitingRoom) : DomainEvent;

public sealed record InviteCreated(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("expiration")] DateTimeOffset? Expiration) : DomainEvent;
