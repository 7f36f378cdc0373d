namespace OpenTalk.Host.Observability;

/// <summary>Metrics, traces and log format (section <c>Observability</c>); see <c>deploy/opentalk.sample.json</c>.</summary>
public sealed class ObservabilitySettings
{
    public const string Section = "Observability";

    /// <summary>
    /// Networks (CIDR, e.g. <c>10.0.0.0/8</c>) whose addresses may scrape <c>/metrics</c>. Empty (the default): loopback
    /// only, since the metrics tell how many meetings and people a node carries, which is not for everyone. (Empty
    /// rather than a list of the loopback networks, as configuration adds to a list it binds instead of replacing it.)
    /// </summary>
    public string[] MetricsAllowedFrom { get; set; } = [];

    /// <summary>The networks that may scrape when <see cref="MetricsAllowedFrom"/> names none.</summary>
    public static readonly string[] Loopback = ["127.0.0.0/8", "::1/128"];

    /// <summary>
    /// A secret a scraper may send as <c>Authorization: Bearer …</c> to scrape from anywhere (Prometheus:
    /// <c>authorization.credentials</c>). Empty: only <see cref="MetricsAllowedFrom"/> counts.
    /// </summary>
    public string? MetricsToken { get; set; }

    /// <summary>
    /// An OpenTelemetry collector's OTLP/gRPC address (<c>http://collector:4317</c>) that receives traces and metrics.
    /// Empty: the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (with <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> <c>http/protobuf</c>
    /// for a collector's HTTP port, 4318), and when that is unset too nothing is exported (no spans are recorded).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Url]
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>json</c>: one JSON object per log line, with the meeting's and participant's ids as fields; <c>text</c> (default): plain lines.</summary>
    [System.ComponentModel.DataAnnotations.RegularExpression("^(text|json)$", ErrorMessage = "Observability:LogFormat is text or json.")]
    public string LogFormat { get; set; } = "text";

    /// <summary>How often, in seconds, the node reads how far each projection is behind the journal.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3600)]
    public int ProjectionLagEverySeconds { get; set; } = 15;
}
