using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Scheduling;

public sealed record FavoriteAdded(
    [property: JsonPropertyName("event_id")] Guid EventId,
    [property: JsonPropertyName("user_id")] Guid UserId) : DomainEvent;

public sealed record FavoriteRemoved(
    [property: JsonPropertyName("event_id")] Guid EventId,
    [property: JsonPropertyName("user_id")] Guid UserId) : DomainEvent;

/// <summary>Anyone who may read a meeting may star it for their own dashboard.</summary>
public sealed record MarkFavorite(ScheduledEventId EventId, UserId UserId, bool Favorite) : IEventCommand;
