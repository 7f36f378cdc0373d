using System.Text;

namespace OpenTalk.Sip.Messages;

/// <summary>
/// The value of From, To, Contact, Route and Record-Route (RFC 3261 §20.10, §25.1 name-addr / addr-spec): an
/// optional display name, a URI and header parameters such as <c>tag</c>.
/// </summary>
public sealed record NameAddress(string? DisplayName, SipUri Uri, SipParameters Parameters)
{
    public NameAddress(SipUri uri) : this(null, uri, SipParameters.Empty)
    {
    }

    public string? Tag => Parameters.Get("tag");

    public NameAddress WithTag(string tag) => this with { Parameters = Parameters.With("tag", tag) };

    public static NameAddress? TryParse(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var s = value.Trim(' ', '\t');
        var i = 0;
        string? display = null;
        if (s.StartsWith('"'))
        {
            var quoted = SipGrammar.ReadQuoted(s, ref i);
            if (quoted is null)
            {
                return null;
            }
            display = SipGrammar.Unquote(quoted) is { Length: > 0 } name ? name : null;
            SipGrammar.SkipWhitespace(s, ref i);
            if (i >= s.Length || s[i] != '<')
            {
                return null;
            }
        }
        else
        {
            var angle = s.IndexOf('<', StringComparison.Ordinal);
            if (angle > 0)
            {
                // display-name = *(token LWS): unquoted words before the '<'.
                var words = s[..angle].Trim(' ', '\t');
                if (!words.All(c => SipGrammar.IsTokenChar(c) || SipGrammar.IsWhitespace(c)))
                {
                    return null;
                }
                display = words.Length > 0 ? words : null;
                i = angle;
            }
        }
        SipUri? uri;
        if (i < s.Length && s[i] == '<')
        {
            var close = s.IndexOf('>', i);
            if (close < 0)
            {
                return null;
            }
            uri = SipUri.TryParse(s[(i + 1)..close]);
            i = close + 1;
        }
        else
        {
            // addr-spec: the URI cannot hold ';', ',' or '?' here (RFC 3261 §20), so what follows ';' are header parameters.
            var end = s.IndexOfAny([';', ' ', '\t']);
            end = end < 0 ? s.Length : end;
            // …and a URI holding ',' or '?' must be written in angle brackets.
            uri = s.AsSpan(0, end).IndexOfAny(',', '?') >= 0 ? null : SipUri.TryParse(s[..end]);
            i = end;
        }
        if (uri is null)
        {
            return null;
        }
        var parameters = SipParameters.ReadHeaderParameters(s, ref i);
        return parameters is null ? null : new NameAddress(display, uri, parameters);
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        if (!string.IsNullOrEmpty(DisplayName))
        {
            sb.Append(SipGrammar.Quote(DisplayName)).Append(' ');
        }
        return sb.Append('<').Append(Uri).Append('>').Append(Parameters).ToString();
    }
}
