using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using OpenTalk.Services.Recorder.Gst;
using static OpenTalk.Services.Recorder.Gst.Native;

namespace OpenTalk.Services.Recorder;

/// <summary>
/// One RTMP destination as its own pipeline, appsrc ! queue ! rtmp2sink: its own bus and its own failure. Inside the
/// mix a failing rtmp2sink would return a flow error that stops the encoders and the recording with it.
/// </summary>
internal sealed partial class LiveTarget : IDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(3);

    private readonly Lock _lock = new();
    private readonly GstPipeline _pipeline;
    private readonly GstRef _src;
    private readonly GstRef _sink;
    private readonly ManualResetEventSlim _ended = new();
    private readonly Stopwatch _since = Stopwatch.StartNew();
    private bool _playing, _keyframeSeen, _connected, _closed;
    private uint _offset;
    private long _lastCheck;

    private LiveTarget(TargetId id, GstPipeline pipeline)
    {
        Id = id;
        _pipeline = pipeline;
        _src = pipeline.Element("src");
        _sink = pipeline.Element("sink");
        pipeline.EndOfStream += _ended.Set;
        pipeline.Error += e =>
        {
            _ended.Set();
            Fail(e.Message);
        };
    }

    public TargetId Id { get; }

    /// <summary>The server answered (raised once, on the tap thread).</summary>
    public event Action<LiveTarget>? Connected;

    /// <summary>The target cannot go on (raised once; the owner tears it down off this thread).</summary>
    public event Action<LiveTarget, string>? Failed;

    public static LiveTarget Create(TargetId id, string url, ILogger log)
    {
        var pipeline = GstPipeline.Parse(
            "appsrc name=src is-live=true format=time do-timestamp=false max-bytes=4000000 leaky-type=downstream " +
            "! queue ! rtmp2sink name=sink sync=false async-connect=true", "target " + id, log);
        try
        {
            using (var sink = pipeline.Element("sink")) GstRuntime.SetString(sink.Handle, "location", url);
            return new LiveTarget(id, pipeline);
        }
        catch
        {
            pipeline.Dispose();
            throw;
        }
    }

    /// <summary>Called with every FLV tag. Caps (with the streamheader) go first, then tags from the next video
    /// keyframe on, each timestamp moved so that the target's stream starts at 0.</summary>
    public void Offer(FlvChunk chunk, string? caps)
    {
        bool connected = false, timedOut = false;
        string? failure = null;
        lock (_lock)
        {
            if (_closed) return;
            try
            {
                if (!Push(chunk, caps) || _connected) return;
                (connected, timedOut) = CheckConnected();
            }
            catch (Exception e)
            {
                failure = e.Message; // never let one target end the tap thread (and with it every target)
            }
        }
        // Raised outside our lock; the handles are not touched any more.
        if (connected) Connected?.Invoke(this);
        else if (timedOut) Fail("no answer from the server within " + ConnectTimeout.TotalSeconds + " s", timeout: true);
        else if (failure is not null) Fail(failure);
    }

    /// <summary>Under the lock, not closed. False while the target waits for caps or a keyframe.</summary>
    private unsafe bool Push(FlvChunk chunk, string? caps)
    {
        if (!_playing)
        {
            if (caps is null) return false;
            var gcaps = gst_caps_from_string(caps);
            if (gcaps == IntPtr.Zero) throw new GstException("unreadable FLV caps");
            gst_app_src_set_caps(_src.Handle, gcaps);
            gst_caps_unref(gcaps);
            _pipeline.Play();
            _playing = true;
        }
        if (!_keyframeSeen)
        {
            // Header buffers went out with the caps' streamheader already.
            if (!chunk.IsVideoKeyframe) return false;
            _keyframeSeen = true;
            _offset = FlvChunk.Timestamp(chunk.Data);
        }
        var data = chunk.Rebased(_offset);
        IntPtr buffer;
        fixed (byte* p = data) buffer = gst_buffer_new_memdup(p, (nuint)data.Length);
        _ = gst_app_src_push_buffer(_src.Handle, buffer); // a failure shows as an error on the bus
        return true;
    }

    /// <summary>Under the lock. rtmp2sink reports nothing when it is through; its stats do (bytes from the server =
    /// handshake and connect answered). Checked a few times a second while starting.</summary>
    private (bool Connected, bool TimedOut) CheckConnected()
    {
        var now = _since.ElapsedMilliseconds;
        if (now - _lastCheck < 200) return (false, false);
        _lastCheck = now;
        var match = InBytes().Match(_sink.Get("stats") ?? "");
        if (match.Success && ulong.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) > 0)
        {
            _connected = true;
            return (true, false);
        }
        return (false, _since.Elapsed > ConnectTimeout);
    }

    public bool TimedOut { get; private set; }

    public bool WasConnected => _connected;

    private void Fail(string message, bool timeout = false)
    {
        lock (_lock)
        {
            if (_closed) return;
            _closed = true;
            TimedOut = timeout;
        }
        Failed?.Invoke(this, message);
    }

    /// <summary>The mix ended: finish the stream as the mix did.</summary>
    public void EndOfStream()
    {
        lock (_lock)
        {
            if (_playing && !_closed) _ = gst_app_src_end_of_stream(_src.Handle);
            _closed = true;
        }
    }

    /// <summary>Ends the stream (rtmp2sink unpublishes on EOS), then tears the pipeline down. Not on its bus thread.</summary>
    public void Stop()
    {
        bool wasPlaying;
        lock (_lock)
        {
            wasPlaying = _playing && !_ended.IsSet;
            if (wasPlaying && !_closed) _ = gst_app_src_end_of_stream(_src.Handle);
            _closed = true;
        }
        if (wasPlaying) _ended.Wait(StopTimeout);
        _src.Dispose();
        _sink.Dispose();
        _pipeline.Dispose();
        _ended.Dispose();
    }

    public void Dispose() => Stop();

    [GeneratedRegex(@"in-bytes-total=\(guint64\)(\d+)")]
    private static partial Regex InBytes();
}
