using System.Globalization;

namespace OpenTalk.Sip.Messages;

/// <summary>
/// The first line of a message, read strictly (RFC 3261 §7.1, §7.2): single spaces between the parts, a token
/// method, a URI without spaces, SIP/2.0. A line that is recognisably a request but wrong still says so, so the
/// parser can tell a server to answer 400 or 505 rather than drop it.
/// </summary>
internal sealed class StartLine
{
    public bool IsRequest { get; private init; }
    public string? Method { get; private init; }
    public SipUri? Uri { get; private init; }
    public int StatusCode { get; private init; }
    public string Reason { get; private init; } = "";
    public string? Error { get; private init; }
    public int? ErrorStatus { get; private init; }

    public static StartLine Read(string line)
    {
        if (line.StartsWith("SIP/", StringComparison.OrdinalIgnoreCase))
        {
            return ReadStatusLine(line);
        }
        // Whitespace after the version (RFC 4475 §3.1.2.10) still marks a request, a malformed one.
        var trimmed = line.TrimEnd(' ', '\t');
        if (trimmed.Length != line.Length)
        {
            var read = Read(trimmed);
            return read.IsRequest ? new StartLine { IsRequest = true, Method = read.Method, Error = read.Error ?? "whitespace after the version", ErrorStatus = read.ErrorStatus ?? 400 } : read;
        }
        var firstSpace = line.IndexOf(' ', StringComparison.Ordinal);
        var lastSpace = line.LastIndexOf(' ');
        var method = firstSpace > 0 ? line[..firstSpace] : "";
        var version = lastSpace > firstSpace ? line[(lastSpace + 1)..] : "";
        if (!SipGrammar.IsToken(method) || !version.StartsWith("SIP/", StringComparison.OrdinalIgnoreCase))
        {
            return new StartLine { Error = "not a SIP start line" };
        }
        if (!version.Equals(SipMessage.Version, StringComparison.OrdinalIgnoreCase))
        {
            return new StartLine { IsRequest = true, Method = method, Error = $"unsupported version {version}", ErrorStatus = 505 };
        }
        var uriText = line[(firstSpace + 1)..lastSpace];
        var uri = SipUri.TryParse(uriText);
        return uri is null
            ? new StartLine { IsRequest = true, Method = method, Error = "malformed Request-URI", ErrorStatus = 400 }
            : new StartLine { IsRequest = true, Method = method, Uri = uri };
    }

    private static StartLine ReadStatusLine(string line)
    {
        // Status-Line = SIP-Version SP Status-Code SP Reason-Phrase; a missing phrase (and its space) is tolerated.
        var parts = line.Split(' ', 3);
        if (!parts[0].Equals(SipMessage.Version, StringComparison.OrdinalIgnoreCase))
        {
            return new StartLine { Error = $"unsupported version {parts[0]}" };
        }
        if (parts.Length < 2 || parts[1].Length != 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code < 100)
        {
            return new StartLine { Error = "malformed status code" };
        }
        var reason = parts.Length == 3 ? parts[2] : "";
        return reason.Any(c => c < ' ' && c != '\t')
            ? new StartLine { Error = "control characters in the reason phrase" }
            : new StartLine { StatusCode = code, Reason = reason };
    }

    public SipMessage Build(SipHeaders headers) => IsRequest
        ? new SipRequest { Method = Method!, RequestUri = Uri!, Headers = headers }
        : new SipResponse { StatusCode = StatusCode, ReasonPhrase = Reason, Headers = headers };
}
