using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OpenTalk.Client;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Services.Recorder;

/// <summary>
/// The recorder in one room, from its <c>join_success</c> until its streams ended: it runs the streams the room tells
/// it to (<c>start_streams</c>, <c>pause_streams</c>, <c>stop_streams</c>) and reports each change
/// (<c>stream_updated</c>), has Janus forward every consenting publisher into the mix and lays the mix out from the
/// room's focus and screen shares. Everything happens on one loop: signaling messages and the mixer's events alike.
/// What it recorded is joined into one file and handed to <c>store</c> when the streams end, also when the room's
/// socket broke (nothing recorded is lost for a lost connection).
/// </summary>
public sealed partial class RoomRecorder : IAsyncDisposable
{
    private readonly SignalingClient _signaling;
    private readonly RecorderSettings _settings;
    private readonly string _folder;
    private readonly Func<RecordingFile, CancellationToken, Task> _store;
    private readonly ILogger _log;
    private readonly Channel<object> _inbox = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<Guid, Stream> _streams = [];
    private readonly List<Task> _storing = [];
    /// <summary>Segments stored (or being stored) while the session went on: not stored again at its end.</summary>
    private readonly HashSet<string> _handedOn = new(StringComparer.Ordinal);
    /// <summary>When the recording now being made began: it names the file.</summary>
    private DateTimeOffset _recordingSince;
    private Mixer? _mixer;
    /// <summary>Something was recorded that is not yet handed on.</summary>
    private bool _recorded;
    /// <summary>The recording was stopped while live streams go on: its segment is being closed.</summary>
    private bool _cutting;
    private bool _started;
    private bool _connected = true;

    public RoomRecorder(SignalingClient signaling, RecorderSettings settings, string folder, DateTimeOffset startedAt,
        Func<RecordingFile, CancellationToken, Task> store, ILogger log)
    {
        _recordingSince = startedAt;
        _signaling = signaling;
        _settings = settings;
        _folder = folder;
        _store = store;
        _log = log;
    }

    /// <summary>One of the room's streams as the recorder runs it.</summary>
    private sealed class Stream(string name, StreamingKind kind, string? location)
    {
        public string Name { get; } = name;

        public StreamingKind Kind { get; } = kind;

        public string? Location { get; } = location;

        public StreamStatus Status { get; set; } = StreamStatus.Inactive;

        public bool IsRunning => Status is StreamStatus.Starting or StreamStatus.Active or StreamStatus.Paused;
    }

    private sealed record TargetChanged(TargetId Target, TargetState State);

    private sealed record MixFailed(string Reason);

    private sealed record SocketClosed;

    private sealed record SegmentDone(string Path);

    /// <summary>Runs the room's streams until they all ended (or the socket closed); then stores the recording.</summary>
    public async Task RunAsync(ServerMessage joinSuccess, CancellationToken ct)
    {
        var pump = PumpAsync(ct);
        try
        {
            OnJoinSuccess(joinSuccess.Payload);
            var starting = _streams.Where(s => s.Value.Status == StreamStatus.Starting).Select(s => s.Key).ToList();
            _streams.Values.ToList().ForEach(s => s.Status = StreamStatus.Inactive);
            await StartAsync(starting, ct);
            if (!_started || _streams.Values.Any(s => s.IsRunning))
            {
                await foreach (var item in _inbox.Reader.ReadAllAsync(ct))
                {
                    if (!await HandleAsync(item, ct) || (_started && !_streams.Values.Any(s => s.IsRunning)))
                        break;
                }
            }
        }
        finally
        {
            var segments = await StopMixAsync();
            // Out of the room before storing (which may take minutes): a moderator may start a new recording at once.
            if (_connected)
                await TrySendAsync(Namespaces.Control, "leave", null);
            await pump.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
            await StoreAndLogAsync(segments, _recordingSince);
            await Task.WhenAll(_storing);
        }
    }

