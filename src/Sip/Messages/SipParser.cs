using System.Text;

namespace OpenTalk.Sip.Messages;

/// <summary>
/// Reads one SIP message from a datagram or a frame cut by <see cref="SipStreamFramer"/> (RFC 3261 §7). Pure and total:
/// any input gives a <see cref="SipParseResult"/>, never an exception. Accepts bare LF line ends and leading empty
/// lines (§7.5), unfolds continuation lines (§7.3.1) and normalises compact header names.
/// </summary>
public static class SipParser
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static SipParseResult Parse(ReadOnlySpan<byte> data, SipParserLimits? limits = null)
    {
        limits ??= SipParserLimits.Default;
        var pos = 0;
        while (pos < data.Length && (data[pos] == '\r' || data[pos] == '\n'))
        {
            pos++;
        }
        if (ReadLine(data, ref pos, limits.MaxHeaderLineBytes, out var startLine) != Line.Read)
        {
            return new SipParseResult.Failed("no start line");
        }
        var start = StartLine.Read(startLine);
        if (start.Error is not null && !start.IsRequest)
        {
            return new SipParseResult.Failed(start.Error);
        }
        // A request is read on even when its start line is wrong: the answer (400, 505) needs its Via, From, To…
        // Only the first MaxMessageBytes are looked at, even of a message too large to take.
        var oversized = data.Length > limits.MaxMessageBytes;
        var headers = new SipHeaders();
        var (headerError, headerStatus) = ReadHeaders(oversized ? data[..limits.MaxMessageBytes] : data, ref pos, limits, headers);
        if (oversized)
        {
            var reason = $"message larger than {limits.MaxMessageBytes} bytes";
            return start.IsRequest ? new SipParseResult.Failed(reason, 513, headers) : new SipParseResult.Failed(reason);
        }
        if (start.Error is not null || headerError is not null)
        {
            return start.IsRequest
                ? new SipParseResult.Failed(start.Error ?? headerError!, start.Error is null ? headerStatus : start.ErrorStatus, headers)
                : new SipParseResult.Failed(headerError!);
        }
        var message = start.Build(headers);
        int? answer = message is SipRequest ? 400 : null;
        if (SipMessageRules.Check(message, start.Method) is { } problem)
        {
            return Failed(message, problem, answer);
        }
        var available = data.Length - pos;
        var declared = SipMessageRules.DeclaredLength(headers);
        if (declared > available)
        {
            return Failed(message, $"Content-Length {declared} but {available} bytes of body", answer);
        }
        // On a datagram extra bytes after Content-Length are discarded (RFC 3261 §18.3); without one the rest is the body.
        message.Body = data.Slice(pos, declared ?? available).ToArray();
        return new SipParseResult.Parsed(message);
    }

    private static SipParseResult.Failed Failed(SipMessage message, string reason, int? status) =>
        new(reason, status, message is SipRequest ? message.Headers : null);

    /// <summary>Reads header lines up to the empty line, unfolding and checking them; the first problem and its status, if any.</summary>
    private static (string? Error, int? Status) ReadHeaders(ReadOnlySpan<byte> data, ref int pos, SipParserLimits limits, SipHeaders headers)
    {
        var lines = new List<string>();
        string? error = null;
        int? status = null;
        while (error is null)
        {
            var read = ReadLine(data, ref pos, limits.MaxHeaderLineBytes, out var line);
            if (read != Line.Read)
            {
                (error, status) = read == Line.Missing ? ("headers do not end with an empty line", 400) : ("header line too long", 513);
            }
            else if (line.Length == 0)
            {
                break;
            }
            else if (SipGrammar.IsWhitespace(line[0]))
            {
                // A continuation line belongs to the header above it; folding becomes a single space.
                if (lines.Count == 0)
                {
                    (error, status) = ("continuation line before any header", 400);
                }
                else
                {
                    lines[^1] = lines[^1].TrimEnd(' ', '\t') + " " + line.Trim(' ', '\t');
                    if (lines[^1].Length > limits.MaxHeaderLineBytes)
                    {
                        (error, status) = ("header line too long", 513);
                    }
                }
            }
            else if (lines.Count >= limits.MaxHeaderCount)
            {
                (error, status) = ($"more than {limits.MaxHeaderCount} headers", 513);
            }
            else
            {
                lines.Add(line);
            }
        }
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? line[..colon].TrimEnd(' ', '\t') : "";
            var value = colon > 0 ? line[(colon + 1)..].Trim(' ', '\t') : "";
            if (!SipGrammar.IsToken(name))
            {
                return (error ?? "a header line without a name and colon", status ?? 400);
            }
            if (SipHeaders.HasControlCharacters(value))
            {
                return (error ?? $"control characters in {name}", status ?? 400);
            }
            headers.Add(name, value);
        }
        return (error, status);
    }

    private enum Line { Read, Missing, TooLong }

    /// <summary>Reads up to LF, dropping a CR before it: no line at the end of data without LF, or past the length limit.</summary>
    private static Line ReadLine(ReadOnlySpan<byte> data, ref int pos, int maxLength, out string text)
    {
        text = "";
        var rest = data[pos..];
        var lf = rest.IndexOf((byte)'\n');
        if (lf < 0)
        {
            return rest.Length > maxLength ? Line.TooLong : Line.Missing;
        }
        if (lf > maxLength)
        {
            return Line.TooLong;
        }
        var line = rest[..lf];
        if (!line.IsEmpty && line[^1] == '\r')
        {
            line = line[..^1];
        }
        pos += lf + 1;
        text = Utf8.GetString(line);
        return Line.Read;
    }
}
