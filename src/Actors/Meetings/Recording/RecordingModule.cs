using System.Collections.Immutable;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// Recording and live streaming, as OpenTalk's <c>recording</c> namespace has them. A room has one recording (a stream
/// like the others, with an id derived from the room) and, in a main room, a live stream per streaming target.
/// Moderators start, pause and stop them; the first start asks for a recorder (<see cref="RequestService"/>), a hidden
/// participant that joins within <see cref="RecorderJoinTimeout"/> or the streams stop again. The recorder reports each
/// stream's phase, which everyone hears. Everyone may say whether they may be recorded; until they say yes they are not.
/// </summary>
public sealed class RecordingModule : IMeetingModule
{
    /// <summary>OpenTalk's: how long a started stream waits for a recorder before the starter hears <c>recorder_error</c>.</summary>
    public static readonly TimeSpan RecorderJoinTimeout = TimeSpan.FromSeconds(5);

    public const string RecorderKind = "recorder";
    public const string RecorderGone = "recorder_gone";
    private const string DeadlineClock = "recording-recorder-deadline";

    public IReadOnlyList<(Type Type, string Manifest)> Events { get; } =
    [
        (typeof(StreamsStarted), "meeting.streams_started.v1"),
        (typeof(StreamsPaused), "meeting.streams_paused.v1"),
        (typeof(StreamsStopped), "meeting.streams_stopped.v1"),
        (typeof(StreamPhaseChanged), "meeting.stream_phase_changed.v1"),
        (typeof(RecorderTimedOut), "meeting.recorder_timed_out.v1"),
        (typeof(RecordingConsentSet), "meeting.recording_consent_set.v1"),
    ];

    public IReadOnlyList<Type> ReactsTo { get; } = [typeof(ParticipantJoined), typeof(ParticipantLeft), typeof(SessionClosed)];

    /// <summary>One of the room's streams: the recording, or a live stream (with where it goes, key included).</summary>
    public sealed record RoomStream(Guid Id, string Name, StreamingKind Kind, string? PublicUrl, string? Location);

