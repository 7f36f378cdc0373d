using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using OpenTalk.Actors.Meetings;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Host.Tests.Media;

/// <summary>
/// The recorder as its own process (<c>opentalk recorder</c>), taking its jobs from RabbitMQ as on a machine of its
/// own: killed in the middle of a recording, the room says so, and what it recorded is stored when it starts again.
/// </summary>
[Collection(BrowserMediaCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RecorderProcessTests : IAsyncLifetime
{
    // Queues of their own on the shared broker: no other test's recorder takes these jobs.
    private readonly string _queues = "test-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _work = Directory.CreateTempSubdirectory("opentalk-recorder-work-").FullName;
    private readonly string _downloads = Directory.CreateTempSubdirectory("opentalk-recording-").FullName;
    private readonly ConcurrentQueue<string> _output = new();
    private MediaRoom _room = null!;

    public async Task InitializeAsync()
    {
        MediaTools.RequireMediaTools();
        _room = await MediaRoom.StartAsync(nodeSettings:
            ["--Services:RabbitMq", TestBroker.Uri.ToString(), "--Services:JobQueuePrefix", _queues, "--Media:TalkingLevel", "1"]);
    }

    public async Task DisposeAsync()
    {
        await _room.DisposeAsync();
        Directory.Delete(_work, recursive: true);
        Directory.Delete(_downloads, recursive: true);
    }

    private Process StartRecorder()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[NodeProcess.HostDll(), "recorder",
            "--Recorder:Node", _room.Node.BaseUri.ToString(),
            "--Recorder:ClientId", TestNode.RecorderClientId, "--Recorder:ClientSecret", TestNode.RecorderClientSecret,
            "--Recorder:RabbitMq", TestBroker.Uri.ToString(), "--Recorder:JobQueuePrefix", _queues,
            "--Recorder:RtpAddress", MediaNetwork.HostAddress, "--Recorder:WorkFolder", _work,
            "--Recorder:Width", "640", "--Recorder:Height", "360", "--Recorder:SegmentSeconds", "2"])
            start.ArgumentList.Add(argument);
        start.Environment["Logging__LogLevel__Default"] = "Information";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitForOutputAsync(string text, int seconds)
    {
        var said = await Poll.UntilAsync(() => Task.FromResult(_output.Any(line => line.Contains(text, StringComparison.Ordinal))), s => s, seconds);
        Assert.True(said, $"The recorder did not say '{text}'. It said:\n{string.Join('\n', _output)}");
    }

    private static bool IsStreamUpdate(JsonElement m, Guid target, string status) =>
        m.GetProperty("message").GetString() == "stream_updated"
        && m.GetProperty("payload").GetProperty("target_id").GetGuid() == target
        && m.GetProperty("payload").GetProperty("status").GetString() == status;

    [Fact]
    public async Task A_recorder_killed_mid_recording_is_reported_and_its_segments_are_stored_when_it_starts_again()
    {
        var (olga, uma, _) = await _room.OlgaReceivesUmaAsync(m => m.FramesDecoded > 0);
        await uma.SendAsync("recording", new { action = "set_consent", consent = true });
        using var recorder = StartRecorder();
        await WaitForOutputAsync("Recording for", 30);

        var recording = RoomRecording.TargetIdOf(_room.Room);
        await olga.SendAsync("recording", new { action = "start_stream", target_ids = new[] { recording } });
        await Poll.UntilAsync(uma.MessagesAsync, ms => ms.Any(m => IsStreamUpdate(m, recording, "active")), 30);
        await Task.Delay(TimeSpan.FromSeconds(7));
        recorder.Kill(entireProcessTree: true);
        await recorder.WaitForExitAsync();

        // Everyone learns that the recording broke off; what was recorded is still on the recorder's disk.
        var failed = await Poll.UntilAsync(uma.MessagesAsync, ms => ms.Any(m => IsStreamUpdate(m, recording, "error")), 30);
        Assert.Equal("recorder_gone", failed.Last(m => IsStreamUpdate(m, recording, "error")).GetProperty("payload").GetProperty("reason").GetProperty("code").GetString());
        Assert.True(Directory.GetFiles(_work, "seg-*.webm", SearchOption.AllDirectories).Length >= 2, "The segments recorded before the kill are gone.");
        Assert.Empty(await _room.Owner.ListRoomAssetsAsync(_room.Room));

        // Started again, the recorder stores them: the room has its recording, most of the 7 seconds.
        using var again = StartRecorder();
        var asset = Assert.Single(await Poll.UntilAsync(() => _room.Owner.ListRoomAssetsAsync(_room.Room), list => list.Count == 1, 60));
        var file = Path.Combine(_downloads, asset.Filename);
        await using (var output = File.Create(file))
            await _room.Owner.DownloadAssetAsync(_room.Room, asset.Id, output);
        var probe = MediaTools.ProbeFile(file);
        Assert.True(probe.Codecs.Contains("vp8") && probe.Duration is >= 3 and <= 9, probe.ToString());
        Assert.True(await Poll.UntilAsync(() => Task.FromResult(Directory.GetDirectories(_work).Length == 0), done => done, 10),
            "The stored recording's folder stayed on the recorder's disk.");
        again.Kill(entireProcessTree: true);
    }
}
