using System.Globalization;
using Microsoft.Extensions.Logging;
using OpenTalk.Services.Recorder;
using OpenTalk.Services.Recorder.Gst;
using static OpenTalk.Services.Recorder.Gst.Native;

namespace OpenTalk.Services.CallIn;

/// <summary>
/// What a caller hears: everyone else's microphone, forwarded by Janus as Opus RTP to a port per person, decoded and
/// mixed by GStreamer (the recorder's audio path) down to 8 kHz mono. <see cref="NextFrame"/> hands 20 ms at a time to
/// the call's RTP; an empty room (or a late packet) is silence.
/// </summary>
public sealed class RoomAudioMix : IDisposable
{
    private const string Mixer = "amix", Sink = "out";

    private readonly GstPipeline _pipeline;
    private readonly string _address;
    private readonly Dictionary<Guid, MixBranch> _inputs = [];
    private readonly Lock _lock = new();
    private readonly Queue<short> _pending = new();
    private readonly Thread _reader;
    private readonly GstRef _sink;
    private volatile bool _stop;
    private int _branches;

    /// <summary>At most this much waits to be heard (the mix runs on its own clock): older audio is dropped.</summary>
    private const int MostPending = PromptLibrary.SampleRate / 5;

    private RoomAudioMix(GstPipeline pipeline, string address)
    {
        _pipeline = pipeline;
        _address = address;
        _sink = pipeline.Element(Sink);
        _reader = new Thread(Read) { IsBackground = true, Name = "call-room-audio" };
        _reader.Start();
    }

    public static RoomAudioMix Start(string rtpAddress, ILogger? log = null)
    {
        GstRuntime.Init();
        var line = string.Create(CultureInfo.InvariantCulture, $"""
            audiotestsrc is-live=true wave=silence ! audio/x-raw,rate=48000,channels=2 ! {Mixer}.sink_0
            audiomixer name={Mixer} latency=100000000 ! audioconvert ! audioresample
              ! audio/x-raw,format=S16LE,rate={PromptLibrary.SampleRate},channels=1,layout=interleaved
              ! appsink name={Sink} sync=false max-buffers=50 drop=true
            """).ReplaceLineEndings(" ");
        var pipeline = GstPipeline.Parse(line, "call-room-audio", log);
        try
        {
            var mix = new RoomAudioMix(pipeline, rtpAddress);
            pipeline.Play();
            return mix;
        }
        catch
        {
            pipeline.Dispose();
            throw;
        }
    }

    /// <summary>Listens on <paramref name="port"/> for <paramref name="participant"/>'s Opus (payload type 111).</summary>
    public void Add(Guid participant, int port)
    {
        lock (_lock)
        {
            if (_inputs.ContainsKey(participant))
                return;
            _inputs[participant] = MixBranch.Add(_pipeline, Mixer, $"in{++_branches}_a", MixGraph.Audio(new RtpInput(port, "opus", 111), _address), null);
        }
    }

    public void Remove(Guid participant)
    {
        lock (_lock)
        {
            if (_inputs.Remove(participant, out var branch))
                branch.Remove(_pipeline);
        }
    }

    public bool Has(Guid participant)
    {
        lock (_lock)
            return _inputs.ContainsKey(participant);
    }

    /// <summary>The next 20 ms of the room, or null when not that much has come (silence then).</summary>
    public short[]? NextFrame()
    {
        lock (_pending)
        {
            if (_pending.Count < CallMedia.FrameSamples)
                return null;
            var frame = new short[CallMedia.FrameSamples];
            for (var i = 0; i < frame.Length; i++)
                frame[i] = _pending.Dequeue();
            return frame;
        }
    }

    private unsafe void Read()
    {
        while (!_stop)
        {
            var sample = gst_app_sink_try_pull_sample(_sink.Handle, 100_000_000);
            if (sample == IntPtr.Zero)
                continue;
            try
            {
                var buffer = gst_sample_get_buffer(sample);
                GstMapInfo map;
                if (!gst_buffer_map(buffer, &map, GstConst.MapRead))
                    continue;
                try
                {
                    var samples = new ReadOnlySpan<short>(map.Data, checked((int)map.Size) / 2);
                    lock (_pending)
                    {
                        foreach (var s in samples)
                            _pending.Enqueue(s);
                        while (_pending.Count > MostPending)
                            _pending.Dequeue();
                    }
                }
                finally
                {
                    gst_buffer_unmap(buffer, &map);
                }
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
        _reader.Join();
        lock (_lock)
        {
            foreach (var branch in _inputs.Values)
                branch.Release();
            _inputs.Clear();
        }
        _sink.Dispose();
        _pipeline.Dispose();
    }
}
