using System.Globalization;

namespace OpenTalk.Sip.Messages;

/// <summary>
/// What every message must carry to be processed (RFC 3261 §8.1.1, §8.2.2): Via, From, To, Call-ID and CSeq that
/// parse, a CSeq method matching the request's, Contacts that parse, a sane Max-Forwards and one Content-Length. Max-Forwards itself is
/// optional here: older clients leave it out and a UAS loses nothing by taking them.
/// </summary>
internal static class SipMessageRules
{
    /// <summary>The first problem found, or null when the message is whole.</summary>
    public static string? Check(SipMessage message, string? requestMethod)
    {
        var headers = message.Headers;
        var vias = headers.GetValues(HeaderNames.Via);
        if (vias.Count == 0)
        {
            return "no Via";
        }
        if (vias.Any(v => Via.TryParse(v) is null))
        {
            return "malformed Via";
        }
        foreach (var name in new[] { HeaderNames.From, HeaderNames.To })
        {
            var lines = headers.GetLines(name);
            if (lines.Count != 1)
            {
                return lines.Count == 0 ? $"no {name}" : $"more than one {name}";
            }
            if (NameAddress.TryParse(lines[0]) is null)
            {
                return $"malformed {name}";
            }
        }
        var callIds = headers.GetLines(HeaderNames.CallId);
        if (callIds.Count != 1 || callIds[0].Length == 0 || callIds[0].Any(c => c is ' ' or '\t'))
        {
            return callIds.Count == 0 ? "no Call-ID" : "malformed Call-ID";
        }
        var cseqs = headers.GetLines(HeaderNames.CSeq);
        if (cseqs.Count != 1)
        {
            return cseqs.Count == 0 ? "no CSeq" : "more than one CSeq";
        }
        if (CSeq.TryParse(cseqs[0]) is not { } cseq)
        {
            return "malformed CSeq";
        }
        if (requestMethod is not null && cseq.Method != requestMethod)
        {
            return "CSeq method differs from the request method";
        }
        var contacts = headers.GetValues(HeaderNames.Contact);
        if (contacts.Any(c => NameAddress.TryParse(c) is null) && !(contacts.Count == 1 && contacts[0] == "*"))
        {
            return "malformed Contact";
        }
        var maxForwards = headers.GetLines(HeaderNames.MaxForwards);
        if (maxForwards.Count > 1 || (maxForwards.Count == 1 && SipMessage.ReadInt(maxForwards[0]) is not (>= 0 and <= 255)))
        {
            return "malformed Max-Forwards";
        }
        var lengths = headers.GetLines(HeaderNames.ContentLength);
        if (lengths.Any(l => !TryReadLength(l, out _)))
        {
            return "malformed Content-Length";
        }
        if (lengths.Distinct().Count() > 1)
        {
            return "conflicting Content-Length headers";
        }
        return null;
    }

    public static int? DeclaredLength(SipHeaders headers) =>
        headers.Get(HeaderNames.ContentLength) is { } value && TryReadLength(value, out var length) ? length : null;

    public static bool TryReadLength(string value, out int length) =>
        int.TryParse(value.Trim(' ', '\t'), NumberStyles.None, CultureInfo.InvariantCulture, out length);
}
