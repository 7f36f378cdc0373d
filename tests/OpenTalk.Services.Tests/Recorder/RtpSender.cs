using System.Diagnostics;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Services.Tests.Recorder;

/// <summary>
/// A fake publisher as Janus' rtp_forward sends it: a solid colour as VP8 (pt 96) and a tone as Opus (pt 111), plain
/// RTP to 127.0.0.1. A gst-launch-1.0 child process, killed by its id.
/// </summary>
public sealed class RtpSender : IDisposable
{
    public const int VideoPayload = 96, AudioPayload = 111;

    private readonly Process _process;

    private RtpSender(Process process, int videoPort, int audioPort)
    {
        _process = process;
        VideoPort = videoPort;
        AudioPort = audioPort;
    }

    public int VideoPort { get; }

    public int AudioPort { get; }

    /// <param name="colour">A videotestsrc pattern: red, blue, green, white, black.</param>
    /// <param name="codec">vp8, vp9 or h264 (what Janus may forward).</param>
    public static RtpSender Start(string colour, int toneHz, string codec = "vp8")
    {
        MediaTools.Require("gst-launch-1.0", "gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good");
        int videoPort = MediaTools.FreeUdpPort(), audioPort = MediaTools.FreeUdpPort();
        var encode = codec switch
        {
            "vp8" => $"vp8enc deadline=1 cpu-used=8 target-bitrate=300000 keyframe-max-dist=15 ! rtpvp8pay pt={VideoPayload}",
            "vp9" => $"vp9enc deadline=1 cpu-used=8 target-bitrate=300000 keyframe-max-dist=15 ! rtpvp9pay pt={VideoPayload}",
            // config-interval: SPS/PPS with every keyframe, for a receiver that starts late
            "h264" => $"x264enc tune=zerolatency speed-preset=ultrafast bitrate=300 key-int-max=15 ! rtph264pay pt={VideoPayload} config-interval=-1",
            _ => throw new ArgumentException(codec, nameof(codec)),
        };
        var line = $"-q videotestsrc is-live=true pattern={colour} ! video/x-raw,width=320,height=180,framerate=15/1 " +
                   $"! {encode} ! udpsink host=127.0.0.1 port={videoPort} " +
                   $"audiotestsrc is-live=true freq={toneHz} volume=0.3 ! audio/x-raw,rate=48000,channels=2 ! opusenc " +
                   $"! rtpopuspay pt={AudioPayload} ! udpsink host=127.0.0.1 port={audioPort}";
        var start = new ProcessStartInfo("gst-launch-1.0") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in line.Split(' ', StringSplitOptions.RemoveEmptyEntries)) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RtpSender(process, videoPort, audioPort);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit(3_000);
        _process.Dispose();
    }
}
