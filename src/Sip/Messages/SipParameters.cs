using System.Collections;
using System.Text;

namespace OpenTalk.Sip.Messages;

/// <summary>One <c>;name=value</c> (or valueless <c>;name</c>) parameter; the value is kept as written, quotes included.</summary>
public sealed record SipParameter(string Name, string? Value);

/// <summary>
/// The ordered, immutable parameters of a URI or a header (<c>;tag=</c>, <c>;branch=</c>, <c>;lr</c>). Names compare
/// case-insensitively (RFC 3261 §7.3.1); values are kept as written so that what was read is written back unchanged.
/// </summary>
public sealed class SipParameters : IReadOnlyList<SipParameter>, IEquatable<SipParameters>
{
    public static readonly SipParameters Empty = new([]);

    private readonly SipParameter[] _items;

    public SipParameters(IEnumerable<SipParameter> items) => _items = [.. items];

    public int Count => _items.Length;

    public SipParameter this[int index] => _items[index];

    public bool Contains(string name) => Array.Exists(_items, p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The value of the first parameter called <paramref name="name"/>, unquoted; null when absent or valueless.</summary>
    public string? Get(string name)
    {
        var found = Array.Find(_items, p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        return found?.Value is { } value ? SipGrammar.Unquote(value) : null;
    }

    /// <summary>A copy with <paramref name="name"/> set (replacing an earlier one in place, else appended).</summary>
    public SipParameters With(string name, string? value)
    {
        var index = Array.FindIndex(_items, p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        var items = _items.ToList();
        if (index >= 0)
        {
            items[index] = new SipParameter(name, value);
        }
        else
        {
            items.Add(new SipParameter(name, value));
        }
        return new SipParameters(items);
    }

    public SipParameters Without(string name) =>
        new(_items.Where(p => !p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)));

    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var p in _items)
        {
            sb.Append(';').Append(p.Name);
            if (p.Value is not null)
            {
                sb.Append('=').Append(p.Value);
            }
        }
        return sb.ToString();
    }

    public bool Equals(SipParameters? other) => other is not null && _items.SequenceEqual(other._items);

    public override bool Equals(object? obj) => Equals(obj as SipParameters);

    public override int GetHashCode() => _items.Length == 0 ? 0 : HashCode.Combine(_items.Length, _items[0]);

    public IEnumerator<SipParameter> GetEnumerator() => ((IEnumerable<SipParameter>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Reads header parameters (<c>*( SEMI generic-param )</c>) from <paramref name="i"/> to the end of
    /// <paramref name="s"/>: LWS around ';' and '=' allowed, values are tokens, hosts or quoted strings.
    /// </summary>
    internal static SipParameters? ReadHeaderParameters(string s, ref int i)
    {
        var items = new List<SipParameter>();
        SipGrammar.SkipWhitespace(s, ref i);
        while (i < s.Length)
        {
            if (s[i] != ';')
            {
                return null;
            }
            i++;
            SipGrammar.SkipWhitespace(s, ref i);
            var name = SipGrammar.ReadToken(s, ref i);
            if (name.Length == 0)
            {
                return null;
            }
            SipGrammar.SkipWhitespace(s, ref i);
            string? value = null;
            if (i < s.Length && s[i] == '=')
            {
                i++;
                SipGrammar.SkipWhitespace(s, ref i);
                if (i < s.Length && s[i] == '"')
                {
                    value = SipGrammar.ReadQuoted(s, ref i);
                    if (value is null)
                    {
                        return null;
                    }
                }
                else
                {
                    var start = i;
                    // gen-value = token / host / quoted-string: a token plus ':' and brackets for IPv6 hosts.
                    while (i < s.Length && (SipGrammar.IsTokenChar(s[i]) || s[i] is ':' or '[' or ']'))
                    {
                        i++;
                    }
                    value = s[start..i];
                    if (value.Length == 0)
                    {
                        return null;
                    }
                }
                SipGrammar.SkipWhitespace(s, ref i);
            }
            items.Add(new SipParameter(name, value));
        }
        return new SipParameters(items);
    }
}