    private async Task StoreAndLogAsync(List<string> segments, DateTimeOffset since)
    {
        try
        {
            await StoreAsync(segments, since, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The segments stay in the job's folder, with its note: the recorder's next start stores them.
            LogStoreFailed(_log, e, _folder);
        }
    }

    private async Task PumpAsync(CancellationToken ct)
    {
        try
        {
            while (await _signaling.ReadAsync(ct) is { } message)
                _inbox.Writer.TryWrite(message);
            _inbox.Writer.TryWrite(new SocketClosed());
        }
        catch (OperationCanceledException)
        {
            // The job was cancelled: RunAsync ends too.
        }
    }

    /// <summary>False when the room is gone for the recorder.</summary>
    private async Task<bool> HandleAsync(object item, CancellationToken ct)
    {
        switch (item)
        {
            case SocketClosed:
                _connected = false;
                LogSocketClosed(_log, _signaling.CloseStatus?.ToString() ?? "aborted", _signaling.CloseReason ?? "");
                return false;
            case MixFailed failed:
                LogMixFailed(_log, failed.Reason);
                foreach (var (id, stream) in _streams.Where(s => s.Value.IsRunning))
                    await ReportAsync(id, stream, StreamStatus.Error, new StreamErrorReason("mix_failed", "The recorder's mix stopped: " + failed.Reason));
                return true;
            case TargetChanged changed when _streams.TryGetValue(changed.Target.Value, out var stream):
                await ReportAsync(changed.Target.Value, stream, changed.State.Status switch
                {
                    TargetStatus.Starting => StreamStatus.Starting,
                    TargetStatus.Active => StreamStatus.Active,
                    TargetStatus.Paused => StreamStatus.Paused,
                    TargetStatus.Inactive => StreamStatus.Inactive,
                    _ => StreamStatus.Error,
                }, changed.State.Error is { } error ? new StreamErrorReason(error.Code, error.Message) : null);
                return true;
            case ServerMessage message:
                await OnMessageAsync(message, ct);
                return true;
            case KeyframeDue due:
                await OnKeyframeDueAsync(due);
                return true;
            case ForwardDue due:
                await OnForwardDueAsync(due);
                return true;
            case SegmentDone done when _cutting:
                OnRecordingCut(done.Path);
                return true;
            default:
                return true;
        }
    }

    private async Task OnMessageAsync(ServerMessage m, CancellationToken ct)
    {
        var p = m.Payload;
        switch (m.Namespace, m.Message)
        {
            case (Namespaces.RecordingService, "start_streams"):
                await StartAsync(TargetIds(p), ct);
                break;
            case (Namespaces.RecordingService, "pause_streams"):
                await PauseAsync(TargetIds(p));
                break;
            case (Namespaces.RecordingService, "stop_streams"):
                await StopAsync(TargetIds(p));
                break;
            case (Namespaces.Control, "joined" or "update"):
                await OnPeerAsync(p);
                break;
            case (Namespaces.Control, "left"):
                OnPeerLeft(p.GetProperty("id").GetGuid());
                break;
            case (Namespaces.Media, "forwarding"):
                await OnForwardingAsync(p);
                break;
            case (Namespaces.Media, "focus_update"):
                _focus = p.TryGetProperty("focus", out var focus) && focus.ValueKind == JsonValueKind.String ? focus.GetGuid() : null;
                UpdateLayout();
                break;
            case (_, "error"):
                LogRefused(_log, m.Namespace, m.Error ?? m.Raw);
                break;
        }
    }

    private static List<Guid> TargetIds(JsonElement payload) =>
        payload.TryGetProperty("target_ids", out var ids) && ids.ValueKind == JsonValueKind.Array
            ? ids.EnumerateArray().Select(i => i.GetGuid()).ToList()
            : [];

    private void OnJoinSuccess(JsonElement payload)
    {
        if (payload.TryGetProperty(Namespaces.RecordingService, out var service) && service.TryGetProperty("streams", out var streams))
        {
            foreach (var s in streams.EnumerateObject())
            {
                var kind = s.Value.GetProperty("stream_kind").GetString() == "livestream" ? StreamingKind.Livestream : StreamingKind.Recording;
                var location = s.Value.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
                _streams[Guid.Parse(s.Name)] = new Stream(s.Value.GetProperty("name").GetString() ?? "", kind, location)
                {
                    Status = s.Value.GetProperty("status").GetString() == "starting" ? StreamStatus.Starting : StreamStatus.Inactive,
                };
            }
        }
        if (payload.TryGetProperty(Namespaces.Media, out var media) && media.TryGetProperty("focus", out var focus) && focus.ValueKind == JsonValueKind.String)
            _focus = focus.GetGuid();
        foreach (var participant in payload.GetProperty("participants").EnumerateArray())
            RememberPeer(participant);
    }

    private async Task StartAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        foreach (var unknown in ids.Where(id => !_streams.ContainsKey(id)))
            await TrySendAsync(Namespaces.RecordingService, RecordingActions.StreamUpdated, new
            {
                target_id = unknown, status = StreamStatus.Error,
                reason = new StreamErrorReason("unknown_stream", "The stream was added after the recorder joined: stop the others and start them together again."),
            });
        var known = ids.Where(_streams.ContainsKey).ToList();
        if (known.Count == 0)
            return;
        _started = true;
        if (!await EnsureMixerAsync(known, ct))
            return;
        foreach (var id in known)
        {
            var stream = _streams[id];
            if (stream.Kind == StreamingKind.Recording)
            {
                if (!_recorded && _handedOn.Count > 0)
                    _recordingSince = DateTimeOffset.UtcNow; // a new recording after one already stored
                _cutting = false; // a cut still under way stores what came before it; recording goes on
                _mixer!.ResumeRecording();
                _recorded = true;
                await ReportAsync(id, stream, StreamStatus.Active);
            }
            else if (stream.Location is null || _mixer!.Live is null)
                await ReportAsync(id, stream, StreamStatus.Error, new StreamErrorReason("no_location", "The stream has no RTMP address."));
            else
            {
                try
                {
                    _mixer.Live.StartTarget(new TargetId(id), stream.Location);
                    stream.Status = StreamStatus.Starting; // reported as the target reports it, like all its changes
                }
                catch (ArgumentException e)
                {
                    await ReportAsync(id, stream, StreamStatus.Error, new StreamErrorReason("invalid_location", e.Message));
                }
            }
        }
    }

