using System.Globalization;
using System.Text;

namespace OpenTalk.Sip.UserAgent;

/// <summary>
/// Reads a key from an INFO body: <c>application/dtmf-relay</c> (<c>Signal=5</c>, <c>Duration=160</c>, as Cisco and
/// most trunks send it) and <c>application/dtmf</c> (the key alone). Old devices write * and # as 10 and 11.
/// </summary>
public static class DtmfRelay
{
    public static (char Key, int? DurationMs)? Parse(string? contentType, ReadOnlySpan<byte> body)
    {
        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        var text = Encoding.UTF8.GetString(body);
        if (type == "application/dtmf")
        {
            return Key(text.Trim()) is { } key ? (key, null) : null;
        }
        if (type != "application/dtmf-relay")
        {
            return null;
        }
        char? signal = null;
        int? duration = null;
        foreach (var line in text.Split('\n'))
        {
            var parts = line.Split('=', 2);
            if (parts.Length != 2)
            {
                continue;
            }
            var name = parts[0].Trim();
            var value = parts[1].Trim();
            if (name.Equals("Signal", StringComparison.OrdinalIgnoreCase))
            {
                signal = Key(value);
            }
            else if (name.Equals("Duration", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
            {
                duration = ms;
            }
        }
        return signal is { } s ? (s, duration) : null;
    }

    private static char? Key(string value) => value.ToUpperInvariant() switch
    {
        [var c] when char.IsAsciiDigit(c) || c is '*' or '#' or 'A' or 'B' or 'C' or 'D' => c,
        "10" => '*',
        "11" => '#',
        _ => null,
    };
}
