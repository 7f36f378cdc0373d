using System.Text.Json.Serialization;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// A stored file that belongs to a room (a recording, later meeting notes or a whiteboard): OpenTalk's asset.
/// <paramref name="Namespace"/> is the module that made it (<c>recording</c>), <paramref name="Kind"/> what it is
/// (<c>record</c>); <paramref name="StorageKey"/> names the file in the artifact store. A breakout room's recording
/// belongs to the main room; <paramref name="BreakoutRoomId"/> says which breakout room it was made in.
/// </summary>
public sealed record RoomAsset(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("filename")] string Filename,
    [property: JsonPropertyName("namespace")] string Namespace,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("duration_seconds")] double? DurationSeconds,
    [property: JsonPropertyName("storage_key")] string StorageKey,
    [property: JsonPropertyName("breakout_room_id")] Guid? BreakoutRoomId,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt);