    /// <summary>The room's streams: its recording, and in a main room a live stream per streaming target.</summary>
    public static IEnumerable<RoomStream> StreamsOf(MeetingState state)
    {
        yield return new RoomStream(RoomRecording.TargetIdOf(state.RoomId), "Recording", StreamingKind.Recording, null, null);
        if (state.MainRoomId is not null)
            yield break;
        foreach (var target in state.StreamingTargets.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
            yield return new RoomStream(target.Id, target.Name, StreamingKind.Livestream, target.PublicUrl,
                $"{target.StreamingEndpoint.TrimEnd('/')}/{target.StreamingKey}");
    }

    public Decision? Decide(MeetingState state, object command, DateTimeOffset now) => command switch
    {
        RecorderDeadline c => Deadline(state, c, now),
        ReportStreamPhase c => Report(state, c, now),
        IParticipantCommand c and (StartStreams or PauseStreams or StopStreams or SetRecordingConsent) => FromParticipant(state, c, now),
        _ => null,
    };

    private static Decision FromParticipant(MeetingState state, IParticipantCommand command, DateTimeOffset now)
    {
        if (MeetingDecider.RequireInRoom(state, command.ParticipantId, out var me) is { } refused)
            return refused;
        var by = Actor.Participant(me.Id);
        var recording = state.Recording ?? RoomRecording.Empty;
        if (command is SetRecordingConsent consent)
            return recording.Consents.TryGetValue(me.Id, out var given) && given == consent.Consent
                ? Decision.Nothing
                : Decision.Accept(MeetingDecider.Stamp(new RecordingConsentSet(me.Id, consent.Consent), by, now));
        if (!me.IsModerator)
            return Decision.Reject(ErrorCodes.InsufficientPermissions);
        var named = command switch
        {
            StartStreams c => c.TargetIds,
            PauseStreams c => c.TargetIds,
            StopStreams c => c.TargetIds,
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };
        var known = StreamsOf(state).Select(s => s.Id).ToHashSet();
        if (named.Count == 0 || !named.All(known.Contains))
            return Decision.Reject(ErrorCodes.InvalidStreamingId);
        var targets = named.Distinct().ToList();
        switch (command)
        {
            case StartStreams:
                var start = targets.Where(t => recording.PhaseOf(t) is not (StreamPhase.Starting or StreamPhase.Active)).ToList();
                if (start.Count == 0)
                    return Decision.Nothing;
                // A recorder at work (or on its way) takes the new streams too; otherwise one is asked for.
                Guid? job = recording.Job is null ? Guid.NewGuid() : null;
                return Decision.Accept(MeetingDecider.Stamp(new StreamsStarted(start, job), by, now));
            case PauseStreams:
                if (targets.Any(t => recording.PhaseOf(t) is not (StreamPhase.Active or StreamPhase.Paused)))
                    return Decision.Reject(ErrorCodes.RecorderNotStarted);
                var pause = targets.Where(t => recording.PhaseOf(t) == StreamPhase.Active).ToList();
                return pause.Count == 0 ? Decision.Nothing : Decision.Accept(MeetingDecider.Stamp(new StreamsPaused(pause), by, now));
            default:
                var stop = targets.Where(t => recording.PhaseOf(t) is not (StreamPhase.Inactive or StreamPhase.Error)).ToList();
                return stop.Count == 0 ? Decision.Nothing : Decision.Accept(MeetingDecider.Stamp(new StreamsStopped(stop), by, now));
        }
    }

    /// <summary>Only the room's recorder reports, and only about the room's streams.</summary>
    private static Decision Report(MeetingState state, ReportStreamPhase c, DateTimeOffset now)
    {
        if (state.Recording?.Job?.RecorderId != c.ParticipantId || state.Find(c.ParticipantId) is not { IsInRoom: true })
            return Decision.Reject(ErrorCodes.InsufficientPermissions);
        if (!StreamsOf(state).Any(s => s.Id == c.TargetId))
            return Decision.Reject(ErrorCodes.InvalidStreamingId);
        var (code, message) = c.Phase == StreamPhase.Error
            ? (Bounded(c.ErrorCode, 64) ?? "error", Bounded(c.ErrorMessage, 500) ?? "The stream failed.")
            : (null, null);
        var current = state.Recording.Streams.GetValueOrDefault(c.TargetId);
        return current == new StreamState(c.Phase, code, message) || (current is null && c.Phase == StreamPhase.Inactive)
            ? Decision.Nothing
            : Decision.Accept(MeetingDecider.Stamp(new StreamPhaseChanged(c.TargetId, c.Phase, code, message), Actor.Participant(c.ParticipantId), now));
    }

    private static string? Bounded(string? text, int max) =>
        text?.Trim() is { Length: > 0 } t ? (t.Length <= max ? t : t[..max]) : null;

    private static Decision Deadline(MeetingState state, RecorderDeadline c, DateTimeOffset now) =>
        state.Recording?.Job is { RecorderId: null } job && job.JobId == c.JobId && job.RequestedAt + RecorderJoinTimeout <= now
            ? Decision.Accept(MeetingDecider.Stamp(new RecorderTimedOut(job.JobId), Actor.System, now))
            : Decision.Nothing;

    /// <summary>Whether a recorder may join now: one was asked for and none has come yet.</summary>
    public static bool AwaitsRecorder(MeetingState state) => state.Recording?.Job is { RecorderId: null };

    /// <summary>
    /// What the meeting adds to any decision for the recording: when the recorder leaves, what it was doing fails;
    /// when the last person leaves, the streams stop (the recorder then finishes and leaves, and the session ends).
    /// </summary>
    internal static IReadOnlyList<DomainEvent> After(MeetingState before, MeetingState after, IReadOnlyList<DomainEvent> events, DateTimeOffset now)
    {
        if (before.Recording is not { } recording || !events.Any(e => e is ParticipantLeft))
            return [];
        if (recording.Job?.RecorderId is { } recorder && after.Find(recorder) is null)
            return [.. recording.Running().Select(target => MeetingDecider.Stamp(new StreamPhaseChanged(target, StreamPhase.Error, RecorderGone,
                "The recorder stopped unexpectedly; what was recorded so far is kept."), Actor.System, now))];
        var running = after.Recording?.Running().ToList() ?? [];
        return !after.InRoom.Any() && running.Count > 0
            ? [MeetingDecider.Stamp(new StreamsStopped(running), Actor.System, now)]
            : [];
    }

    public MeetingState? Apply(MeetingState state, DomainEvent evt)
    {
        var recording = state.Recording ?? RoomRecording.Empty;
        RoomRecording? changed = evt switch
        {
            StreamsStarted e => e.TargetIds.Aggregate(recording, (r, t) => r.WithPhase(t, StreamPhase.Starting)) with
            {
                Job = e.JobId is { } job ? new RecorderJob(job, e.OccurredAt, Actor.ParticipantOf(e.By) ?? Guid.Empty) : recording.Job,
            },
            // Without a recorder there is nobody to stop: the streams are stopped at once.
            StreamsStopped e when recording.Job?.RecorderId is null => Idle(e.TargetIds.Aggregate(recording, (r, t) => r.WithPhase(t, StreamPhase.Inactive))),
            StreamsStopped or StreamsPaused => recording,
            StreamPhaseChanged e => Idle(recording.WithPhase(e.TargetId, e.Phase, e.ErrorCode, e.ErrorMessage)),
            RecorderTimedOut e when recording.Job?.JobId == e.JobId => recording with
            {
                Job = null,
                Streams = recording.Streams.RemoveRange(recording.Streams.Where(s => s.Value.Phase == StreamPhase.Starting).Select(s => s.Key)),
            },
            RecorderTimedOut => recording,
            RecordingConsentSet e => recording with { Consents = recording.Consents.SetItem(e.ParticipantId, e.Consent) },
            ParticipantJoined e when e.Identity.Kind == ParticipantKind.Recorder && recording.Job is { RecorderId: null } job =>
                recording with { Job = job with { RecorderId = e.ParticipantId } },
            ParticipantLeft e when recording.Job?.RecorderId == e.ParticipantId => recording with { Job = null },
            ParticipantLeft e => recording with { Consents = recording.Consents.Remove(e.ParticipantId) },
            SessionClosed => RoomRecording.Empty,
            _ => null,
        };
        if (changed is null)
            return null;
        // Nothing to remember is written as nothing: states stored before recording existed read the same.
        return state with { Recording = changed.Streams.IsEmpty && changed.Consents.IsEmpty && changed.Job is null ? null : changed };
    }

    /// <summary>A recorder that has nothing left to do keeps its job until it leaves; a job nobody took yet ends with its last stream.</summary>
    private static RoomRecording Idle(RoomRecording recording) =>
        recording.Job is { RecorderId: null } && !recording.IsBusy() ? recording with { Job = null } : recording;

    public IEnumerable<Notification>? Notify(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        StreamsStarted e => [
            .. e.TargetIds.SelectMany(t => ToRoom(after, new StreamUpdated(t, Protocol.Signaling.StreamStatus.Starting))),
            .. ToRecorder(after, new RecorderStart(e.TargetIds)),
        ],
        StreamsPaused e => ToRecorder(after, new RecorderPause(e.TargetIds)),
        StreamsStopped e when before.Recording?.Job?.RecorderId is null =>
            e.TargetIds.SelectMany(t => ToRoom(after, new StreamUpdated(t, Protocol.Signaling.StreamStatus.Inactive))),
        StreamsStopped e => ToRecorder(after, new RecorderStop(e.TargetIds)),
        StreamPhaseChanged e => ToRoom(after, new StreamUpdated(e.TargetId, e.Phase.ToWire(),
            e.ErrorCode is { } code ? new StreamErrorReason(code, e.ErrorMessage ?? "") : null)),
        RecorderTimedOut e => TimedOut(e, before, after),
        RecordingConsentSet e => MeetingNotifications.UpdateToOthers(e.ParticipantId, after),
        _ => null,
    };

    private static IEnumerable<Notification> ToRoom(MeetingState state, ServerPayload payload) =>
        MeetingNotifications.ToRoom(state, Namespaces.Recording, payload);

    private static IEnumerable<Notification> ToRecorder(MeetingState state, ServerPayload payload) =>
        state.Recording?.Job?.RecorderId is { } recorder && state.Find(recorder) is { IsInRoom: true }
            ? [new Notification(recorder, Namespaces.RecordingService, payload)]
            : [];

    private static IEnumerable<Notification> TimedOut(RecorderTimedOut e, MeetingState before, MeetingState after)
    {
        var stopped = before.Recording?.Streams.Where(s => s.Value.Phase == StreamPhase.Starting).Select(s => s.Key) ?? [];
        var starter = before.Recording?.Job?.RequestedBy;
        return [
            .. stopped.SelectMany(t => ToRoom(after, new StreamUpdated(t, Protocol.Signaling.StreamStatus.Inactive))),
            .. after.Find(starter ?? Guid.Empty) is { IsInRoom: true } p
                ? [new Notification(p.Id, Namespaces.Recording, new RecorderError("timeout"))]
                : Array.Empty<Notification>(),
        ];
    }

    public IEnumerable<MeetingEffect> Effects(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        StreamsStarted { JobId: { } job } => [
            new RequestService(new ServiceJobRequested(RecorderKind, after.RoomId, after.MainRoomId, job)),
            new StartClock(DeadlineClock, new RecorderDeadline(job), evt.OccurredAt + RecorderJoinTimeout),
        ],
        ParticipantJoined { Identity.Kind: ParticipantKind.Recorder } => [new StopClock(DeadlineClock)],
        RecorderTimedOut => [new StopClock(DeadlineClock)],
        _ => [],
    };

    public IEnumerable<MeetingEffect> Resume(MeetingState state) =>
        state.Recording?.Job is { RecorderId: null } job
            ? [new StartClock(DeadlineClock, new RecorderDeadline(job.JobId), job.RequestedAt + RecorderJoinTimeout)]
            : [];

    public ModuleJoinState? JoinState(JoinContext join)
    {
        var recording = join.State.Recording ?? RoomRecording.Empty;
        if (join.Me.IsHidden)
            return new(Namespaces.RecordingService, new RecordingServiceState(StreamsOf(join.State).ToDictionary(
                s => s.Id, s => new ServiceStream(s.Name, s.Kind, s.Location, recording.PhaseOf(s.Id).ToWire()))));
        return new(Namespaces.Recording, new RecordingModuleState(StreamsOf(join.State).ToDictionary(s => s.Id, s =>
        {
            var stream = recording.Streams.GetValueOrDefault(s.Id) ?? new StreamState(StreamPhase.Inactive);
            return new RecordingTargetInfo(s.Name, s.Kind, s.PublicUrl, stream.Phase.ToWire(),
                stream.ErrorCode is { } code ? new StreamErrorReason(code, stream.ErrorMessage ?? "") : null);
        })));
    }

    /// <summary>A participant's answer, when they gave one (in <c>join_success</c>, <c>joined</c> and <c>update</c>).</summary>
    public static RecordingPeerState? PeerOf(MeetingState state, Guid participant) =>
        state.Recording?.Consents.TryGetValue(participant, out var consent) == true ? new RecordingPeerState(consent) : null;
}
