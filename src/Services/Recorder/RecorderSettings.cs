namespace OpenTalk.Services.Recorder;

/// <summary>Section <c>Recorder</c>: where the recorder finds the node, who it is, and how it mixes.</summary>
public sealed class RecorderSettings
{
    public const string Section = "Recorder";

    /// <summary>The node's address, for REST and signaling (e.g. <c>https://meet.example.org/</c>).</summary>
    public Uri? Node { get; set; }

    /// <summary>The service account's client id; the account needs the role <c>opentalk-recorder</c>.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Where the token endpoint is (<c>connect/token</c> below it); the node itself when unset.</summary>
    public Uri? Authority { get; set; }

    /// <summary>The RabbitMQ broker the jobs come from (<c>amqp://user:password@host:5672/</c>).</summary>
    public string? RabbitMq { get; set; }

    /// <summary>The job queues' names before the service kind; the same as the nodes' <c>Services:JobQueuePrefix</c>.</summary>
    public string? JobQueuePrefix { get; set; }

    /// <summary>
    /// Where recordings are mixed, one folder per job. The segments of a recording that did not finish (a crash) stay
    /// here. Unset: <c>~/.local/share/opentalk-recorder</c> (in the node: <c>recorder</c> in its data folder); made private (0700).
    /// </summary>
    public string? WorkFolder { get; set; }

    /// <summary>This machine's address as Janus reaches it: Janus sends the media there (plain RTP over UDP).</summary>
    public string RtpAddress { get; set; } = "127.0.0.1";

    /// <summary>How many meetings this recorder records at once; further jobs wait for another recorder.</summary>
    public int Capacity { get; set; } = 2;

    public int Width { get; set; } = 1280;

    public int Height { get; set; } = 720;

    /// <summary>A crash loses at most the segment being written.</summary>
    public int SegmentSeconds { get; set; } = 10;

    /// <summary>The name others would see, were the recorder not hidden (logs, the audit history).</summary>
    public string DisplayName { get; set; } = "Recorder";
}
