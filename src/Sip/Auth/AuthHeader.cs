using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Auth;

/// <summary>
/// The value of WWW-Authenticate, Proxy-Authenticate, Authorization or Proxy-Authorization (RFC 3261 §25.1,
/// RFC 7235 §2.1): a scheme and comma-separated <c>name=value</c> parameters, values unquoted here.
/// </summary>
public sealed record AuthHeader(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public string? this[string name] => Parameters.TryGetValue(name, out var value) ? value : null;

    public static AuthHeader? TryParse(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var s = value.Trim(' ', '\t');
        var i = 0;
        var scheme = SipGrammar.ReadToken(s, ref i);
        if (scheme.Length == 0 || (i < s.Length && !SipGrammar.IsWhitespace(s[i])))
        {
            return null;
        }
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            SipGrammar.SkipWhitespace(s, ref i);
            if (i >= s.Length)
            {
                break;
            }
            var name = SipGrammar.ReadToken(s, ref i);
            SipGrammar.SkipWhitespace(s, ref i);
            if (name.Length == 0 || i >= s.Length || s[i] != '=')
            {
                return null;
            }
            i++;
            SipGrammar.SkipWhitespace(s, ref i);
            string? raw;
            if (i < s.Length && s[i] == '"')
            {
                raw = SipGrammar.ReadQuoted(s, ref i);
            }
            else
            {
                var start = i;
                while (i < s.Length && s[i] != ',' && !SipGrammar.IsWhitespace(s[i]))
                {
                    i++;
                }
                raw = i > start ? s[start..i] : null;
            }
            if (raw is null)
            {
                return null;
            }
            parameters[name] = SipGrammar.Unquote(raw);
            SipGrammar.SkipWhitespace(s, ref i);
            if (i < s.Length)
            {
                if (s[i] != ',')
                {
                    return null;
                }
                i++;
            }
        }
        return new AuthHeader(scheme, parameters);
    }
}
