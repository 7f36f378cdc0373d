using System.Collections;

namespace OpenTalk.Sip.Messages;

/// <summary>One header line as read or to be written: its (normalised) name and its raw value, folding undone.</summary>
public readonly record struct SipHeader(string Name, string Value);

/// <summary>
/// The headers of a message, in order. Names compare case-insensitively and compact forms become long names on the
/// way in; values stay raw (one entry per line) so that a message is written back as it came, and the typed
/// accessors on <see cref="SipMessage"/> read them.
/// </summary>
public sealed class SipHeaders : IReadOnlyList<SipHeader>
{
    private readonly List<SipHeader> _items = [];

    public int Count => _items.Count;

    public SipHeader this[int index] => _items[index];

    public void Add(string name, string value) => _items.Add(new SipHeader(Checked(name, value), value));

    /// <summary>Puts a header before all others of the same name (a proxy's Via), or first when there is none.</summary>
    public void AddFirst(string name, string value)
    {
        var normalized = Checked(name, value);
        var index = _items.FindIndex(h => Is(h, normalized));
        _items.Insert(index < 0 ? 0 : index, new SipHeader(normalized, value));
    }

    /// <summary>Replaces the first header of that name in place and drops the others; adds it when there was none.</summary>
    public void Set(string name, string value)
    {
        var normalized = Checked(name, value);
        var index = _items.FindIndex(h => Is(h, normalized));
        if (index < 0)
        {
            _items.Add(new SipHeader(normalized, value));
            return;
        }
        _items[index] = new SipHeader(normalized, value);
        for (var i = _items.Count - 1; i > index; i--)
        {
            if (Is(_items[i], normalized))
            {
                _items.RemoveAt(i);
            }
        }
    }

    public int Remove(string name)
    {
        var normalized = HeaderNames.Normalize(name);
        return _items.RemoveAll(h => Is(h, normalized));
    }

    public bool Contains(string name)
    {
        var normalized = HeaderNames.Normalize(name);
        return _items.Exists(h => Is(h, normalized));
    }

    /// <summary>The raw value of the first line of that name.</summary>
    public string? Get(string name)
    {
        var normalized = HeaderNames.Normalize(name);
        var index = _items.FindIndex(h => Is(h, normalized));
        return index < 0 ? null : _items[index].Value;
    }

    /// <summary>The raw values of every line of that name, in order.</summary>
    public IReadOnlyList<string> GetLines(string name)
    {
        var normalized = HeaderNames.Normalize(name);
        return [.. _items.Where(h => Is(h, normalized)).Select(h => h.Value)];
    }

    /// <summary>Every element of that header: lines of a list header (Via, Contact, Route…) split on their separating commas.</summary>
    public IReadOnlyList<string> GetValues(string name)
    {
        var lines = GetLines(name);
        return HeaderNames.IsList(name) ? [.. lines.SelectMany(SipGrammar.SplitList)] : lines;
    }

    public SipHeaders Clone()
    {
        var copy = new SipHeaders();
        copy._items.AddRange(_items);
        return copy;
    }

    /// <summary>
    /// Refuses what would break the message on the wire: a name that is no token, a value with line ends or other
    /// control characters (a display name taken from a user could otherwise smuggle in headers of its own).
    /// </summary>
    private static string Checked(string name, string value)
    {
        if (!SipGrammar.IsToken(name))
        {
            throw new ArgumentException($"'{name}' is not a header name", nameof(name));
        }
        if (HasControlCharacters(value))
        {
            throw new ArgumentException($"The value of {name} holds control characters", nameof(value));
        }
        return HeaderNames.Normalize(name);
    }

    internal static bool HasControlCharacters(string value) =>
        value.AsSpan().ContainsAnyInRange('\0', '\x08') || value.AsSpan().ContainsAnyInRange('\x0a', '\x1f') || value.Contains('\x7f', StringComparison.Ordinal);

    private static bool Is(SipHeader header, string normalizedName) => header.Name.Equals(normalizedName, StringComparison.OrdinalIgnoreCase);

    public IEnumerator<SipHeader> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
