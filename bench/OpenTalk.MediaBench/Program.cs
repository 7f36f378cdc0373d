using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using OpenTalk.Client;
using OpenTalk.Protocol.Rest;

// Media benchmark (bench/run-media.sh starts Janus, the node and the namespace):
// 1. time to the first shown video frame when subscribing through OpenTalk vs. the same browser talking to the same
//    Janus directly, alternating, N rounds each;
// 2. CPU time of the node process for 100 publishers' signaling (join, publish offer, answer).
var arguments = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => args[x.i + 1], StringComparer.Ordinal);
var server = new Uri(arguments["server"]);
var janusUrl = arguments["janus-url"];
var janusSecret = arguments["janus-secret"];
var serverPid = int.Parse(arguments["server-pid"], CultureInfo.InvariantCulture);
var rounds = int.Parse(arguments.GetValueOrDefault("rounds", "10"), CultureInfo.InvariantCulture);
var publishers = int.Parse(arguments.GetValueOrDefault("publishers", "100"), CultureInfo.InvariantCulture);
var results = arguments.GetValueOrDefault("results", "bench/results");

var admin = new OpenTalkApi(new HttpClient { BaseAddress = server }) { AccessToken = await SignIn.WithPasswordAsync(server, "admin", arguments["admin-password"]) };
var room = (await admin.CreateRoomAsync(new CreateRoomRequest(null))).Id;

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = arguments["chromium"],
    Args = ["--no-sandbox", "--disable-gpu", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
        "--autoplay-policy=no-user-gesture-required", $"--unsafely-treat-insecure-origin-as-secure={server.GetLeftPart(UriPartial.Authority)}"],
});

