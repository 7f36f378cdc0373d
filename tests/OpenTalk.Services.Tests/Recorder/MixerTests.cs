using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTalk.Services.Recorder;
using OpenTalk.Services.Recorder.Gst;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Services.Tests.Recorder;

/// <summary>The real mix: GStreamer fed by two RTP publishers, its WebM read back with ffprobe/ffmpeg.</summary>
public sealed class MixerTests : IDisposable
{
    private const int Width = 1280, Height = 720;
    private readonly string _dir = Directory.CreateTempSubdirectory("opentalk-mix-").FullName;

    public MixerTests()
    {
        MediaTools.RequireMediaTools();
    }

    [Fact]
    public async Task Two_publishers_are_recorded_in_a_grid_then_in_speaker_layout_and_a_removed_one_leaves_the_picture()
    {
        using var red = RtpSender.Start("red", 440);
        using var blue = RtpSender.Start("blue", 660);
        var segments = new ConcurrentQueue<string>();
        var failures = new ConcurrentQueue<string>();
        await using var mixer = Mixer.Start(new MixSettings(_dir, Width, Height, SegmentSeconds: 4, LiveStreaming: false));
        var clock = Stopwatch.StartNew();
        mixer.SegmentClosed += segments.Enqueue;
        mixer.Failed += failures.Enqueue;
        mixer.InputFailed += (id, why) => failures.Enqueue($"{id}: {why}");
        var alice = new InputId("alice");
        var bob = new InputId("bob");
        mixer.AddInput(alice, "Alice", new RtpInput(red.VideoPort, "vp8", RtpSender.VideoPayload), new RtpInput(red.AudioPort, "opus", RtpSender.AudioPayload));
        mixer.AddInput(bob, "Bob & <Co>", new RtpInput(blue.VideoPort, "vp8", RtpSender.VideoPayload), new RtpInput(blue.AudioPort, "opus", RtpSender.AudioPayload));
        mixer.SetLayout(new Layout.Grid());

        await Task.Delay(TimeSpan.FromSeconds(4) - clock.Elapsed);
        mixer.SetLayout(new Layout.Speaker(Focus: bob));
        await Task.Delay(TimeSpan.FromSeconds(7) - clock.Elapsed);
        mixer.RemoveInput(alice);
        Assert.Equal([bob], mixer.Inputs);
        await Task.Delay(TimeSpan.FromSeconds(10) - clock.Elapsed);
        await mixer.StopAsync();

        Assert.Empty(failures);
        var files = Directory.GetFiles(_dir, "seg-*.webm").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, segments.Order(StringComparer.Ordinal).ToList());
        Assert.True(files.Count >= 2, $"segments: {string.Join(", ", files)}");
        var all = MediaTools.Concat(files, Path.Combine(_dir, "all.webm"));
        var probe = MediaTools.ProbeFile(all);
        Assert.True(probe.Codecs.SequenceEqual(["vp8", "opus"]) && probe.Width == Width && probe.Height == Height, probe.ToString());
        Assert.InRange(probe.Duration, 8, 12);

