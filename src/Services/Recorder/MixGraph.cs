using System.Globalization;

namespace OpenTalk.Services.Recorder;

/// <summary>The launch lines of the mix and of its inputs.</summary>
internal static class MixGraph
{
    public const string Compositor = "comp", AudioMixer = "amix", Segments = "segments", Flv = "flv";
    public const string RecordVideoValve = "rec_v", RecordAudioValve = "rec_a", RecordVideoEncoder = "rec_venc", LiveVideoValve = "live_v", LiveAudioValve = "live_a";
    /// <summary>Names inside an input's bin.</summary>
    public const string Scale = "scale", Label = "label", Out = "out";

    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;
    private const string AudioCaps = "audio/x-raw,rate=48000,channels=2";

    /// <summary>
    /// A base that runs with no input at all (black + silence), the compositor and audio mixer, the WebM segments and,
    /// if asked for, the FLV for live streaming into an appsink. The valves let sticky events through while closed:
    /// EOS must still reach the muxers when recording is paused or nobody streams.
    /// </summary>
    public static string Describe(MixSettings s)
    {
        // Fully fixed output caps: with only size and rate the compositor renegotiated its colorimetry when inputs or
        // x264 arrived, vp8enc followed, and webmmux failed ("Caps changes are not supported by Matroska").
        var video = string.Create(Ci, $"video/x-raw,format=I420,width={s.Width},height={s.Height},framerate={s.FramesPerSecond}/1,pixel-aspect-ratio=1/1,interlace-mode=progressive,colorimetry=bt601,chroma-site=jpeg");
        var keyframes = s.FramesPerSecond * 2;
        // min-upstream-latency: inputs with a jitter buffer join later; without headroom the aggregators would drop
        // their first frames as late.
        var line = string.Create(Ci, $"""
            videotestsrc is-live=true pattern=black ! {video} ! {Compositor}.sink_0
            audiotestsrc is-live=true wave=silence ! {AudioCaps} ! {AudioMixer}.sink_0
            compositor name={Compositor} background=black latency=200000000 min-upstream-latency=300000000
              ! {video} ! tee name=vt allow-not-linked=true
            audiomixer name={AudioMixer} latency=200000000 min-upstream-latency=300000000 ! {AudioCaps} ! tee name=at allow-not-linked=true
            vt. ! queue max-size-buffers=30 max-size-time=0 max-size-bytes=0 ! valve name={RecordVideoValve} drop-mode=forward-sticky-events
              ! vp8enc name={RecordVideoEncoder} deadline=1 cpu-used=8 end-usage=cbr target-bitrate={s.RecordingKbps * 1000} keyframe-max-dist={keyframes} threads=1
              ! queue ! {Segments}.video
            at. ! queue ! valve name={RecordAudioValve} drop-mode=forward-sticky-events ! audioconvert ! opusenc bitrate=64000 ! queue ! {Segments}.audio_0
            splitmuxsink name={Segments} muxer-factory=webmmux max-size-time={s.SegmentSeconds * 1_000_000_000L}
              send-keyframe-requests=true async-finalize=true

            """);
        if (s.LiveStreaming)
            line += string.Create(Ci, $"""
            vt. ! queue leaky=downstream max-size-buffers=30 max-size-time=0 max-size-bytes=0
              ! valve name={LiveVideoValve} drop=true drop-mode=forward-sticky-events
              ! x264enc tune=zerolatency speed-preset=ultrafast bitrate={s.LiveKbps} key-int-max={keyframes} threads=1
              ! h264parse ! queue ! fm.
            at. ! queue leaky=downstream ! valve name={LiveAudioValve} drop=true drop-mode=forward-sticky-events
              ! audioconvert ! avenc_aac bitrate=128000 ! aacparse ! queue ! fm.
            flvmux name=fm streamable=true ! appsink name={Flv} sync=false max-buffers=500 drop=true

            """);
        return line.ReplaceLineEndings(" ");
    }

    /// <summary>RTP video → decoded, scaled into its tile (letterboxed: square pixels), the name drawn on it. The
    /// name's text is set as a property afterwards, never spliced into the line.</summary>
    public static string Video(RtpInput rtp, string address, Tile tile)
    {
        var (encoding, decode) = rtp.Codec.ToUpperInvariant() switch
        {
            // After a lost packet the picture is broken until the next keyframe: wait for it rather than draw garbage.
            "VP8" => ("VP8", "rtpvp8depay wait-for-keyframe=true ! vp8dec"),
            "VP9" => ("VP9", "rtpvp9depay wait-for-keyframe=true ! vp9dec"),
            "H264" => ("H264", "rtph264depay wait-for-keyframe=true ! h264parse ! avdec_h264 output-corrupt=false"),
            _ => throw new ArgumentException($"unsupported video codec '{rtp.Codec}'", nameof(rtp)),
        };
        return string.Create(Ci,
            $"udpsrc address={address} port={rtp.Port} caps=\"application/x-rtp,media=video,encoding-name={encoding},clock-rate=90000,payload={rtp.PayloadType}\" " +
            $"! rtpjitterbuffer latency=200 ! {decode} ! videoconvert ! videoscale ! capsfilter name={Scale} caps={TileCaps(tile)} " +
            // auto-resize=false: by default the font grows with the frame width and names in small tiles are unreadable.
            $"! textoverlay name={Label} valignment=bottom halignment=center font-desc=\"Sans 14\" auto-resize=false shaded-background=true " +
            $"! queue name={Out}");
    }

    public static string Audio(RtpInput rtp, string address)
    {
        if (!rtp.Codec.Equals("opus", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"unsupported audio codec '{rtp.Codec}'", nameof(rtp));
        return string.Create(Ci,
            $"udpsrc address={address} port={rtp.Port} caps=\"application/x-rtp,media=audio,encoding-name=OPUS,clock-rate=48000,payload={rtp.PayloadType}\" " +
            $"! rtpjitterbuffer latency=200 ! rtpopusdepay ! opusdec plc=true ! audioconvert ! audioresample ! queue name={Out}");
    }

    public static string TileCaps(Tile tile) =>
        string.Create(Ci, $"video/x-raw,width={tile.Width},height={tile.Height},pixel-aspect-ratio=1/1");

    /// <summary>textoverlay reads Pango markup.</summary>
    public static string Markup(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
