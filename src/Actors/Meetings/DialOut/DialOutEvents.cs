using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Meetings;

/// <summary>A moderator called <see cref="Number"/>; the gateway dials it as call <see cref="CallId"/>.</summary>
public sealed record PhoneDialed(
    [property: JsonPropertyName("call_id")] Guid CallId,
    [property: JsonPropertyName("number")] string Number) : DomainEvent;

/// <summary>A phone gateway took the call and dials.</summary>
public sealed record DialOutClaimed([property: JsonPropertyName("call_id")] Guid CallId) : DomainEvent;

/// <summary>The call ended before the callee joined (<see cref="Reason"/>, as <c>call_updated</c> says it).</summary>
public sealed record DialOutFailed(
    [property: JsonPropertyName("call_id")] Guid CallId,
    [property: JsonPropertyName("reason")] string Reason) : DomainEvent;

/// <summary>A call the room placed and whose callee has not joined yet.</summary>
public sealed record PendingDialOut(
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("requested_at")] DateTimeOffset RequestedAt,
    [property: JsonPropertyName("claimed_at")] DateTimeOffset? ClaimedAt);
