using System.Text.Json.Serialization;

namespace OpenTalk.Actors.Journal;

/// <summary>
/// Base of every persisted event. <see cref="PrevHash"/> is the SHA-256 of the entity's previous
/// event (empty for the first), so an auditor can prove a history is complete and unaltered.
/// </summary>
public abstract record DomainEvent
{
    [JsonPropertyName("occurred_at")]
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>Who caused it: <c>user:{id}</c>, <c>participant:{id}</c> or <c>system</c>.</summary>
    [JsonPropertyName("by")]
    public string By { get; init; } = Actor.System;

    [JsonPropertyName("prev_hash")]
    public string PrevHash { get; init; } = "";
}

/// <summary>Names for the <see cref="DomainEvent.By"/> field.</summary>
public static class Actor
{
    public const string System = "system";

    public static string User(Guid id) => $"user:{id}";

    public static string Participant(Guid id) => $"participant:{id}";

    /// <summary>The participant id in a <see cref="DomainEvent.By"/> value, if a participant acted.</summary>
    public static Guid? ParticipantOf(string by) =>
        by.StartsWith("participant:", StringComparison.Ordinal) && Guid.TryParse(by.AsSpan("participant:".Length), out var id) ? id : null;
}