        // Grid of two: 640x360 tiles at y 180, names drawn at their bottom (left out of the regions).
        var grid = MediaTools.FrameAt(all, 2.5, Width, Height);
        Assert.Equal("red", MediaTools.ColourOf(grid, Width, 60, 220, 520, 220));
        Assert.Equal("blue", MediaTools.ColourOf(grid, Width, 700, 220, 520, 220));
        Assert.Equal("black", MediaTools.ColourOf(grid, Width, 0, 0, Width, 160));
        // Speaker layout from 4 s: Bob 1024x576 at the top, Alice 256x144 in the strip below, centred.
        var speaker = MediaTools.FrameAt(all, 5.5, Width, Height);
        Assert.Equal("blue", MediaTools.ColourOf(speaker, Width, 200, 40, 880, 440));
        Assert.Equal("red", MediaTools.ColourOf(speaker, Width, 530, 585, 220, 60));
        Assert.Equal("black", MediaTools.ColourOf(speaker, Width, 0, 600, 480, 120));
        // Alice left at 7 s: Bob alone fills the canvas.
        var bobAlone = MediaTools.FrameAt(all, 8.8, Width, Height);
        Assert.Equal("blue", MediaTools.ColourOf(bobAlone, Width, 60, 40, 520, 500));
        Assert.Equal("blue", MediaTools.ColourOf(bobAlone, Width, 700, 40, 520, 500));
    }

    [Fact]
    public async Task A_paused_recording_leaves_the_pause_out()
    {
        using var red = RtpSender.Start("red", 440);
        var segments = new ConcurrentQueue<string>();
        await using var mixer = Mixer.Start(new MixSettings(_dir, 640, 360, SegmentSeconds: 4, LiveStreaming: false, RecordingKbps: 600));
        var clock = Stopwatch.StartNew();
        mixer.SegmentClosed += segments.Enqueue;
        // A pause of a moment at the very start (a live stream started first, then the recording) loses nothing.
        mixer.PauseRecording();
        await Task.Delay(50);
        mixer.ResumeRecording();
        mixer.AddInput(new InputId("alice"), "Alice", new RtpInput(red.VideoPort, "vp8", RtpSender.VideoPayload), new RtpInput(red.AudioPort, "opus", RtpSender.AudioPayload));

        await Task.Delay(TimeSpan.FromSeconds(3) - clock.Elapsed);
        mixer.PauseRecording();
        await Task.Delay(TimeSpan.FromSeconds(6) - clock.Elapsed);
        mixer.ResumeRecording();
        await Task.Delay(TimeSpan.FromSeconds(9) - clock.Elapsed);
        await mixer.StopAsync();

        var all = MediaTools.Concat(segments, Path.Combine(_dir, "all.webm"));
        var probe = MediaTools.ProbeFile(all);
        Assert.True(probe.Codecs.SequenceEqual(["vp8", "opus"]), probe.ToString());
        Assert.True(probe.Duration is > 4.5 and < 7.5, $"{probe}; segments: " + string.Join("; ", segments.Select(f =>
            string.Join(' ', MediaTools.Run("ffprobe", "-v", "error", "-show_entries", "format=start_time,duration:stream=codec_name,start_time", "-of", "compact", f).Out.Select(c => (char)c)))));
        Assert.Equal("red", MediaTools.ColourOf(MediaTools.FrameAt(all, 4.5, 640, 360), 640, 100, 40, 440, 240));
    }

    [Fact]
    public async Task A_cut_recording_is_whole_in_its_closed_segments_and_what_follows_is_recorded_apart()
    {
        using var red = RtpSender.Start("red", 440);
        var closed = System.Threading.Channels.Channel.CreateUnbounded<string>();
        var cut = false;
        // Segments far longer than the test: only the cut closes one.
        await using var mixer = Mixer.Start(new MixSettings(_dir, 640, 360, SegmentSeconds: 60, LiveStreaming: false, RecordingKbps: 600));
        mixer.SegmentClosed += path => closed.Writer.TryWrite(path);
        // Paused as the recorder does, the moment the cut opens the next segment.
        mixer.SegmentOpened += _ => { if (cut) mixer.PauseRecording(); };
        mixer.AddInput(new InputId("alice"), "Alice", new RtpInput(red.VideoPort, "vp8", RtpSender.VideoPayload), new RtpInput(red.AudioPort, "opus", RtpSender.AudioPayload));
        await Task.Delay(TimeSpan.FromSeconds(4));

        cut = true;
        mixer.CutRecording();
        var first = await closed.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var firstProbe = MediaTools.ProbeFile(first);
        // Up to the cut (4 s of wall time; a busy machine starts the live mix later, so less may be in it).
        Assert.True(firstProbe.Codecs.SequenceEqual(["vp8", "opus"]) && firstProbe.Duration is > 1 and < 6, firstProbe.ToString());
        Assert.Equal("red", MediaTools.ColourOf(MediaTools.FrameAt(first, firstProbe.Duration / 2, 640, 360), 640, 100, 40, 440, 240));

        await Task.Delay(TimeSpan.FromSeconds(1));
        cut = false;
        mixer.ResumeRecording();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await mixer.StopAsync();
        var rest = Directory.GetFiles(_dir, "seg-*.webm").Order(StringComparer.Ordinal).Where(f => f != first).ToList();
        var restProbe = MediaTools.ProbeFile(MediaTools.Concat(rest, Path.Combine(_dir, "rest.webm")));
        // 3 s recorded after the resume; the segment the cut opened may also hold up to about two seconds from before
        // the pause (splitmuxsink reports the new segment only once it wrote the old one out, on a busy machine late).
        Assert.True(restProbe.Duration is > 1.5 and < 7, restProbe.ToString());
    }

    [Fact]
    public async Task H264_and_vp9_publishers_are_mixed_too()
    {
        using var red = RtpSender.Start("red", 440, "h264");
        using var blue = RtpSender.Start("blue", 660, "vp9");
        var failures = new ConcurrentQueue<string>();
        await using var mixer = Mixer.Start(new MixSettings(_dir, 640, 360, LiveStreaming: false, RecordingKbps: 600));
        mixer.Failed += failures.Enqueue;
        mixer.InputFailed += (id, why) => failures.Enqueue($"{id}: {why}");
        using (var taken = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0)))
        {
            // An input that cannot start is refused and leaves the mix as it was.
            var port = ((System.Net.IPEndPoint)taken.Client.LocalEndPoint!).Port;
            Assert.Throws<GstException>(() => mixer.AddInput(new InputId("taken"), "Taken", new RtpInput(port, "vp8", RtpSender.VideoPayload), null));
            Assert.Empty(mixer.Inputs);
        }
        mixer.AddInput(new InputId("h264"), "H.264", new RtpInput(red.VideoPort, "h264", RtpSender.VideoPayload), null);
        mixer.AddInput(new InputId("vp9"), "VP9", new RtpInput(blue.VideoPort, "vp9", RtpSender.VideoPayload), new RtpInput(blue.AudioPort, "opus", RtpSender.AudioPayload));
        await Task.Delay(TimeSpan.FromSeconds(4));
        await mixer.StopAsync();

        Assert.Empty(failures);
        var segment = Assert.Single(Directory.GetFiles(_dir, "seg-*.webm"));
        // Both pictures side by side. A decoder that lost a packet shows garbage until the next keyframe (about a second
        // here): on a busy machine one frame may fall into that gap, so several are looked at, a few hundred ms apart.
        var seen = new[] { 1.5, 2.0, 2.5, 3.0 }.Select(at =>
        {
            var frame = MediaTools.FrameAt(segment, at, 640, 360);
            return (Left: MediaTools.ColourOf(frame, 640, 30, 110, 260, 110), Right: MediaTools.ColourOf(frame, 640, 350, 110, 260, 110));
        }).ToList();
        Assert.True(seen.Contains(("red", "blue")), $"No frame shows the H.264 publisher (red) left of the VP9 one (blue): {string.Join(", ", seen)}");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
