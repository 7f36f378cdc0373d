using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTalk.Services.Recorder;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Services.Tests.Recorder;

/// <summary>Live streaming from the real mix to our own nginx (RTMP module), and to a port where nobody listens.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LiveTargetsTests : IDisposable
{
    private const int Width = 640, Height = 360;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly string _dir = Directory.CreateTempSubdirectory("opentalk-live-").FullName;

    public LiveTargetsTests()
    {
        MediaTools.RequireMediaTools();
    }

    [Fact]
    public async Task Two_targets_receive_the_stream_while_a_failing_one_and_a_stopped_one_change_nothing_else()
    {
        using var server = await RtmpServer.StartAsync();
        using var crashingServer = await RtmpServer.StartAsync();
        using var red = RtpSender.Start("red", 440);
        var failures = new ConcurrentQueue<string>();
        var changes = new ConcurrentQueue<(TargetId Id, TargetState State)>();
        await using var mixer = Mixer.Start(new MixSettings(_dir, Width, Height, SegmentSeconds: 5, LiveKbps: 800, RecordingKbps: 800));
        var clock = Stopwatch.StartNew();
        mixer.Failed += failures.Enqueue;
        mixer.AddInput(new InputId("alice"), "Alice", new RtpInput(red.VideoPort, "vp8", RtpSender.VideoPayload), new RtpInput(red.AudioPort, "opus", RtpSender.AudioPayload));
        var live = mixer.Live!;
        live.StateChanged += (id, state) => changes.Enqueue((id, state));
        TargetId a = new(Guid.NewGuid()), b = new(Guid.NewGuid()), closed = new(Guid.NewGuid()), crashing = new(Guid.NewGuid());

        live.StartTarget(a, server.Url("a"));
        live.StartTarget(b, server.Url("b"));
        live.StartTarget(closed, $"rtmp://127.0.0.1:{MediaTools.FreeTcpPort()}/live/c");
        live.StartTarget(crashing, crashingServer.Url("d"));
        Assert.Equal(TargetStatus.Starting, live.StateOf(a)?.Status);

        var settled = await MediaTools.Eventually(() =>
            live.StateOf(a)?.Status == TargetStatus.Active && live.StateOf(b)?.Status == TargetStatus.Active
            && live.StateOf(crashing)?.Status == TargetStatus.Active && live.StateOf(closed)?.Status == TargetStatus.Error, Patience);
        Assert.True(settled, $"a {live.StateOf(a)}, b {live.StateOf(b)}, crashing {live.StateOf(crashing)}, closed {live.StateOf(closed)}");
        Assert.Equal(TargetError.ConnectionFailed, live.StateOf(closed)!.Error!.Code);

        // A server that dies while we stream to it: that target alone goes to error.
        crashingServer.Kill();
        Assert.True(await MediaTools.Eventually(() => live.StateOf(crashing)?.Status == TargetStatus.Error, Patience), $"crashing {live.StateOf(crashing)}");
        Assert.Equal(TargetError.Disconnected, live.StateOf(crashing)!.Error!.Code);
        Assert.Equal(TargetStatus.Active, live.StateOf(a)?.Status);

        await Task.Delay(TimeSpan.FromSeconds(2));
        await live.StopTargetAsync(a);
        Assert.Equal(TargetStatus.Inactive, live.StateOf(a)?.Status);
        var bytesAfterStop = Directory.GetFiles(server.RecordDirectory, "b-*.flv").Sum(f => new FileInfo(f).Length);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(TargetStatus.Active, live.StateOf(b)?.Status);
        var bytesLater = Directory.GetFiles(server.RecordDirectory, "b-*.flv").Sum(f => new FileInfo(f).Length);
        Assert.True(bytesLater > bytesAfterStop, $"b's stream did not grow after a stopped ({bytesAfterStop} → {bytesLater} bytes)");

        // Paused: its stream ends (nobody streams now, so the encoder rests); started again: a new stream.
        await live.PauseTargetAsync(b);
        Assert.Equal(TargetStatus.Paused, live.StateOf(b)?.Status);
        live.StartTarget(b, server.Url("b"));
        Assert.True(await MediaTools.Eventually(() => live.StateOf(b)?.Status == TargetStatus.Active, Patience), $"b {live.StateOf(b)}");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var recordedFor = clock.Elapsed.TotalSeconds;
        await mixer.StopAsync();

        Assert.Empty(failures);
        await MediaTools.Eventually(() => live.StateOf(b)?.Status == TargetStatus.Inactive, TimeSpan.FromSeconds(5));
        Assert.Equal(TargetStatus.Inactive, live.StateOf(b)?.Status);
        Assert.Equal([TargetStatus.Starting, TargetStatus.Active, TargetStatus.Inactive], changes.Where(c => c.Id == a).Select(c => c.State.Status));
        Assert.Equal([TargetStatus.Starting, TargetStatus.Error], changes.Where(c => c.Id == closed).Select(c => c.State.Status));

        Assert.Equal([TargetStatus.Starting, TargetStatus.Active, TargetStatus.Paused, TargetStatus.Starting, TargetStatus.Active, TargetStatus.Inactive],
            changes.Where(c => c.Id == b).Select(c => c.State.Status));

        var probeA = MediaTools.ProbeFile(Assert.Single(server.Recordings("a")));
        var ofB = server.Recordings("b");
        Assert.Equal(2, ofB.Count); // before the pause and after
        var probesB = ofB.Select(MediaTools.ProbeFile).ToList();
        foreach (var p in probesB.Prepend(probeA))
            Assert.True(p.Codecs.Order(StringComparer.Ordinal).SequenceEqual(["aac", "h264"]) && p.Width == Width && p.Height == Height, p.ToString());
        Assert.True(probesB[0].Duration > probeA.Duration + 1.5, $"a {probeA}, b before its pause {probesB[0]}");
        Assert.True(probesB[1].Duration > 1, $"b after its pause {probesB[1]}");

        var segments = Directory.GetFiles(_dir, "seg-*.webm").Order(StringComparer.Ordinal).ToList();
        var recording = MediaTools.ProbeFile(MediaTools.Concat(segments, Path.Combine(_dir, "all.webm")));
        Assert.True(recording.Codecs.SequenceEqual(["vp8", "opus"]), recording.ToString());
        Assert.InRange(recording.Duration, recordedFor - 2, recordedFor + 2);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
