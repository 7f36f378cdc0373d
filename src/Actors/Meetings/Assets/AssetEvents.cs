using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Meetings;

/// <summary>A file was stored for the room; <see cref="DomainEvent.By"/> names who stored it (the recorder's account).</summary>
public sealed record AssetAdded(
    [property: JsonPropertyName("asset_id")] Guid AssetId,
    [property: JsonPropertyName("filename")] string Filename,
    [property: JsonPropertyName("namespace")] string Namespace,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("duration_seconds")] double? DurationSeconds,
    [property: JsonPropertyName("storage_key")] string StorageKey,
    [property: JsonPropertyName("breakout_room_id")] Guid? BreakoutRoomId) : DomainEvent;

/// <summary>The asset is gone from the room (and its file from the store).</summary>
public sealed record AssetDeleted([property: JsonPropertyName("asset_id")] Guid AssetId) : DomainEvent;
