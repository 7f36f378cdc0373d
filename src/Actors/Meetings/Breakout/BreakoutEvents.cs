using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Participants;

namespace OpenTalk.Actors.Meetings;

/// <summary>A breakout room of the session: who is expected in it (by identity, so it survives new participant ids).</summary>
public sealed record BreakoutRoomPlan(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("assigned")] IReadOnlyList<ParticipantIdentity> Assigned)
{
    public bool Equals(BreakoutRoomPlan? other) =>
        other is not null && Id == other.Id && Name == other.Name && Assigned.SequenceEqual(other.Assigned);

    public override int GetHashCode() => HashCode.Combine(Id, Name);
}

/// <summary>In the main room: breakout rooms opened, with their assignments (participant ids at the time, for the clients).</summary>
public sealed record BreakoutSessionStarted(
    [property: JsonPropertyName("rooms")] IReadOnlyList<BreakoutRoomPlan> Rooms,
    [property: JsonPropertyName("assignments")] IReadOnlyDictionary<Guid, Guid> Assignments,
    [property: JsonPropertyName("duration")] TimeSpan? Duration)
    : DomainEvent
{
    public bool Equals(BreakoutSessionStarted? other) =>
        other is not null && base.Equals(other) && Duration == other.Duration && Rooms.SequenceEqual(other.Rooms)
        && Assignments.Count == other.Assignments.Count && Assignments.All(a => other.Assignments.TryGetValue(a.Key, out var r) && r == a.Value);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Rooms.Count);
}

/// <summary>In the main room: the breakout session ended (<c>stopped</c> by a moderator, or <c>expired</c>).</summary>
public sealed record BreakoutSessionEnded([property: JsonPropertyName("reason")] string Reason) : DomainEvent
{
    public const string Stopped = "stopped";
    public const string Expired = "expired";
}

/// <summary>The first event of a breakout room's own entity.</summary>
public sealed record BreakoutRoomOpened(
    [property: JsonPropertyName("room_id")] Guid RoomId,
    [property: JsonPropertyName("main_room_id")] Guid MainRoomId,
    [property: JsonPropertyName("owner_id")] Guid OwnerId,
    [property: JsonPropertyName("name")] string Name) : DomainEvent;

/// <summary>A breakout room closed; everyone in it goes back to the main room.</summary>
public sealed record BreakoutRoomClosed([property: JsonPropertyName("reason")] string Reason) : DomainEvent;
