namespace OpenTalk.Sip.Messages;

/// <summary>The lexical pieces of RFC 3261 §25 that every header parser shares.</summary>
internal static class SipGrammar
{
    public static bool IsWhitespace(char c) => c is ' ' or '\t';

    /// <summary>token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~").</summary>
    public static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '!' or '%' or '*' or '_' or '+' or '`' or '\'' or '~';

    public static bool IsToken(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }
        foreach (var c in s)
        {
            if (!IsTokenChar(c))
            {
                return false;
            }
        }
        return true;
    }

    public static void SkipWhitespace(string s, ref int i)
    {
        while (i < s.Length && IsWhitespace(s[i]))
        {
            i++;
        }
    }

    public static string ReadToken(string s, ref int i)
    {
        var start = i;
        while (i < s.Length && IsTokenChar(s[i]))
        {
            i++;
        }
        return s[start..i];
    }

    /// <summary>Reads a quoted-string starting at the opening quote; returns it with its quotes, or null when unterminated.</summary>
    public static string? ReadQuoted(string s, ref int i)
    {
        var start = i;
        i++;
        while (i < s.Length)
        {
            if (s[i] == '\\')
            {
                i += 2;
                continue;
            }
            if (s[i] == '"')
            {
                i++;
                return s[start..i];
            }
            i++;
        }
        return null;
    }

    /// <summary>Removes the quotes and the backslash escapes of a quoted-string; a plain token comes back as it is.</summary>
    public static string Unquote(string s)
    {
        if (s.Length < 2 || s[0] != '"' || s[^1] != '"')
        {
            return s;
        }
        var inner = s.AsSpan(1, s.Length - 2);
        if (!inner.Contains('\\'))
        {
            return inner.ToString();
        }
        var sb = new System.Text.StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length)
            {
                i++;
            }
            sb.Append(inner[i]);
        }
        return sb.ToString();
    }

    public static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// host = hostname / IPv4address / IPv6reference. Read loosely (letters, digits, '-', '.', '_'), IPv6 inside
    /// brackets with hex digits, ':' and '.' only: enough to refuse garbage without judging DNS names.
    /// </summary>
    public static string? ReadHost(string s, ref int i)
    {
        var start = i;
        if (i < s.Length && s[i] == '[')
        {
            i++;
            while (i < s.Length && (char.IsAsciiHexDigit(s[i]) || s[i] is ':' or '.'))
            {
                i++;
            }
            if (i >= s.Length || s[i] != ']' || i == start + 1)
            {
                return null;
            }
            i++;
            return s[start..i];
        }
        while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '-' or '.' or '_'))
        {
            i++;
        }
        return i == start ? null : s[start..i];
    }

    /// <summary>Reads 1-5 digits as a port (0-65535); null when there are none or the number is too big.</summary>
    public static int? ReadPort(string s, ref int i)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]) && i - start < 6)
        {
            i++;
        }
        if (i == start || i - start > 5)
        {
            return null;
        }
        var port = int.Parse(s.AsSpan(start, i - start), System.Globalization.CultureInfo.InvariantCulture);
        return port <= 65535 ? port : null;
    }

    /// <summary>Splits a list header on the commas that separate its elements, not those inside quotes or &lt;&gt;.</summary>
    public static List<string> SplitList(string value)
    {
        var parts = new List<string>();
        var start = 0;
        var inQuotes = false;
        var inAngle = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (inQuotes)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == '<')
            {
                inAngle = true;
            }
            else if (c == '>')
            {
                inAngle = false;
            }
            else if (c == ',' && !inAngle)
            {
                Add(value[start..i]);
                start = i + 1;
            }
        }
        Add(value[start..]);
        return parts;

        void Add(string part)
        {
            var trimmed = part.Trim(' ', '\t');
            if (trimmed.Length > 0)
            {
                parts.Add(trimmed);
            }
        }
    }
}
