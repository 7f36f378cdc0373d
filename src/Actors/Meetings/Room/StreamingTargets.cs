using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Meetings;

/// <summary>Where a room's live stream goes: an RTMP ingest URL with its key, and where viewers watch it.</summary>
public sealed record StreamingTarget(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("streaming_endpoint")] string StreamingEndpoint,
    [property: JsonPropertyName("streaming_key")] string StreamingKey,
    [property: JsonPropertyName("public_url")] string? PublicUrl);

public sealed record StreamingTargetSaved([property: JsonPropertyName("target")] StreamingTarget Target) : DomainEvent;

public sealed record StreamingTargetRemoved([property: JsonPropertyName("target_id")] Guid TargetId) : DomainEvent;

/// <summary>Adds or replaces a target. The owner (or an admin, <paramref name="AsAdmin"/>) only.</summary>
public sealed record SaveStreamingTarget(Guid RoomId, Guid UserId, bool AsAdmin, StreamingTarget Target) : IWithRoomId;

public sealed record RemoveStreamingTarget(Guid RoomId, Guid UserId, bool AsAdmin, Guid TargetId) : IWithRoomId;

public sealed record GetStreamingTargets(Guid RoomId) : IWithRoomId;

public sealed record StreamingTargetsReply(Guid OwnerId, IReadOnlyList<StreamingTarget> Targets, string? Error) : IEngineMessage;