    /// <summary>The mix starts with the first stream: recording paused unless the recording is among them.</summary>
    private async Task<bool> EnsureMixerAsync(IReadOnlyList<Guid> starting, CancellationToken ct)
    {
        if (_mixer is not null)
            return true;
        try
        {
            _mixer = Mixer.Start(new MixSettings(_folder, _settings.Width, _settings.Height, SegmentSeconds: _settings.SegmentSeconds,
                LiveStreaming: _streams.Values.Any(s => s.Kind == StreamingKind.Livestream), RtpAddress: _settings.RtpAddress), _log);
        }
        catch (Exception e) when (e is Gst.GstException or DllNotFoundException or ArgumentException)
        {
            LogMixFailed(_log, e.Message);
            foreach (var id in starting)
                await ReportAsync(id, _streams[id], StreamStatus.Error, new StreamErrorReason("mix_failed", "The recorder could not start its mix: " + e.Message));
            return false;
        }
        if (!starting.Any(id => _streams[id].Kind == StreamingKind.Recording))
            _mixer.PauseRecording();
        _mixer.Failed += reason => _inbox.Writer.TryWrite(new MixFailed(reason));
        _mixer.SegmentClosed += path => _inbox.Writer.TryWrite(new SegmentDone(path));
        _mixer.InputFailed += (input, why) => LogInputFailed(_log, input.Value, why);
        if (_mixer.Live is { } live)
            live.StateChanged += (target, state) => _inbox.Writer.TryWrite(new TargetChanged(target, state));
        foreach (var peer in _peers.Values.ToList())
            await ReconcileAsync(peer);
        ct.ThrowIfCancellationRequested();
        return true;
    }

    private async Task PauseAsync(IReadOnlyList<Guid> ids)
    {
        foreach (var id in ids.Where(_streams.ContainsKey))
        {
            var stream = _streams[id];
            if (!stream.IsRunning || _mixer is null)
                continue;
            if (stream.Kind == StreamingKind.Recording)
            {
                _mixer.PauseRecording();
                await ReportAsync(id, stream, StreamStatus.Paused);
            }
            else if (_mixer.Live is { } live)
                await live.PauseTargetAsync(new TargetId(id));
        }
    }

