using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OpenTalk.Services.Recorder.Gst;

namespace OpenTalk.Services.Recorder;

/// <summary>
/// The mix's RTMP targets. The FLV is encoded once, and only while at least one target is starting or active (the
/// live valves stay closed otherwise: x264 costs CPU). Each target: Starting → Active → Paused / Inactive /
/// Error(code, message); a failing target never touches the others or the recording. State changes are reported in
/// order on one thread of their own.
/// </summary>
public sealed partial class LiveTargets : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly GstPipeline _mix;
    private readonly ILogger _log;
    private readonly FlvTap _tap;
    private readonly Dictionary<TargetId, (TargetState State, LiveTarget? Running)> _targets = [];
    private readonly Channel<(TargetId, TargetState)> _changes = Channel.CreateUnbounded<(TargetId, TargetState)>();
    private readonly Task _reporter;
    private volatile LiveTarget[] _running = [];
    private bool _disposed;

    internal LiveTargets(GstPipeline mix, ILogger log)
    {
        _mix = mix;
        _log = log;
        _tap = new FlvTap(mix.Element(MixGraph.Flv), () => _running);
        _reporter = Task.Run(ReportAsync);
    }

    /// <summary>Every change of a target's state, in order (not on the caller's thread).</summary>
    public event Action<TargetId, TargetState>? StateChanged;

    public TargetState? StateOf(TargetId id)
    {
        lock (_lock) return _targets.TryGetValue(id, out var t) ? t.State : null;
    }

    /// <summary>Starts (or resumes) streaming to <paramref name="rtmpUrl"/> (rtmp:// or rtmps://, stream key included).</summary>
    public void StartTarget(TargetId id, string rtmpUrl)
    {
        if (!Uri.TryCreate(rtmpUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("rtmp" or "rtmps"))
            throw new ArgumentException("not an rtmp:// or rtmps:// URL", nameof(rtmpUrl));
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_targets.TryGetValue(id, out var existing) && existing.Running is not null) return;
            var target = LiveTarget.Create(id, rtmpUrl, _log);
            target.Connected += OnConnected;
            target.Failed += OnFailed;
            SetState(id, new TargetState(TargetStatus.Starting), target);
            UpdateValves();
            if (_tap.Caps is not null) _tap.RequestKeyframe();
        }
    }

    /// <summary>Ends the stream; <see cref="StartTarget"/> resumes it with a new connection from the next keyframe.</summary>
    public Task PauseTargetAsync(TargetId id) => EndAsync(id, TargetStatus.Paused);

    public Task StopTargetAsync(TargetId id) => EndAsync(id, TargetStatus.Inactive);

    private Task EndAsync(TargetId id, TargetStatus status)
    {
        LiveTarget? running;
        lock (_lock)
        {
            if (!_targets.TryGetValue(id, out var t)) return Task.CompletedTask;
            running = t.Running;
            SetState(id, new TargetState(status), null);
            UpdateValves();
        }
        return running is null ? Task.CompletedTask : Task.Run(running.Stop);
    }

    private void OnConnected(LiveTarget target)
    {
        lock (_lock)
        {
            if (_targets.TryGetValue(target.Id, out var t) && t.Running == target)
                SetState(target.Id, new TargetState(TargetStatus.Active), target);
        }
    }

    private void OnFailed(LiveTarget target, string message)
    {
        lock (_lock)
        {
            if (!_targets.TryGetValue(target.Id, out var t) || t.Running != target) return;
            var code = target.TimedOut ? TargetError.Timeout
                : target.WasConnected ? TargetError.Disconnected : TargetError.ConnectionFailed;
            SetState(target.Id, new TargetState(TargetStatus.Error, new TargetError(code, message)), null);
            UpdateValves();
        }
        _ = Task.Run(target.Stop); // never on the target's bus thread or the tap thread
    }

    /// <summary>Under the lock.</summary>
    private void SetState(TargetId id, TargetState state, LiveTarget? running)
    {
        _targets[id] = (state, running);
        _running = _targets.Values.Where(t => t.Running is not null).Select(t => t.Running!).ToArray();
        _changes.Writer.TryWrite((id, state));
    }

    /// <summary>Under the lock. Closed valves still pass EOS (drop-mode forward-sticky-events).</summary>
    private void UpdateValves()
    {
        var drop = _running.Length == 0 ? "true" : "false";
        _mix.Set(MixGraph.LiveVideoValve, "drop", drop);
        _mix.Set(MixGraph.LiveAudioValve, "drop", drop);
    }

    private async Task ReportAsync()
    {
        await foreach (var (id, state) in _changes.Reader.ReadAllAsync())
        {
            try
            {
                StateChanged?.Invoke(id, state);
            }
            catch (Exception e)
            {
                LogHandlerFailed(_log, e, id);
            }
        }
    }

    /// <summary>Stops every target (they end their streams), then the tap. The mix itself belongs to the mixer.</summary>
    public async ValueTask DisposeAsync()
    {
        List<TargetId> ids;
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            ids = _targets.Where(t => t.Value.Running is not null).Select(t => t.Key).ToList();
        }
        await Task.WhenAll(ids.Select(StopTargetAsync));
        _tap.Dispose();
        _changes.Writer.TryComplete();
        await _reporter;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A state change handler failed for target {Target}")]
    private static partial void LogHandlerFailed(ILogger log, Exception e, TargetId target);
}