async Task<IPage> JoinAsync(string name)
{
    var invite = await admin.CreateInviteAsync(room);
    var ticket = await new OpenTalkApi(new HttpClient { BaseAddress = server }).StartInvitedAsync(room, invite.InviteCode);
    var context = await browser.NewContextAsync(new BrowserNewContextOptions { Permissions = ["local-network-access", "camera", "microphone"] });
    var page = await context.NewPageAsync();
    var harness = new Uri(server, "bench/harness.html").ToString();
    await page.RouteAsync(harness, r => r.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html", Path = Path.Combine(AppContext.BaseDirectory, "harness.html") }));
    await page.GotoAsync(harness);
    await page.EvaluateAsync("() => { ot.autoSubscribe = false; }");
    await page.EvaluateAsync<string>("([url, ticket, name]) => ot.connect(url, ticket, name)", new object[] { $"ws://{server.Authority}/signaling", ticket.Ticket, name });
    return page;
}

var publisher = await JoinAsync("Publisher");
var publisherId = await publisher.EvaluateAsync<string>("() => ot.me");
await publisher.EvaluateAsync("() => ot.publish('video')");
await publisher.WaitForFunctionAsync("() => ot.events.some(e => e.message === 'webrtc_up')", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
var viewer = await JoinAsync("Viewer");

var ours = new List<double>();
var direct = new List<double>();
var feed = $"{publisherId}-video";
for (var i = 0; i < rounds; i++)
{
    ours.Add(await viewer.EvaluateAsync<double>("([t]) => ot.timeSubscribe(t, 'video')", new object[] { publisherId }));
    direct.Add(await viewer.EvaluateAsync<double>("([u, s, r, f]) => ot.timeDirect(u, s, r, f)", new object[] { janusUrl, janusSecret, room.ToString(), feed }));
}

// Recording through the node: the publisher consents, the room's owner starts the recording; the in-process recorder is
// dispatched, signs in, joins, has Janus forward the publisher and mixes. "active" is the recorder's report that it
// records; the first recorded picture of the publisher is found in the stored recording afterwards (its time from the
// recording's start, when the recorder reported "active"). Rounds: each a new recording of the same room.
await publisher.EvaluateAsync("() => ot.send('recording', { action: 'set_consent', consent: true })");
var owner = await SignalingClient.ConnectAsync(server, (await admin.StartAsync(room)).Ticket);
await owner.JoinAsync("Moderator");
var ownerJoined = await owner.WaitForAsync("control", "join_success");
var recordingTarget = ownerJoined.Payload.GetProperty("recording").GetProperty("targets").EnumerateObject()
    .First(s => s.Value.GetProperty("streaming_kind").GetString() == "recording").Name;
var recordRounds = int.Parse(arguments.GetValueOrDefault("recordings", "3"), CultureInfo.InvariantCulture);
var toActive = new List<double>();
var toPicture = new List<double>();
bool IsRecordingUpdate(ServerMessage m, string status) =>
    m.Namespace == "recording" && m.Message == "stream_updated"
    && m.Payload.GetProperty("target_id").GetString() == recordingTarget && m.Payload.GetProperty("status").GetString() == status;
for (var i = 0; i < recordRounds; i++)
{
    var clockStart = Stopwatch.StartNew();
    await owner.SendAsync("recording", "start_stream", new { target_ids = new[] { recordingTarget } });
    await owner.WaitForAsync(m => IsRecordingUpdate(m, "active"), TimeSpan.FromSeconds(60));
    toActive.Add(clockStart.Elapsed.TotalMilliseconds);
    await Task.Delay(TimeSpan.FromSeconds(6));
    await owner.SendAsync("recording", "stop_stream", new { target_ids = new[] { recordingTarget } });
    await owner.WaitForAsync(m => IsRecordingUpdate(m, "inactive"), TimeSpan.FromSeconds(30));
    List<AssetResource> assets = [];
    for (var wait = Stopwatch.StartNew(); assets.Count <= i && wait.Elapsed < TimeSpan.FromSeconds(120); await Task.Delay(500))
        assets = await admin.ListRoomAssetsAsync(room);
    var newest = assets.OrderByDescending(a => a.CreatedAt).First();
    var file = Path.Combine(Path.GetTempPath(), $"opentalk-bench-{newest.Id:N}.webm");
    await using (var output = File.Create(file))
        await admin.DownloadAssetAsync(room, newest.Id, output);
    toPicture.Add(toActive[^1] + FirstPictureSeconds(file) * 1000);
    File.Delete(file);
    await Task.Delay(TimeSpan.FromSeconds(2)); // the recorder leaves before the next start
}
await owner.DisposeAsync();

// The first moment (at 50 frames per second of the file) whose picture is not the black of an empty mix.
static double FirstPictureSeconds(string file)
{
    const int Rate = 50, W = 32, H = 18;
    var ffmpeg = new ProcessStartInfo("ffmpeg", ["-v", "error", "-i", file, "-vf", $"fps={Rate},scale={W}:{H},format=gray", "-f", "rawvideo", "-"])
    {
        RedirectStandardOutput = true,
    };
    using var process = Process.Start(ffmpeg)!;
    using var frames = new MemoryStream();
    process.StandardOutput.BaseStream.CopyTo(frames);
    process.WaitForExit();
    var bytes = frames.ToArray();
    for (var frame = 0; (frame + 1) * W * H <= bytes.Length; frame++)
    {
        var mean = bytes.AsSpan(frame * W * H, W * H).ToArray().Average(b => b);
        if (mean > 24)
            return frame / (double)Rate;
    }
    throw new InvalidOperationException($"{file} never shows the publisher");
}

// Signaling cost: publishers that join and publish a real browser offer (ICE is never completed: signaling only).
var offer = await viewer.EvaluateAsync<string>(
    "async () => { const s = await navigator.mediaDevices.getUserMedia({audio:true, video:true}); const pc = new RTCPeerConnection(); s.getTracks().forEach(t => pc.addTransceiver(t, {direction:'sendonly'})); const o = await pc.createOffer(); pc.close(); return o.sdp; }");
var cpuBefore = ProcessCpu(serverPid);
var clock = Stopwatch.StartNew();
var sockets = new List<SignalingClient>();
for (var i = 0; i < publishers; i++)
{
    var invite = await admin.CreateInviteAsync(room);
    var ticket = await new OpenTalkApi(new HttpClient { BaseAddress = server }).StartInvitedAsync(room, invite.InviteCode);
    var socket = await SignalingClient.ConnectAsync(server, ticket.Ticket);
    await socket.JoinAsync($"Load {i}");
    await socket.WaitForAsync("control", "join_success");
    await socket.SendAsync("media", "publish", new { media_session_type = "video", sdp = offer });
    await socket.WaitForAsync("media", "sdp_answer", TimeSpan.FromSeconds(30));
    sockets.Add(socket);
}
clock.Stop();
var cpuSeconds = (ProcessCpu(serverPid) - cpuBefore).TotalSeconds;
foreach (var socket in sockets)
    await socket.DisposeAsync();

static TimeSpan ProcessCpu(int pid)
{
    // utime + stime (fields 14 and 15 of /proc/<pid>/stat), in clock ticks (100 per second on Linux).
    var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    return TimeSpan.FromSeconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0);
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

var result = new
{
    name = "media",
    measured_at = DateTimeOffset.UtcNow,
    rounds,
    first_frame_ms_ours = ours.Select(v => Math.Round(v, 1)).ToList(),
    first_frame_ms_direct = direct.Select(v => Math.Round(v, 1)).ToList(),
    first_frame_median_ms_ours = Math.Round(Median(ours), 1),
    first_frame_median_ms_direct = Math.Round(Median(direct), 1),
    ratio_of_medians = Math.Round(Median(ours) / Median(direct), 2),
    publishers,
    signaling_cpu_seconds = Math.Round(cpuSeconds, 2),
    signaling_wall_seconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
    recordings = recordRounds,
    recording_active_ms = toActive.Select(v => Math.Round(v)).ToList(),
    recording_first_picture_ms = toPicture.Select(v => Math.Round(v)).ToList(),
    recording_first_picture_median_ms = Math.Round(Median(toPicture)),
};
Directory.CreateDirectory(results);
await File.WriteAllTextAsync(Path.Combine(results, "media.json"), JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine(JsonSerializer.Serialize(result));
Console.WriteLine($"| first shown frame, subscribe (median of {rounds}) | {result.first_frame_median_ms_ours} ms via OpenTalk | {result.first_frame_median_ms_direct} ms direct to Janus | ratio {result.ratio_of_medians} |");
Console.WriteLine($"| recording: moderator's start to the first recorded picture (median of {recordRounds}) | {result.recording_first_picture_median_ms} ms | \"active\" after {string.Join(", ", result.recording_active_ms)} ms | |");
Console.WriteLine($"| node CPU for {publishers} publishers' signaling (join + publish + answer) | {result.signaling_cpu_seconds} s CPU | {result.signaling_wall_seconds} s wall | |");
