using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>The running poll and its votes (by voter), as the room keeps them.</summary>
public sealed record RoomPoll(
    [property: JsonPropertyName("poll_id")] Guid PollId,
    [property: JsonPropertyName("topic")] string Topic,
    [property: JsonPropertyName("live")] bool Live,
    [property: JsonPropertyName("multiple_choice")] bool MultipleChoice,
    [property: JsonPropertyName("choices")] ImmutableArray<string> Choices,
    [property: JsonPropertyName("started_at")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("duration")] TimeSpan Duration,
    [property: JsonPropertyName("allow_editing")] bool AllowEditing,
    [property: JsonPropertyName("votes")] ImmutableDictionary<string, ImmutableArray<int>> Votes)
{
    public const int MaxChoices = 64;
    public const int MaxTextLength = 255;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    [JsonPropertyName("ends_at")]
    public DateTimeOffset EndsAt => StartedAt + Duration;

    public IReadOnlyList<int> Tally() =>
        [.. Enumerable.Range(0, Choices.Length).Select(i => Votes.Values.Count(v => v.Contains(i)))];

    public IReadOnlyList<PollResult> Results() => [.. Tally().Select((count, i) => new PollResult(i, count))];

    public PollStartedPayload Started() => new(PollId, Topic, Live, MultipleChoice, ChoiceList(), Duration.TotalSeconds, AllowEditing, EndsAt);

    /// <summary>The choices, numbered from 0 in the order given.</summary>
    public IReadOnlyList<PollChoice> ChoiceList() => [.. Choices.Select((c, i) => new PollChoice(i, c))];

    /// <summary>One vote per person: the account for users, the participant for guests.</summary>
    public static string VoterOf(MeetingParticipant p) => p.Identity.UserId is { } user ? $"user:{user}" : $"participant:{p.Id}";
}
