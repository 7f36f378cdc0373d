using System.Text;

namespace OpenTalk.Sip.Messages;

/// <summary>
/// A SIP or SIPS URI (RFC 3261 §19.1), a <c>tel:</c> number (RFC 3966, read as user and parameters), or any other
/// absolute URI kept opaque (a Request-URI may carry a scheme we do not know; answering 416 is decided above).
/// Parts are kept escaped as written, so a URI is written back exactly as read.
/// </summary>
public sealed record SipUri
{
    public required string Scheme { get; init; }
    public string? User { get; init; }
    public string? Password { get; init; }
    public string Host { get; init; } = "";
    public int? Port { get; init; }
    public SipParameters Parameters { get; init; } = SipParameters.Empty;
    /// <summary>The <c>?h=v&amp;h2=v2</c> part without its '?', as written.</summary>
    public string? Headers { get; init; }
    /// <summary>For schemes other than sip, sips and tel: everything after the colon.</summary>
    public string? Opaque { get; init; }

    public bool IsSip => Scheme is "sip" or "sips";

    public static SipUri Sip(string? user, string host, int? port = null) => new() { Scheme = "sip", User = user, Host = host, Port = port };

    public SipUri WithParameter(string name, string? value) => this with { Parameters = Parameters.With(name, value) };

    public static SipUri? TryParse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(text[0]) || text.AsSpan(0, colon).ContainsAnyExcept(SchemeChars))
        {
            return null;
        }
        var scheme = text[..colon].ToLowerInvariant();
        var rest = text[(colon + 1)..];
        return scheme switch
        {
            "sip" or "sips" => ParseSip(scheme, rest),
            "tel" => ParseTel(rest),
            _ => rest.Length > 0 && rest.All(IsOpaqueChar) ? new SipUri { Scheme = scheme, Opaque = rest } : null,
        };
    }

    private static readonly System.Buffers.SearchValues<char> SchemeChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");

    private static SipUri? ParseSip(string scheme, string s)
    {
        string? user = null, password = null;
        var at = s.IndexOf('@', StringComparison.Ordinal);
        var i = 0;
        if (at >= 0)
        {
            var userInfo = s[..at];
            var pw = userInfo.IndexOf(':', StringComparison.Ordinal);
            user = pw >= 0 ? userInfo[..pw] : userInfo;
            password = pw >= 0 ? userInfo[(pw + 1)..] : null;
            if (user.Length == 0 || !IsEscapedRun(user, "-_.!~*'()&=+$,;?/") || (password is not null && !IsEscapedRun(password, "-_.!~*'()&=+$,")))
            {
                return null;
            }
            i = at + 1;
        }
        var host = SipGrammar.ReadHost(s, ref i);
        if (host is null)
        {
            return null;
        }
        int? port = null;
        if (i < s.Length && s[i] == ':')
        {
            i++;
            port = SipGrammar.ReadPort(s, ref i);
            if (port is null)
            {
                return null;
            }
        }
        var parameters = ReadUriParameters(s, ref i);
        if (parameters is null)
        {
            return null;
        }
        string? headers = null;
        if (i < s.Length && s[i] == '?')
        {
            headers = s[(i + 1)..];
            if (headers.Length == 0 || !IsEscapedRun(headers, "-_.!~*'()[]/?:+$=&"))
            {
                return null;
            }
            i = s.Length;
        }
        return i == s.Length
            ? new SipUri { Scheme = scheme, User = user, Password = password, Host = host, Port = port, Parameters = parameters, Headers = headers }
            : null;
    }

    private static SipUri? ParseTel(string s)
    {
        var semi = s.IndexOf(';', StringComparison.Ordinal);
        var number = semi >= 0 ? s[..semi] : s;
        var i = number.Length;
        if (number.Length == 0 || !IsEscapedRun(number, "-_.!~*'()+#"))
        {
            return null;
        }
        var parameters = ReadUriParameters(s, ref i);
        return parameters is not null && i == s.Length ? new SipUri { Scheme = "tel", User = number, Parameters = parameters } : null;
    }

    private static SipParameters? ReadUriParameters(string s, ref int i)
    {
        var items = new List<SipParameter>();
        while (i < s.Length && s[i] == ';')
        {
            var start = ++i;
            while (i < s.Length && s[i] != ';' && s[i] != '?')
            {
                i++;
            }
            var part = s[start..i];
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = eq >= 0 ? part[..eq] : part;
            var value = eq >= 0 ? part[(eq + 1)..] : null;
            const string paramChars = "-_.!~*'()[]/:&+$";
            if (name.Length == 0 || !IsEscapedRun(name, paramChars) || (value is not null && (value.Length == 0 || !IsEscapedRun(value, paramChars))))
            {
                return null;
            }
            items.Add(new SipParameter(name, value));
        }
        return new SipParameters(items);
    }

    /// <summary>Letters, digits, the given marks and %HH escapes; nothing else (no spaces, quotes or brackets).</summary>
    private static bool IsEscapedRun(string s, string marks)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '%')
            {
                if (i + 2 >= s.Length || !char.IsAsciiHexDigit(s[i + 1]) || !char.IsAsciiHexDigit(s[i + 2]))
                {
                    return false;
                }
                i += 2;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && !marks.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsOpaqueChar(char c) => c > ' ' && c < 0x7F && c is not '<' and not '>' and not '"';

    public override string ToString()
    {
        if (Opaque is not null)
        {
            return Scheme + ":" + Opaque;
        }
        var sb = new StringBuilder(Scheme).Append(':');
        if (User is not null)
        {
            sb.Append(User);
            if (Password is not null)
            {
                sb.Append(':').Append(Password);
            }
            if (IsSip)
            {
                sb.Append('@');
            }
        }
        sb.Append(Host);
        if (Port is { } port)
        {
            sb.Append(':').Append(port);
        }
        sb.Append(Parameters);
        if (Headers is not null)
        {
            sb.Append('?').Append(Headers);
        }
        return sb.ToString();
    }
}
