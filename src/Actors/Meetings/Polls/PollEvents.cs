using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Meetings;

public sealed record PollStarted(
    [property: JsonPropertyName("poll_id")] Guid PollId,
    [property: JsonPropertyName("topic")] string Topic,
    [property: JsonPropertyName("live")] bool Live,
    [property: JsonPropertyName("multiple_choice")] bool MultipleChoice,
    [property: JsonPropertyName("choices")] IReadOnlyList<string> Choices,
    [property: JsonPropertyName("duration")] TimeSpan Duration,
    [property: JsonPropertyName("allow_editing")] bool AllowEditing) : DomainEvent
{
    public bool Equals(PollStarted? other) =>
        other is not null && base.Equals(other) && (PollId, Topic, Live, MultipleChoice, Duration, AllowEditing)
            == (other.PollId, other.Topic, other.Live, other.MultipleChoice, other.Duration, other.AllowEditing)
        && Choices.SequenceEqual(other.Choices);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), PollId, Topic);
}

/// <summary>A vote (or a changed vote). <see cref="Voter"/> is the account, or the participant for guests.</summary>
public sealed record PollVoteCast(
    [property: JsonPropertyName("poll_id")] Guid PollId,
    [property: JsonPropertyName("voter")] string Voter,
    [property: JsonPropertyName("choices")] IReadOnlyList<int> Choices) : DomainEvent
{
    public bool Equals(PollVoteCast? other) =>
        other is not null && base.Equals(other) && PollId == other.PollId && Voter == other.Voter && Choices.SequenceEqual(other.Choices);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), PollId, Voter);
}

/// <summary>The poll closed; the tally (votes per choice, in choice order) is part of the record.</summary>
public sealed record PollFinished(
    [property: JsonPropertyName("poll_id")] Guid PollId,
    [property: JsonPropertyName("tally")] IReadOnlyList<int> Tally,
    [property: JsonPropertyName("reason")] string Reason) : DomainEvent
{
    public const string ByModerator = "finished";
    public const string Expired = "expired";

    public bool Equals(PollFinished? other) =>
        other is not null && base.Equals(other) && PollId == other.PollId && Reason == other.Reason && Tally.SequenceEqual(other.Tally);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), PollId, Reason);
}