    private async Task StopAsync(IReadOnlyList<Guid> ids)
    {
        foreach (var id in ids.Where(_streams.ContainsKey))
        {
            var stream = _streams[id];
            if (_mixer is null)
                continue;
            if (stream.Kind == StreamingKind.Recording)
            {
                if (stream.IsRunning && _streams.Values.Any(s => s.Kind == StreamingKind.Livestream && s.IsRunning))
                {
                    // The mix goes on for the live streams: the recording is cut here and stored now, not when they end.
                    _cutting = true;
                    _mixer.CutRecording();
                }
                else
                    _mixer.PauseRecording(); // the session ends with this stream and stores it
                await ReportAsync(id, stream, StreamStatus.Inactive);
            }
            else if (_mixer.Live is { } live)
                await live.StopTargetAsync(new TargetId(id)); // reported when the target says so
        }
    }

    /// <summary>Ends the mix (the last segment is finished); returns the recorded segments, none when nothing was recorded.</summary>
    private async Task<List<string>> StopMixAsync()
    {
        if (_mixer is not { } mixer)
            return [];
        _mixer = null;
        try
        {
            await mixer.StopAsync(CancellationToken.None);
        }
        catch (Gst.GstException e)
        {
            // The segments closed so far are whole: they are stored all the same.
            LogMixFailed(_log, e.Message);
        }
        finally
        {
            await mixer.DisposeAsync();
        }
        var segments = Directory.GetFiles(_folder, "seg-*.webm").Order(StringComparer.Ordinal).Where(f => !_handedOn.Contains(f)).ToList();
        if (_recorded)
            return segments.Where(f => new FileInfo(f).Length > 0).ToList();
        // Only live streams ran since (or at all): these files hold nothing anyone asked for.
        segments.ForEach(File.Delete);
        return [];
    }

    /// <summary>
    /// The segment the recording's stop closed: the recording is paused and stored now, while the live streams go on.
    /// (The few frames between the cut and the pause open the next segment; a later recording begins with them.)
    /// </summary>
    private void OnRecordingCut(string lastSegment)
    {
        _cutting = false;
        _mixer?.PauseRecording();
        var segments = Directory.GetFiles(_folder, "seg-*.webm").Order(StringComparer.Ordinal)
            .Where(f => !_handedOn.Contains(f) && string.CompareOrdinal(f, lastSegment) <= 0 && new FileInfo(f).Length > 0).ToList();
        _handedOn.UnionWith(segments);
        _recorded = false;
        _storing.Add(StoreAndLogAsync(segments, _recordingSince));
    }

    private async Task StoreAsync(List<string> segments, DateTimeOffset since, CancellationToken ct)
    {
        if (segments.Count == 0)
            return;
        var file = await RecordingFile.JoinAsync(segments, Path.Combine(_folder, FileNameOf(since)), ct);
        await _store(file, ct);
        foreach (var segment in segments)
            File.Delete(segment);
        File.Delete(file.Path);
    }

    /// <summary>What people see in the room's assets: when the recording began.</summary>
    public static string FileNameOf(DateTimeOffset startedAt) => $"recording-{startedAt.UtcDateTime:yyyy-MM-dd_HH-mm-ss}.webm";

    private async Task ReportAsync(Guid id, Stream stream, StreamStatus status, StreamErrorReason? reason = null)
    {
        stream.Status = status;
        await TrySendAsync(Namespaces.RecordingService, RecordingActions.StreamUpdated, new { target_id = id, status, reason });
    }

    private async Task TrySendAsync(string ns, string action, object? fields)
    {
        if (!_connected)
            return;
        try
        {
            await _signaling.SendAsync(ns, action, fields);
        }
        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            _connected = false; // the pump sees the close and ends the loop
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_mixer is not null)
            await _mixer.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The room's socket closed ({Status} {Reason}): storing what was recorded")]
    private static partial void LogSocketClosed(ILogger log, string status, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The recording could not be stored; its segments stay in {Folder}")]
    private static partial void LogStoreFailed(ILogger log, Exception e, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "The mix failed: {Reason}")]
    private static partial void LogMixFailed(ILogger log, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Input {Input} of the mix failed: {Reason}")]
    private static partial void LogInputFailed(ILogger log, string input, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The room refused a request ({Namespace}): {Error}")]
    private static partial void LogRefused(ILogger log, string @namespace, string error);
}
