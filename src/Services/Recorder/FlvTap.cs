using OpenTalk.Services.Recorder.Gst;
using static OpenTalk.Services.Recorder.Gst.Native;

namespace OpenTalk.Services.Recorder;

/// <summary>
/// Pulls the one FLV stream from the mix's appsink on its own thread and hands each tag to the running targets. The
/// appsink drops rather than blocks, so no target can stall the encoders or the recording.
/// </summary>
internal sealed class FlvTap : IDisposable
{
    private readonly GstRef _sink;
    private readonly Thread _thread;
    private readonly Func<IReadOnlyList<LiveTarget>> _targets;
    private volatile bool _stop;
    private IntPtr _lastCaps;
    private bool _sawSample;
    private volatile string? _caps;

    public FlvTap(GstRef appsink, Func<IReadOnlyList<LiveTarget>> targets)
    {
        _sink = appsink;
        _targets = targets;
        _thread = new Thread(Loop) { IsBackground = true, Name = "flv-tap" };
        _thread.Start();
    }

    /// <summary>The appsink's caps as text: with streamable=true they carry the streamheader (FLV header, metadata,
    /// AVC and AAC sequence headers) that a target joining later sends first.</summary>
    public string? Caps => _caps;

    /// <summary>Asks x264 for a keyframe now so a new target does not wait up to key-int-max.</summary>
    public void RequestKeyframe() =>
        gst_element_send_event(_sink.Handle, gst_video_event_new_upstream_force_key_unit(GstConst.ClockTimeNone, true, 0));

    private unsafe void Loop()
    {
        while (!_stop)
        {
            var sample = gst_app_sink_try_pull_sample(_sink.Handle, 100_000_000);
            if (sample == IntPtr.Zero)
            {
                // is_eos is also true before the appsink started, hence only after a first sample.
                if (_sawSample && gst_app_sink_is_eos(_sink.Handle))
                {
                    foreach (var target in _targets()) target.EndOfStream();
                    return;
                }
                continue;
            }
            try
            {
                _sawSample = true;
                var caps = gst_sample_get_caps(sample);
                if (caps != _lastCaps && caps != IntPtr.Zero)
                {
                    _lastCaps = caps;
                    _caps = GstText.Take(gst_caps_to_string(caps));
                }
                var buffer = gst_sample_get_buffer(sample);
                GstMapInfo map;
                if (!gst_buffer_map(buffer, &map, GstConst.MapRead)) continue;
                byte[] data;
                try
                {
                    data = new ReadOnlySpan<byte>(map.Data, checked((int)map.Size)).ToArray();
                }
                finally
                {
                    gst_buffer_unmap(buffer, &map);
                }
                var chunk = new FlvChunk(data, gst_buffer_get_flags(buffer));
                foreach (var target in _targets()) target.Offer(chunk, Caps);
            }
            finally
            {
                gst_sample_unref(sample);
            }
        }
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
        _sink.Dispose();
    }
}
