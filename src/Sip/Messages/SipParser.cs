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
        if (start.Error is { } startError)
        {
            return Fail(start, startError, start.ErrorStatus);
        }
        var headers = new SipHeaders();
        var lines = new List<string>();
        while (true)
        {
            var read = ReadLine(data, ref pos, limits.MaxHeaderLineBytes, out var line);
            if (read != Line.Read)
            {
                return read == Line.Missing ? Fail(start, "headers do not end with an empty line", 400) : Fail(start, "header line too long", 513);
            }
            if (line.Length == 0)
            {
                break;
            }
            if (SipGrammar.IsWhitespace(line[0]))
            {
                // A continuation line belongs to the header above it; folding becomes a single space.
                if (lines.Count == 0)
                {
                    return Fail(start, "continuation line before any header", 400);
                }
                lines[^1] = lines[^1].TrimEnd(' ', '\t') + " " + line.Trim(' ', '\t');
                if (lines[^1].Length > limits.MaxHeaderLineBytes)
                {
                    return Fail(start, "header line too long", 513);
                }
                continue;
            }
            if (lines.Count >= limits.MaxHeaderCount)
            {
                return Fail(start, $"more than {limits.MaxHeaderCount} headers", 513);
            }
            lines.Add(line);
        }
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? line[..colon].TrimEnd(' ', '\t') : "";
            if (!SipGrammar.IsToken(name))
            {
                return Fail(start, "a header line without a name and colon", 400);
            }
            if (line.AsSpan(colon + 1).ContainsAnyInRange('\0', '\x08') || line.AsSpan(colon + 1).ContainsAnyInRange('\x0a', '\x1f') || line.Contains('\x7f', StringComparison.Ordinal))
            {
                return Fail(start, $"control characters in {name}", 400);
            }
            headers.Add(name, line[(colon + 1)..].Trim(' ', '\t'));
        }
        var message = start.Build(headers);
        if (data.Length > limits.MaxMessageBytes)
        {
            return new SipParseResult.Failed($"message larger than {limits.MaxMessageBytes} bytes", message is SipRequest ? 513 : null, message as SipRequest);
        }
        var problem = SipMessageRules.Check(message, start.Method);
        if (problem is not null)
        {
            return new SipParseResult.Failed(problem, message is SipRequest ? 400 : null, message as SipRequest);
        }
        var available = data.Length - pos;
        var declared = SipMessageRules.DeclaredLength(headers);
        if (declared > available)
        {
            return new SipParseResult.Failed($"Content-Length {declared} but {available} bytes of body", message is SipRequest ? 400 : null, message as SipRequest);
        }
        // On a datagram extra bytes after Content-Length are discarded (RFC 3261 §18.3); without one the rest is the body.
        message.Body = data.Slice(pos, declared ?? available).ToArray();
        return new SipParseResult.Parsed(message);
    }

    private static SipParseResult.Failed Fail(StartLine start, string reason, int? status) =>
        start.IsRequest ? new SipParseResult.Failed(reason, status, start.Error is null ? start.Build(new SipHeaders()) as SipRequest : null)
                        : new SipParseResult.Failed(reason);

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
