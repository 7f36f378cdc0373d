using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Meetings;

/// <summary>An asset of the room has a new name (its file and storage key stay as they were).</summary>
public sealed record AssetRenamed(
    [property: JsonPropertyName("asset_id")] Guid AssetId,
    [property: JsonPropertyName("filename")] string Filename) : DomainEvent;
