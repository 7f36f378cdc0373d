using System.Text;

namespace OpenTalk.Sip.Sdp;

/// <summary>
/// An SDP session description (RFC 4566): origin, name, connection, timing, attributes and media sections. Lines we
/// do not model are kept and written back in their RFC 4566 §5 place.
/// </summary>
public sealed class SessionDescription
{
    public required SdpOrigin Origin { get; set; }
    public string SessionName { get; set; } = "-";
    public SdpConnection? Connection { get; set; }
    /// <summary>The <c>t=</c> lines as written; <c>0 0</c> (unbounded) is what SIP uses.</summary>
    public List<string> Timing { get; init; } = [];
    public List<SdpAttribute> Attributes { get; init; } = [];
    public List<SdpLine> OtherLines { get; init; } = [];
    public List<MediaDescription> Media { get; init; } = [];

    public static SdpParseResult Parse(ReadOnlySpan<byte> body) => SdpParser.Parse(Encoding.UTF8.GetString(body));

    public static SdpParseResult Parse(string text) => SdpParser.Parse(text);

    /// <summary>Where a media section's RTP goes: its own <c>c=</c>, else the session's.</summary>
    public string? AddressOf(MediaDescription media) => (media.Connection ?? Connection)?.Address.Split('/')[0];

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append("v=0\r\n");
        sb.Append("o=").Append(Origin).Append("\r\n");
        sb.Append("s=").Append(SessionName).Append("\r\n");
        // RFC 4566 §5 order: v o s i u e p c b t r z k a.
        WriteLines(sb, OtherLines.Where(l => l.Type is 'i' or 'u' or 'e' or 'p'));
        if (Connection is not null)
        {
            sb.Append("c=").Append(Connection).Append("\r\n");
        }
        WriteLines(sb, OtherLines.Where(l => l.Type == 'b'));
        foreach (var t in Timing)
        {
            sb.Append("t=").Append(t).Append("\r\n");
        }
        WriteLines(sb, OtherLines.Where(l => l.Type is not ('i' or 'u' or 'e' or 'p' or 'b')));
        foreach (var attribute in Attributes)
        {
            sb.Append("a=").Append(attribute).Append("\r\n");
        }
        foreach (var media in Media)
        {
            media.WriteTo(sb);
        }
        return sb.ToString();
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToString());

    internal static void WriteLines(StringBuilder sb, IEnumerable<SdpLine> lines)
    {
        foreach (var line in lines)
        {
            sb.Append(line.Type).Append('=').Append(line.Value).Append("\r\n");
        }
    }
}
