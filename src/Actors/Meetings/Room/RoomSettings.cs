using System.Text.Json.Serialization;

namespace OpenTalk.Actors.Meetings;

public sealed record RoomSettings(
    [property: JsonPropertyName("owner_id")] Guid OwnerId,
    [property: JsonPropertyName("password")] string? Password,
    [property: JsonPropertyName("waiting_room")] bool WaitingRoom);

public sealed record InviteLink(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("created_by")] Guid CreatedBy,
    [property: JsonPropertyName("expiration")] DateTimeOffset? Expiration)
{
    public bool IsValidAt(DateTimeOffset now) => Expiration is null || Expiration > now;
}
