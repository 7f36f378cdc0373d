using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// The room's recording and live streams while a session runs: where each stream stands (streams not listed are
/// inactive), who said they may (or may not) be recorded, and the recorder asked for. Forgotten when the session ends.
/// </summary>
public sealed record RoomRecording(
    [property: JsonPropertyName("streams")] ImmutableDictionary<Guid, StreamState> Streams,
    [property: JsonPropertyName("consents")] ImmutableDictionary<Guid, bool> Consents,
    [property: JsonPropertyName("job")] RecorderJob? Job)
{
    public static RoomRecording Empty { get; } = new(
        ImmutableDictionary<Guid, StreamState>.Empty, ImmutableDictionary<Guid, bool>.Empty, null);

    public StreamPhase PhaseOf(Guid target) => Streams.TryGetValue(target, out var stream) ? stream.Phase : StreamPhase.Inactive;

    /// <summary>The streams that run or are about to (a recorder is needed for them, or at work on them).</summary>
    public IEnumerable<Guid> Running() =>
        Streams.Where(s => s.Value.Phase is StreamPhase.Starting or StreamPhase.Active or StreamPhase.Paused).Select(s => s.Key);

    public bool IsBusy() => Running().Any();

    public RoomRecording WithPhase(Guid target, StreamPhase phase, string? code = null, string? message = null) => this with
    {
        Streams = phase == StreamPhase.Inactive ? Streams.Remove(target) : Streams.SetItem(target, new StreamState(phase, code, message)),
    };

    /// <summary>
    /// The id of a room's recording (a stream like the live streams, OpenTalk's "recording target"): derived from the
    /// room, so it stays the same across sessions and nodes without being stored.
    /// </summary>
    public static Guid TargetIdOf(Guid roomId)
    {
        Span<byte> input = stackalloc byte[16 + 10];
        roomId.TryWriteBytes(input);
        "recording\0"u8.CopyTo(input[16..]);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8: a custom, name-based id
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(hash[..16], bigEndian: true);
    }
}

/// <summary>A stream's phase; an error has a code and words for people.</summary>
public sealed record StreamState(
    [property: JsonPropertyName("phase")] StreamPhase Phase,
    [property: JsonPropertyName("error_code")] string? ErrorCode = null,
    [property: JsonPropertyName("error_message")] string? ErrorMessage = null);

/// <summary>
/// A recorder asked for (<see cref="JobId"/>) by <see cref="RequestedBy"/>; <see cref="RecorderId"/> once one joined.
/// Only this recorder may join until it leaves: a job taken twice (a broker redelivering it) finds the place taken.
/// </summary>
public sealed record RecorderJob(
    [property: JsonPropertyName("job_id")] Guid JobId,
    [property: JsonPropertyName("requested_at")] DateTimeOffset RequestedAt,
    [property: JsonPropertyName("requested_by")] Guid RequestedBy,
    [property: JsonPropertyName("recorder_id")] Guid? RecorderId = null);
