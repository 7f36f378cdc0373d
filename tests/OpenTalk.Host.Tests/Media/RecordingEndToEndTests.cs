using System.Text.Json;
using OpenTalk.Actors.Meetings;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Host.Tests.Media;

/// <summary>
/// A meeting recorded for real: browsers publish through Janus, the node's own recorder (in-process, as on one
/// machine without a broker) joins hidden, mixes what Janus forwards and stores the recording as an asset of the room.
/// </summary>
[Collection(BrowserMediaCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RecordingEndToEndTests : IAsyncLifetime
{
    private const int Width = 640, Height = 360;
    private readonly string _downloads = Directory.CreateTempSubdirectory("opentalk-recording-").FullName;
    // Recordings go to the S3-compatible server ./test runs, a bucket of this test's own.
    private readonly OpenTalk.Host.Artifacts.S3ArtifactSettings _s3 = TestS3.NewBucket();
    private MediaRoom _room = null!;

    public async Task InitializeAsync()
    {
        MediaTools.RequireMediaTools();
        _room = await MediaRoom.StartAsync(nodeSettings:
        [
            .. TestS3.NodeArguments(_s3),
            "--Recorder:InProcess", "true", "--Recorder:RtpAddress", MediaNetwork.HostAddress,
            "--Recorder:Width", $"{Width}", "--Recorder:Height", $"{Height}", "--Recorder:SegmentSeconds", "4",
            // Nobody counts as speaking (the fake microphones beep): the mix stays a grid, whose tiles the test knows.
            "--Media:TalkingLevel", "1",
        ]);
    }

    public async Task DisposeAsync()
    {
        await _room.DisposeAsync();
        Directory.Delete(_downloads, recursive: true);
    }

    private static bool IsStreamUpdate(JsonElement m, Guid target, string status) =>
        m.GetProperty("message").GetString() == "stream_updated"
        && m.GetProperty("payload").GetProperty("target_id").GetGuid() == target
        && m.GetProperty("payload").GetProperty("status").GetString() == status;

    /// <summary>The average brightness (0-255) of a region of an RGB24 frame.</summary>
    private static double Brightness(byte[] rgb, int x, int y, int w, int h)
    {
        double sum = 0;
        for (var yy = y; yy < y + h; yy++)
            for (var xx = x; xx < x + w; xx++)
            {
                var i = (yy * Width + xx) * 3;
                sum += (rgb[i] + rgb[i + 1] + rgb[i + 2]) / 3.0;
            }
        return sum / (w * h);
    }

    [Fact]
    public async Task Ten_seconds_of_a_meeting_become_a_recording_of_the_room_with_a_tile_for_each_consenting_publisher()
    {
        var olga = await _room.JoinAsync("Olga");
        var uma = await _room.JoinAsync("Uma");
        var dora = await _room.JoinAsync("Dora");
        await olga.SendAsync("recording", new { action = "set_consent", consent = true });
        await uma.SendAsync("recording", new { action = "set_consent", consent = true });
        await dora.SendAsync("recording", new { action = "set_consent", consent = false });
        foreach (var publisher in new[] { olga, uma, dora })
            await publisher.PublishAsync("video");
        await Poll.UntilAsync(olga.StatsAsync, s => new[] { uma, dora }.All(p =>
            s.TryGetValue(BrowserParticipant.Key(p, "video"), out var m) && m.FramesDecoded > 0), 60);

        var recording = RoomRecording.TargetIdOf(_room.Room);
        await olga.SendAsync("recording", new { action = "start_stream", target_ids = new[] { recording } });
        await Poll.UntilAsync(uma.MessagesAsync, ms => ms.Any(m => IsStreamUpdate(m, recording, "active")), 30);
        await Task.Delay(TimeSpan.FromSeconds(10));
        await olga.SendAsync("recording", new { action = "stop_stream", target_ids = new[] { recording } });
        await Poll.UntilAsync(uma.MessagesAsync, ms => ms.Any(m => IsStreamUpdate(m, recording, "inactive")), 30);

        // The recording is an asset of the room: listed for its owner, and downloadable.
        var asset = Assert.Single(await Poll.UntilAsync(() => _room.Owner.ListRoomAssetsAsync(_room.Room), list => list.Count == 1, 60));
        Assert.Equal(("recording", "record"), (asset.Namespace, asset.Kind));
        Assert.EndsWith(".webm", asset.Filename, StringComparison.Ordinal);
        var file = Path.Combine(_downloads, "recording.webm");
        await using (var output = File.Create(file))
            Assert.Equal("video/webm", (await _room.Owner.DownloadAssetAsync(_room.Room, asset.Id, output)).ContentType);
        Assert.Equal(new FileInfo(file).Length, asset.Size);
        using (var bucket = OpenTalk.Host.Artifacts.S3ArtifactStore.CreateClient(_s3))
        {
            var stored = Assert.Single((await bucket.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = _s3.Bucket })).S3Objects);
            Assert.Equal(asset.Size, stored.Size);
        }

        var probe = MediaTools.ProbeFile(file);
        Assert.True(probe.Codecs.Order().SequenceEqual(["opus", "vp8"]) && probe.Width == Width && probe.Height == Height, probe.ToString());
        Assert.InRange(probe.Duration, 8, 12);
        Assert.Equal(probe.Duration, asset.Duration ?? 0, 0.2); // what the recorder measured, shown with the asset

        // A grid of two (Olga and Uma; Dora declined): two 320x180 tiles side by side at y 90, black above and below.
        // A third tile would make it two rows, filling the bands.
        var frame = MediaTools.FrameAt(file, probe.Duration / 2, Width, Height);
        Assert.True(Brightness(frame, 20, 100, 280, 120) > 40, "The left tile is black.");
        Assert.True(Brightness(frame, 340, 100, 280, 120) > 40, "The right tile is black.");
        Assert.True(Brightness(frame, 0, 0, Width, 80) < 15, "Something is drawn above the two tiles.");
        Assert.True(Brightness(frame, 0, 280, Width, 80) < 15, "Something is drawn below the two tiles.");
    }

    private static bool IsFailure(JsonElement m, Guid target, string code) =>
        IsStreamUpdate(m, target, "error") && m.GetProperty("payload").GetProperty("reason").GetProperty("code").GetString() == code;

    [Fact]
    public async Task Two_live_streams_and_the_recording_come_from_one_mix_and_a_platform_that_fails_stops_nothing_else()
    {
        using var first = await RtmpServer.StartAsync();
        using var second = await RtmpServer.StartAsync();
        var one = await _room.Owner.AddStreamingTargetAsync(_room.Room, new StreamingTargetRequest("First", $"rtmp://127.0.0.1:{first.Port}/live/", "one", null));
        var two = await _room.Owner.AddStreamingTargetAsync(_room.Room, new StreamingTargetRequest("Second", $"rtmp://127.0.0.1:{second.Port}/live/", "two", null));
        var (olga, uma, _) = await _room.OlgaReceivesUmaAsync(m => m.FramesDecoded > 0);
        await uma.SendAsync("recording", new { action = "set_consent", consent = true });

        var recording = RoomRecording.TargetIdOf(_room.Room);
        await olga.SendAsync("recording", new { action = "start_stream", target_ids = new[] { recording, one.Id, two.Id } });
        await Poll.UntilAsync(uma.MessagesAsync, ms => new[] { recording, one.Id, two.Id }.All(t => ms.Any(m => IsStreamUpdate(m, t, "active"))), 30);
        var recordingFor = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(3));

        // The second platform goes down: its stream alone fails; the first and the recording go on.
        second.Kill();
        await Poll.UntilAsync(uma.MessagesAsync, ms => ms.Any(m => IsFailure(m, two.Id, "disconnected")), 30);
        long Received() => first.Recordings("one").Sum(f => new FileInfo(f).Length);
        var before = Received();
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.True(Received() > before, "The first platform stopped receiving when the second failed.");
        Assert.DoesNotContain(await uma.MessagesAsync(), m => IsStreamUpdate(m, one.Id, "error") || IsStreamUpdate(m, recording, "error"));

        // Stopping the recording while the first platform still streams: the recording is stored now, not when the
        // live stream ends, and the stream goes on.
        var ran = recordingFor.Elapsed.TotalSeconds;
        await olga.SendAsync("recording", new { action = "stop_stream", target_ids = new[] { recording } });
        await Poll.UntilAsync(uma.MessagesAsync, ms => ms.Any(m => IsStreamUpdate(m, recording, "inactive")), 30);
        var asset = Assert.Single(await Poll.UntilAsync(() => _room.Owner.ListRoomAssetsAsync(_room.Room), list => list.Count == 1, 60));
        Assert.DoesNotContain(await uma.MessagesAsync(), m => IsStreamUpdate(m, one.Id, "inactive") || IsStreamUpdate(m, one.Id, "error"));
        before = Received();
        await Poll.UntilAsync(() => Task.FromResult(Received()), now => now > before, 30);

        await olga.SendAsync("recording", new { action = "stop_stream", target_ids = new[] { one.Id } });
        await Poll.UntilAsync(uma.MessagesAsync, ms => ms.Any(m => IsStreamUpdate(m, one.Id, "inactive")), 30);
        var stream = MediaTools.ProbeFile(Assert.Single(first.Recordings("one")));
        Assert.True(stream.Codecs.Order().SequenceEqual(["aac", "h264"]) && stream.Duration > 3, stream.ToString());
        Assert.True(second.Recordings("two").Count > 0, "The second platform never received the stream.");
        // The recording ran through all of it: from the start to its own stop, past the failure. What the mix made
        // for the stream afterwards is not in it, and no second asset comes when the session ends.
        var file = Path.Combine(_downloads, asset.Filename);
        await using (var output = File.Create(file))
            await _room.Owner.DownloadAssetAsync(_room.Room, asset.Id, output);
        var recorded = MediaTools.ProbeFile(file);
        Assert.True(recorded.Codecs.Contains("vp8") && Math.Abs(recorded.Duration - ran) < 2, $"{recorded}, recording for {ran:0.0} s");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(await _room.Owner.ListRoomAssetsAsync(_room.Room));
    }
}
