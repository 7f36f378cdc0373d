using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace OpenTalk.Tests.Shared;

/// <summary>The outside tools the media tests use: they must be there (a missing one fails the test, never skips it).</summary>
public static class MediaTools
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    /// <summary>The tool's full path; fails naming the Debian package(s) to install when it is not there.</summary>
    public static string Require(string tool, string debianPackages)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin").Append("/sbin")
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
        Assert.True(path is not null, $"'{tool}' is missing: install the Debian package(s) {debianPackages}");
        return path;
    }

    /// <summary>The GStreamer elements the mixer and the test publishers use, by the Debian package that has them.</summary>
    private static readonly (string Package, string[] Elements)[] GstElements =
    [
        ("gstreamer1.0-plugins-base", ["compositor", "audiomixer", "videotestsrc", "audiotestsrc", "videoconvert", "videoscale", "audioconvert", "audioresample", "opusenc", "opusdec", "appsrc", "appsink"]),
        ("gstreamer1.0-x", ["textoverlay"]),
        ("gstreamer1.0-plugins-good", ["vp8enc", "vp8dec", "vp9enc", "vp9dec", "webmmux", "splitmuxsink", "flvmux", "aacparse", "udpsrc", "udpsink", "rtpjitterbuffer", "rtpvp8depay", "rtpvp8pay", "rtpvp9depay", "rtpvp9pay", "rtph264depay", "rtph264pay", "rtpopusdepay", "rtpopuspay"]),
        ("gstreamer1.0-plugins-bad", ["h264parse", "rtmp2sink"]),
        ("gstreamer1.0-plugins-ugly", ["x264enc"]),
        ("gstreamer1.0-libav", ["avdec_h264", "avenc_aac"]),
    ];

    private static readonly Lazy<string[]> MissingGstElements = new(() =>
    {
        Require("gst-inspect-1.0", "gstreamer1.0-tools");
        // Without arguments it lists every element as "plugin:  element: description".
        var listed = System.Text.Encoding.UTF8.GetString(Run("gst-inspect-1.0").Out).Split('\n')
            .Select(line => line.Split(':', StringSplitOptions.TrimEntries))
            .Where(parts => parts.Length >= 3)
            .Select(parts => parts[1])
            .ToHashSet(StringComparer.Ordinal);
        return GstElements.SelectMany(p => p.Elements.Where(e => !listed.Contains(e)).Select(e => $"{e} ({p.Package})")).ToArray();
    });

    /// <summary>Fails naming the packages when a GStreamer element is missing (checked once per run).</summary>
    public static void RequireGstreamer()
    {
        Require("gst-launch-1.0", "gstreamer1.0-tools");
        var missing = MissingGstElements.Value;
        Assert.True(missing.Length == 0, "GStreamer elements are missing: " + string.Join(", ", missing));
    }

    /// <summary>What mixing and checking the result takes: GStreamer with its elements, ffprobe and ffmpeg.</summary>
    public static void RequireMediaTools()
    {
        RequireGstreamer();
        Require("ffprobe", "ffmpeg");
        Require("ffmpeg", "ffmpeg");
    }

    public static int FreeUdpPort()
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
    }

    /// <summary>A TCP port nothing listens on (taken and given back at once).</summary>
    public static int FreeTcpPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Runs a tool to its end (at most 30 s); stdout as bytes for raw frames.</summary>
    public static (int Code, byte[] Out, string Err) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        var copy = p.StandardOutput.BaseStream.CopyToAsync(output);
        if (!p.WaitForExit(30_000))
        {
            p.Kill();
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 30 s");
        }
        copy.Wait(5_000);
        return (p.ExitCode, output.ToArray(), err.Result);
    }

    public sealed record Probe(string[] Codecs, int Width, int Height, double Duration)
    {
        public override string ToString() => string.Create(Ci, $"{string.Join('+', Codecs)} {Width}x{Height} {Duration:0.00}s");
    }

    public static Probe ProbeFile(string file)
    {
        var (code, output, err) = Run("ffprobe", "-v", "error", "-show_entries", "stream=codec_name,width,height:format=duration", "-of", "json", file);
        Assert.True(code == 0, $"ffprobe {file}: {err}");
        using var doc = JsonDocument.Parse(output);
        var streams = doc.RootElement.GetProperty("streams").EnumerateArray().ToArray();
        var video = streams.FirstOrDefault(s => s.TryGetProperty("width", out _));
        var hasVideo = video.ValueKind == JsonValueKind.Object;
        var duration = doc.RootElement.GetProperty("format").TryGetProperty("duration", out var d) ? double.Parse(d.GetString()!, Ci) : 0;
        return new Probe(streams.Select(s => s.GetProperty("codec_name").GetString() ?? "?").ToArray(),
            hasVideo ? video.GetProperty("width").GetInt32() : 0, hasVideo ? video.GetProperty("height").GetInt32() : 0, duration);
    }

    /// <summary>The segments as one file (ffmpeg's concat demuxer, stream copy), as the recorder will store them.</summary>
    public static string Concat(IEnumerable<string> segments, string output)
    {
        var list = output + ".txt";
        File.WriteAllLines(list, segments.Select(s => $"file '{s}'"));
        var (code, _, err) = Run("ffmpeg", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", list, "-c", "copy", output);
        Assert.True(code == 0, "concat: " + err);
        return output;
    }

    /// <summary>The frame at <paramref name="seconds"/> as RGB24.</summary>
    public static byte[] FrameAt(string file, double seconds, int width, int height)
    {
        var (code, rgb, err) = Run("ffmpeg", "-v", "error", "-ss", seconds.ToString("0.###", Ci), "-i", file,
            "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-");
        Assert.True(code == 0 && rgb.Length == width * height * 3, $"frame at {seconds}s: {rgb.Length} bytes, {err}");
        return rgb;
    }

    /// <summary>"red", "blue", "black" or "other" for the mean colour of a region.</summary>
    public static string ColourOf(byte[] rgb, int width, int x, int y, int w, int h)
    {
        double r = 0, g = 0, b = 0;
        for (var yy = y; yy < y + h; yy++)
            for (var xx = x; xx < x + w; xx++)
            {
                var i = (yy * width + xx) * 3;
                r += rgb[i];
                g += rgb[i + 1];
                b += rgb[i + 2];
            }
        var n = (double)w * h;
        (r, g, b) = (r / n, g / n, b / n);
        return r > 150 && g < 90 && b < 90 ? "red"
            : b > 150 && r < 90 && g < 90 ? "blue"
            : r < 30 && g < 30 && b < 30 ? "black"
            : string.Create(Ci, $"other ({r:0},{g:0},{b:0})");
    }

    /// <summary>Waits for a condition, at most <paramref name="timeout"/>.</summary>
    public static async Task<bool> Eventually(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout) return false;
            await Task.Delay(50);
        }
        return true;
    }
}
