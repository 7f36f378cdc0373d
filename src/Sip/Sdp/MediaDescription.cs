using System.Globalization;
using System.Text;

namespace OpenTalk.Sip.Sdp;

/// <summary>One <c>m=</c> section (RFC 4566 §5.14) with its connection, attributes and other lines.</summary>
public sealed class MediaDescription
{
    public required string Media { get; set; }
    public int Port { get; set; }
    /// <summary>The <c>/2</c> of <c>m=audio 49170/2</c>, when written.</summary>
    public int? PortCount { get; set; }
    public required string Protocol { get; set; }
    public List<string> Formats { get; init; } = [];
    public SdpConnection? Connection { get; set; }
    public List<SdpAttribute> Attributes { get; init; } = [];
    public List<SdpLine> OtherLines { get; init; } = [];

    public IEnumerable<string> AttributeValues(string name) =>
        Attributes.Where(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(a => a.Value ?? "");

    public IReadOnlyList<RtpMap> RtpMaps => [.. AttributeValues("rtpmap").Select(ParseRtpMap).OfType<RtpMap>()];

    public RtpMap? RtpMapFor(int payloadType) => RtpMaps.FirstOrDefault(m => m.PayloadType == payloadType);

    /// <summary>The format parameters of <c>a=fmtp:&lt;pt&gt; …</c>, without the payload type.</summary>
    public string? FmtpFor(int payloadType)
    {
        var prefix = payloadType.ToString(CultureInfo.InvariantCulture) + " ";
        return AttributeValues("fmtp").Where(v => v.StartsWith(prefix, StringComparison.Ordinal)).Select(v => v[prefix.Length..].Trim()).FirstOrDefault();
    }

    public int? Ptime => AttributeValues("ptime").Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : (int?)null).FirstOrDefault(p => p is not null);

    /// <summary>This section's direction attribute, else the session's, else sendrecv (RFC 3264 §5.1).</summary>
    public SdpDirection DirectionIn(SessionDescription session) => DirectionOf(Attributes) ?? DirectionOf(session.Attributes) ?? SdpDirection.SendRecv;

    internal static SdpDirection? DirectionOf(IEnumerable<SdpAttribute> attributes)
    {
        foreach (var a in attributes)
        {
            switch (a.Name.ToLowerInvariant())
            {
                case "sendrecv": return SdpDirection.SendRecv;
                case "sendonly": return SdpDirection.SendOnly;
                case "recvonly": return SdpDirection.RecvOnly;
                case "inactive": return SdpDirection.Inactive;
            }
        }
        return null;
    }

    internal static string DirectionName(SdpDirection direction) => direction.ToString().ToLowerInvariant();

    private static RtpMap? ParseRtpMap(string value)
    {
        // a=rtpmap:<payload type> <encoding name>/<clock rate>[/<encoding parameters>]
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !int.TryParse(value.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var pt) || pt > 127)
        {
            return null;
        }
        var parts = value[(space + 1)..].Trim().Split('/');
        if (parts.Length < 2 || parts[0].Length == 0 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var clock))
        {
            return null;
        }
        int? channels = parts.Length > 2 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ch) ? ch : null;
        return new RtpMap(pt, parts[0], clock, channels);
    }

    internal void WriteTo(StringBuilder sb)
    {
        sb.Append("m=").Append(Media).Append(' ').Append(Port);
        if (PortCount is { } count)
        {
            sb.Append('/').Append(count);
        }
        sb.Append(' ').Append(Protocol);
        foreach (var format in Formats)
        {
            sb.Append(' ').Append(format);
        }
        sb.Append("\r\n");
        // RFC 4566 §5 order within a media section: i, c, b, k, a.
        SessionDescription.WriteLines(sb, OtherLines.Where(l => l.Type == 'i'));
        if (Connection is not null)
        {
            sb.Append("c=").Append(Connection).Append("\r\n");
        }
        SessionDescription.WriteLines(sb, OtherLines.Where(l => l.Type != 'i'));
        foreach (var attribute in Attributes)
        {
            sb.Append("a=").Append(attribute).Append("\r\n");
        }
    }
}
