// The recorder's mix, measured: CPU of the recording process for N publishers (VP8 640x480 + Opus, sent as Janus'
// rtp_forward sends them) mixed into 1280x720, against the same mix without publishers (black and silence) in the same
// run; and the time from starting the mix to the first recorded frame that shows a publisher.
// Usage: OpenTalk.RecorderBench [publishers=4] [seconds=30] [output=bench/results/recorder.json]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using OpenTalk.Services.Recorder;

var ci = CultureInfo.InvariantCulture;
var publishers = args.Length > 0 ? int.Parse(args[0], ci) : 4;
var seconds = args.Length > 1 ? int.Parse(args[1], ci) : 30;
var output = args.Length > 2 ? args[2] : "bench/results/recorder.json";
const int Width = 1280, Height = 720, Fps = 15;

var baseline = await MeasureAsync(0);
var mixed = await MeasureAsync(publishers);
var result = new
{
    publishers,
    seconds,
    input = "640x480 VP8 15 fps (keyframe every second) + Opus",
    output = $"{Width}x{Height} VP8 {Fps} fps + Opus, WebM",
    cores = Environment.ProcessorCount,
    baseline_cpu_percent_of_one_core = Math.Round(baseline.CpuPercent, 1),
    cpu_percent_of_one_core = Math.Round(mixed.CpuPercent, 1),
    first_frame_ms = mixed.FirstFrameMs,
};
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, JsonSerializer.Serialize(result,
    new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
Console.WriteLine(JsonSerializer.Serialize(result));
Console.WriteLine(string.Create(ci, $"| {publishers} publishers | {result.baseline_cpu_percent_of_one_core} % | {result.cpu_percent_of_one_core} % | {mixed.FirstFrameMs} ms |"));
return 0;

async Task<(double CpuPercent, int? FirstFrameMs)> MeasureAsync(int count)
{
    var folder = Directory.CreateTempSubdirectory("opentalk-recorder-bench-").FullName;
    var senders = Enumerable.Range(0, count).Select(i => Sender.Start(i)).ToList();
    try
    {
        await Task.Delay(1000); // the senders' pipelines are running
        using var me = Process.GetCurrentProcess();
        var cpuBefore = me.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await using (var mixer = Mixer.Start(new MixSettings(folder, Width, Height, Fps, SegmentSeconds: 3600, LiveStreaming: false)))
        {
            foreach (var (sender, i) in senders.Select((s, i) => (s, i)))
                mixer.AddInput(new InputId($"p{i}"), $"Publisher {i + 1}", new RtpInput(sender.VideoPort, "vp8", 96), new RtpInput(sender.AudioPort, "opus", 111));
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            await mixer.StopAsync();
        }
        me.Refresh();
        var cpu = (me.TotalProcessorTime - cpuBefore) / clock.Elapsed * 100;
        var segment = Directory.GetFiles(folder, "seg-*.webm").Order(StringComparer.Ordinal).First();
        return (cpu, count == 0 ? null : FirstPictureMs(segment));
    }
    finally
    {
        senders.ForEach(s => s.Dispose());
        Directory.Delete(folder, recursive: true);
    }
}

// The first frame of the recording that is not black (the canvas is black until a publisher's picture arrives).
static int? FirstPictureMs(string file)
{
    const int w = 160, h = 90;
    var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var a in new[] { "-v", "error", "-i", file, "-t", "10", "-vf", $"scale={w}:{h}", "-f", "rawvideo", "-pix_fmt", "gray", "-" })
        start.ArgumentList.Add(a);
    using var ffmpeg = Process.Start(start)!;
    using var frames = new MemoryStream();
    ffmpeg.StandardOutput.BaseStream.CopyTo(frames);
    ffmpeg.WaitForExit();
    var bytes = frames.ToArray();
    for (var frame = 0; (frame + 1) * w * h <= bytes.Length; frame++)
    {
        double sum = 0;
        for (var i = frame * w * h; i < (frame + 1) * w * h; i++) sum += bytes[i];
        if (sum / (w * h) > 20)
            return frame * 1000 / Fps;
    }
    return null;
}

/// <summary>A publisher as Janus forwards one: gst-launch sending VP8 and Opus RTP to two local ports.</summary>
sealed class Sender(Process process, int videoPort, int audioPort) : IDisposable
{
    public int VideoPort => videoPort;

    public int AudioPort => audioPort;

    public static Sender Start(int index)
    {
        int video = FreePort(), audio = FreePort();
        var line = $"-q videotestsrc is-live=true pattern={(index % 2 == 0 ? "smpte" : "ball")} ! video/x-raw,width=640,height=480,framerate=15/1 " +
            $"! vp8enc deadline=1 cpu-used=8 target-bitrate=600000 keyframe-max-dist=15 ! rtpvp8pay pt=96 ! udpsink host=127.0.0.1 port={video} " +
            $"audiotestsrc is-live=true freq={300 + 100 * index} volume=0.2 ! audio/x-raw,rate=48000,channels=2 ! opusenc ! rtpopuspay pt=111 " +
            $"! udpsink host=127.0.0.1 port={audio}";
        var start = new ProcessStartInfo("gst-launch-1.0") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in line.Split(' ', StringSplitOptions.RemoveEmptyEntries)) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Sender(process, video, audio);
    }

    private static int FreePort()
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill();
        process.WaitForExit(3_000);
        process.Dispose();
    }
}
