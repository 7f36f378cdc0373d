using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Scheduling;

/// <summary>
/// How one occurrence differs from its series: moved (local times in the meeting's zones), retitled, or cancelled.
/// Null fields keep the series' value.
/// </summary>
public sealed record InstanceException(
    [property: JsonPropertyName("instance_id")] string InstanceId,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("starts_at")] DateTime? StartsAt,
    [property: JsonPropertyName("ends_at")] DateTime? EndsAt,
    [property: JsonPropertyName("cancelled")] bool Cancelled);

public sealed record InstanceChanged(
    [property: JsonPropertyName("event_id")] Guid EventId,
    [property: JsonPropertyName("exception")] InstanceException Exception) : DomainEvent
{
    [JsonPropertyName("suppress_mail")]
    public bool SuppressMail { get; init; }
}

/// <summary>The creator changes one occurrence; it must be an original occurrence of the series.</summary>
public sealed record ChangeInstance(ScheduledEventId EventId, UserId UserId, InstanceException Exception, bool SuppressMail) : IEventCommand;
