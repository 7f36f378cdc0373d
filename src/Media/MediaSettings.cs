using System.ComponentModel.DataAnnotations;

namespace OpenTalk.Media;

/// <summary>One Janus instance the media actors may use.</summary>
public sealed class JanusInstanceSettings
{
    /// <summary>A stable name (it is recorded with each publication, so subscribers find the publisher's instance).</summary>
    [Required]
    public string Name { get; set; } = "";

    /// <summary>Its WebSocket API, e.g. <c>ws://10.0.0.5:8188</c> (keep it on a private network).</summary>
    [Required]
    public string Url { get; set; } = "";

    [Required]
    public string ApiSecret { get; set; } = "";

    /// <summary>
    /// The address the phone gateway sends callers' audio to (plain RTP, Janus listens there); unset: the IP address in
    /// <see cref="Url"/>.
    /// </summary>
    public string? RtpAddress { get; set; }
}

/// <summary>Media settings (section <c>Media</c>).</summary>
public sealed class MediaSettings
{
    public const string Section = "Media";

    /// <summary>The Janus instances; empty turns media off (signaling answers <c>media_unavailable</c>).</summary>
    public List<JanusInstanceSettings> Janus { get; set; } = [];

    /// <summary>Seconds between keep-alives; Janus drops a session after 30 s of silence (deploy/janus).</summary>
    [Range(1, 25)]
    public int KeepAliveSeconds { get; set; } = 5;

    /// <summary>Seconds a Janus request may take before the instance counts as failing.</summary>
    [Range(1, 60)]
    public int RequestTimeoutSeconds { get; set; } = 10;

    /// <summary>How often each instance's load (publishers in its rooms) is read.</summary>
    [Range(1, 300)]
    public int LoadRefreshSeconds { get; set; } = 3;

    /// <summary>
    /// Speaker detection (Janus VideoRoom): someone counts as talking when the average audio level over
    /// <see cref="TalkingPackets"/> packets (20 ms each) is above this (0 = loudest, 127 = silence, in -dBov).
    /// </summary>
    [Range(1, 127)]
    public int TalkingLevel { get; set; } = 40;

    [Range(5, 500)]
    public int TalkingPackets { get; set; } = 50;
}
