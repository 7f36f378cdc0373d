using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTalk.Services.Recorder.Gst;

namespace OpenTalk.Services.Recorder;

/// <summary>
/// The live mix of a room: RTP inputs in, tiles with names and one audio mix out, recorded as WebM (VP8+Opus)
/// segments and, when live streaming is on, encoded once to FLV for the RTMP targets (<see cref="Live"/>).
/// Call it from one thread at a time; events come on GStreamer's bus thread.
/// </summary>
public sealed partial class Mixer : IAsyncDisposable
{
    /// <summary>How long the end of stream may take through the mix and the last segment's finishing: normally well
    /// under a second, but on a machine loaded by other mixes the encoders' backlog comes first, and giving up loses the
    /// last segment.</summary>
    private static readonly TimeSpan EosTimeout = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private readonly MixSettings _settings;
    private readonly GstPipeline _pipeline;
    private readonly ILogger _log;
    private readonly Dictionary<InputId, (MixBranch? Video, MixBranch? Audio)> _inputs = [];
    private readonly List<InputId> _videoOrder = [];
    private readonly TaskCompletionSource<string?> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Layout _layout = new Layout.Grid();
    private int _branches;
    private bool _recordingPaused;
    private long _pausedAt;
    private TimeSpan _pausedFor;
    private bool _stopped;

    private Mixer(MixSettings settings, GstPipeline pipeline, ILogger log)
    {
        _settings = settings;
        _pipeline = pipeline;
        _log = log;
        _pipeline.Error += OnError;
        _pipeline.EndOfStream += () => _finished.TrySetResult(null);
        _pipeline.ElementMessage += m =>
        {
            if (m.Name == "splitmuxsink-fragment-closed" && m.Location is { } path) SegmentClosed?.Invoke(path);
            else if (m.Name == "splitmuxsink-fragment-opened" && m.Location is { } opened) SegmentOpened?.Invoke(opened);
        };
        if (settings.LiveStreaming) Live = new LiveTargets(pipeline, log);
    }

    /// <summary>A WebM segment is complete (its path); hand it on at once, the next one is being written.</summary>
    public event Action<string>? SegmentClosed;

    /// <summary>A new segment begins (its path): after <see cref="CutRecording"/>, the moment to pause (the previous
    /// segment is finished in the background and reported by <see cref="SegmentClosed"/>).</summary>
    public event Action<string>? SegmentOpened;

    /// <summary>
    /// The mix stopped working (the reason); the recording has ended, dispose the mixer. The mix plays from
    /// <see cref="Start"/> on: a handler added after it already failed hears of it at once.
    /// </summary>
    public event Action<string>? Failed
    {
        add
        {
            string? already;
            lock (_lock)
            {
                _failed += value;
                already = _failure;
            }
            if (already is not null) value?.Invoke(already);
        }
        remove
        {
            lock (_lock) _failed -= value;
        }
    }

    private Action<string>? _failed;
    private string? _failure;

    /// <summary>One input failed (e.g. a stream that cannot be decoded); the rest of the mix goes on.</summary>
    public event Action<InputId, string>? InputFailed;

    /// <summary>The RTMP targets; null when <see cref="MixSettings.LiveStreaming"/> is off.</summary>
    public LiveTargets? Live { get; }

    public IReadOnlyCollection<InputId> Inputs
    {
        get
        {
            lock (_lock) return _inputs.Keys.ToList();
        }
    }

    public static Mixer Start(MixSettings settings, ILogger? log = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.SegmentSeconds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.FramesPerSecond, 1);
        if (settings.Width < 16 || settings.Height < 16 || settings.Width % 2 != 0 || settings.Height % 2 != 0)
            throw new ArgumentException("the canvas needs an even width and height of at least 16", nameof(settings));
        _ = IPAddress.Parse(settings.RtpAddress); // it goes into launch lines
        Directory.CreateDirectory(settings.OutputDirectory);
        var pipeline = GstPipeline.Parse(MixGraph.Describe(settings), "mix", log);
        Mixer? mixer = null;
        try
        {
            using (var segments = pipeline.Element(MixGraph.Segments))
                GstRuntime.SetString(segments.Handle, "location", // a printf format
                    Path.Combine(Path.GetFullPath(settings.OutputDirectory).Replace("%", "%%", StringComparison.Ordinal), "seg-%05d.webm"));
            mixer = new Mixer(settings, pipeline, log ?? NullLogger.Instance);
            pipeline.Play();
            return mixer;
        }
        catch
        {
            // Nothing played yet: ending the FLV tap is quick.
            mixer?.Live?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            pipeline.Dispose();
            throw;
        }
    }

    /// <summary>EOS through the whole mix: the last segment is finished (and <see cref="SegmentClosed"/> raised),
    /// live targets get their end of stream. Then the pipeline stops.</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        lock (_lock)
        {
            if (_stopped) return;
            _stopped = true;
        }
        string? failure;
        if (!_pipeline.SendEos(EosTimeout))
            failure = "the mix did not take the end of stream in time";
        else
        {
            try
            {
                failure = await _finished.Task.WaitAsync(EosTimeout, ct);
            }
            catch (TimeoutException)
            {
                failure = "the last segment was not finished in time";
            }
        }
        if (Live is not null) await Live.DisposeAsync();
        if (failure is not null) throw new GstException(failure);
    }

    private void OnError(GstError error)
    {
        InputId? failedInput = null;
        lock (_lock)
        {
            foreach (var (id, (video, audio)) in _inputs)
                if (Inside(error, video) || Inside(error, audio)) failedInput = id;
        }
        if (failedInput is { } input)
        {
            InputFailed?.Invoke(input, error.Message);
            return;
        }
        // From an input that is gone or never started (AddInput threw): the mix is not concerned.
        if (InputBin().IsMatch(error.SourcePath)) return;
        _finished.TrySetResult(error.Message);
        Action<string>? handlers;
        var reason = $"{error.Source}: {error.Message}";
        lock (_lock)
        {
            if (_failure is not null) return; // once: the mix is over
            _failure = reason;
            handlers = _failed;
        }
        handlers?.Invoke(reason);
    }

    private static bool Inside(GstError error, MixBranch? branch) =>
        branch is not null && error.SourcePath.Contains(":" + branch.Name + "/", StringComparison.Ordinal);

    [GeneratedRegex(@":in\d+_[va]/")]
    private static partial Regex InputBin();

    public async ValueTask DisposeAsync()
    {
        lock (_lock) _stopped = true;
        if (Live is not null) await Live.DisposeAsync(); // once only; also after a cancelled StopAsync
        lock (_lock)
        {
            foreach (var (video, audio) in _inputs.Values)
            {
                video?.Release();
                audio?.Release();
            }
            _inputs.Clear();
        }
        _pipeline.Dispose();
    }
}
