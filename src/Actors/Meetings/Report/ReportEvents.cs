using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Participants;

namespace OpenTalk.Actors.Meetings;

/// <summary>A moderator asked for the attendance report (the asset follows as <see cref="AssetAdded"/>).</summary>
public sealed record ReportRequested([property: JsonPropertyName("include_email_addresses")] bool IncludeEmailAddresses) : DomainEvent;

/// <summary>
/// What the report of the running session needs and the journal holds spread over many events: who came (and left),
/// and the polls and formal votes held. Begins with the first person in, ends with <see cref="SessionClosed"/>.
/// </summary>
public sealed record SessionRecord(
    [property: JsonPropertyName("started_at")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("attendees")] ImmutableList<SessionAttendance> Attendees,
    [property: JsonPropertyName("polls")] ImmutableList<PollOutcome> Polls,
    [property: JsonPropertyName("votes")] ImmutableList<VoteOutcome> Votes)
{
    public static SessionRecord Begin(DateTimeOffset at) => new(at, [], [], []);
}

/// <summary>
/// One person's presence: first joined, last left (null while in the room), with the role they had last. The account
/// (<see cref="UserId"/>) lets the report add a registered user's e-mail address; guests have none.
/// </summary>
public sealed record SessionAttendance(
    [property: JsonPropertyName("participant_id")] Guid ParticipantId,
    [property: JsonPropertyName("display_name")] string DisplayName,
    [property: JsonPropertyName("role")] MeetingRole Role,
    [property: JsonPropertyName("kind")] ParticipantKind Kind,
    [property: JsonPropertyName("user_id")] Guid? UserId,
    [property: JsonPropertyName("joined_at")] DateTimeOffset JoinedAt,
    [property: JsonPropertyName("left_at")] DateTimeOffset? LeftAt);

/// <summary>A poll of the session; <see cref="Tally"/> (votes per choice) once it finished.</summary>
public sealed record PollOutcome(
    [property: JsonPropertyName("poll_id")] Guid PollId,
    [property: JsonPropertyName("topic")] string Topic,
    [property: JsonPropertyName("choices")] IReadOnlyList<string> Choices,
    [property: JsonPropertyName("tally")] IReadOnlyList<int>? Tally);

/// <summary>A formal vote of the session: its result and digest once stopped, or why it was canceled.</summary>
public sealed record VoteOutcome(
    [property: JsonPropertyName("vote_id")] Guid VoteId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("yes")] int Yes = 0,
    [property: JsonPropertyName("no")] int No = 0,
    [property: JsonPropertyName("abstain")] int Abstain = 0,
    [property: JsonPropertyName("votes_digest")] string? VotesDigest = null,
    [property: JsonPropertyName("canceled")] string? Canceled = null);
