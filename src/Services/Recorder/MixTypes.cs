namespace OpenTalk.Services.Recorder;

/// <summary>One publication in the mix (the caller's choice, e.g. participant and media session type).</summary>
public readonly record struct InputId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>One RTP stream arriving on a UDP port (as Janus' rtp_forward sends it): codec "vp8", "h264", "vp9" or
/// "opus", and the payload type the sender uses.</summary>
public sealed record RtpInput(int Port, string Codec, int PayloadType);

/// <param name="OutputDirectory">Where the WebM segments go (seg-00000.webm, …).</param>
/// <param name="LiveStreaming">Builds the H.264/AAC FLV branch for RTMP targets (encodes only while a target runs).</param>
/// <param name="RtpAddress">The address the inputs' UDP ports are bound to.</param>
public sealed record MixSettings(
    string OutputDirectory,
    int Width = 1280,
    int Height = 720,
    int FramesPerSecond = 15,
    int SegmentSeconds = 10,
    int RecordingKbps = 1500,
    int LiveKbps = 2000,
    bool LiveStreaming = true,
    string RtpAddress = "127.0.0.1");

/// <summary>How the video inputs are placed. A screen share, when there is one, takes the main area.</summary>
public abstract record Layout
{
    private Layout()
    {
    }

    /// <summary>The focus (or the screen share) large, everybody else in a strip below.</summary>
    public sealed record Speaker(InputId? Focus = null, InputId? Screen = null) : Layout;

    /// <summary>Everybody the same size, ⌈√n⌉ columns.</summary>
    public sealed record Grid(InputId? Screen = null) : Layout;
}

/// <summary>Where an input is drawn on the canvas, in pixels; higher <see cref="Z"/> is drawn on top.</summary>
public sealed record Tile(int X, int Y, int Width, int Height, int Z = 1);
