using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Meetings;

/// <summary>A moderator started streams; <see cref="JobId"/> when a recorder had to be asked for.</summary>
public sealed record StreamsStarted(
    [property: JsonPropertyName("target_ids")] IReadOnlyList<Guid> TargetIds,
    [property: JsonPropertyName("job_id")] Guid? JobId) : DomainEvent
{
    public bool Equals(StreamsStarted? other) =>
        other is not null && base.Equals(other) && JobId == other.JobId && TargetIds.SequenceEqual(other.TargetIds);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), JobId, TargetIds.Count);
}

public sealed record StreamsPaused([property: JsonPropertyName("target_ids")] IReadOnlyList<Guid> TargetIds) : DomainEvent
{
    public bool Equals(StreamsPaused? other) => other is not null && base.Equals(other) && TargetIds.SequenceEqual(other.TargetIds);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), TargetIds.Count);
}

public sealed record StreamsStopped([property: JsonPropertyName("target_ids")] IReadOnlyList<Guid> TargetIds) : DomainEvent
{
    public bool Equals(StreamsStopped? other) => other is not null && base.Equals(other) && TargetIds.SequenceEqual(other.TargetIds);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), TargetIds.Count);
}

/// <summary>A stream's phase as the recorder reported it (or the meeting found it: a recorder that never came or went away).</summary>
public sealed record StreamPhaseChanged(
    [property: JsonPropertyName("target_id")] Guid TargetId,
    [property: JsonPropertyName("phase")] StreamPhase Phase,
    [property: JsonPropertyName("error_code")] string? ErrorCode,
    [property: JsonPropertyName("error_message")] string? ErrorMessage) : DomainEvent;

/// <summary>No recorder joined in time for <see cref="JobId"/>: its streams stop, whoever started them is told.</summary>
public sealed record RecorderTimedOut([property: JsonPropertyName("job_id")] Guid JobId) : DomainEvent;

/// <summary>A participant answered whether they may be recorded: the journal keeps the answer.</summary>
public sealed record RecordingConsentSet(
    [property: JsonPropertyName("participant_id")] Guid ParticipantId,
    [property: JsonPropertyName("consent")] bool Consent) : DomainEvent;
