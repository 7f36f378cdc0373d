using System.Text.Json.Serialization;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>The main room's running breakout session.</summary>
public sealed record BreakoutSession(
    [property: JsonPropertyName("rooms")] IReadOnlyList<BreakoutRoomPlan> Rooms,
    [property: JsonPropertyName("assignments")] IReadOnlyDictionary<Guid, Guid> Assignments,
    [property: JsonPropertyName("started_at")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("duration")] TimeSpan? Duration)
{
    public const int MaxRooms = 32;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(12);

    [JsonPropertyName("expires")]
    public DateTimeOffset? Expires => Duration is { } d ? StartedAt + d : null;

    public IReadOnlyList<BreakoutRoomInfo> Infos() => [.. Rooms.Select(r => new BreakoutRoomInfo(r.Id, r.Name))];

    public BreakoutStartedPayload StartedFor(Guid participant) =>
        new(Infos(), Expires, Assignments.TryGetValue(participant, out var room) ? room : null);
}

/// <summary>Reply to <see cref="CheckBreakoutAdmission"/>: what the breakout room needs to open, or why not.</summary>
public sealed record BreakoutAdmission(Guid MainRoomId, Guid OwnerId, string? Name, string? Error) : Sharding.IEngineMessage;
