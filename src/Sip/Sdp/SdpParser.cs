using System.Globalization;

namespace OpenTalk.Sip.Sdp;

/// <summary>Reads SDP text line by line (RFC 4566 §5): total, giving a failure rather than throwing on anything.</summary>
internal static class SdpParser
{
    public static SdpParseResult Parse(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0 || lines[0] != "v=0")
        {
            return new SdpParseResult.Failed("SDP must start with v=0");
        }
        SdpOrigin? origin = null;
        string? name = null;
        var session = new List<SdpLine>();
        var timing = new List<string>();
        var attributes = new List<SdpAttribute>();
        SdpConnection? connection = null;
        var media = new List<MediaDescription>();
        foreach (var line in lines.Skip(1))
        {
            if (line.Length < 2 || line[1] != '=' || !char.IsAsciiLetterLower(line[0]))
            {
                return new SdpParseResult.Failed($"not an SDP line: {Truncate(line)}");
            }
            var type = line[0];
            var value = line[2..];
            var current = media.Count > 0 ? media[^1] : null;
            switch (type)
            {
                case 'v':
                    return new SdpParseResult.Failed("a second v= line");
                case 'o' when current is null && origin is null:
                    var o = value.Split(' ');
                    if (o.Length != 6 || o.Any(f => f.Length == 0))
                    {
                        return new SdpParseResult.Failed("o= needs six fields");
                    }
                    origin = new SdpOrigin(o[0], o[1], o[2], o[3], o[4], o[5]);
                    break;
                case 's' when current is null && name is null:
                    name = value;
                    break;
                case 't' when current is null:
                    timing.Add(value);
                    break;
                case 'c':
                    var c = value.Split(' ');
                    if (c.Length != 3 || c.Any(f => f.Length == 0))
                    {
                        return new SdpParseResult.Failed("c= needs three fields");
                    }
                    if (current is null)
                    {
                        connection = new SdpConnection(c[0], c[1], c[2]);
                    }
                    else
                    {
                        current.Connection = new SdpConnection(c[0], c[1], c[2]);
                    }
                    break;
                case 'a':
                    var colon = value.IndexOf(':', StringComparison.Ordinal);
                    var attribute = colon >= 0 ? new SdpAttribute(value[..colon], value[(colon + 1)..]) : new SdpAttribute(value);
                    if (attribute.Name.Length == 0)
                    {
                        return new SdpParseResult.Failed("a= without a name");
                    }
                    (current?.Attributes ?? attributes).Add(attribute);
                    break;
                case 'm':
                    var m = ParseMedia(value);
                    if (m is null)
                    {
                        return new SdpParseResult.Failed($"malformed m= line: {Truncate(value)}");
                    }
                    media.Add(m);
                    break;
                case 'o' or 's':
                    return new SdpParseResult.Failed($"{type}= out of place");
                default:
                    (current?.OtherLines ?? session).Add(new SdpLine(type, value));
                    break;
            }
        }
        if (origin is null || name is null)
        {
            return new SdpParseResult.Failed("SDP without o= or s=");
        }
        return new SdpParseResult.Parsed(new SessionDescription
        {
            Origin = origin, SessionName = name, Connection = connection, Timing = timing, Attributes = attributes,
            OtherLines = session, Media = media,
        });
    }

    private static MediaDescription? ParseMedia(string value)
    {
        // m=<media> <port>[/<number of ports>] <proto> <fmt> ...
        var f = value.Split(' ');
        if (f.Length < 4 || f.Any(x => x.Length == 0) || f[0].Any(ch => ch <= ' '))
        {
            return null;
        }
        var slash = f[1].IndexOf('/', StringComparison.Ordinal);
        var portText = slash >= 0 ? f[1][..slash] : f[1];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return null;
        }
        int? count = null;
        if (slash >= 0)
        {
            if (!int.TryParse(f[1].AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return null;
            }
            count = n;
        }
        return new MediaDescription { Media = f[0], Port = port, PortCount = count, Protocol = f[2], Formats = [.. f.Skip(3)] };
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
