namespace OpenTalk.Sip.Messages;

/// <summary>
/// Cuts a TCP/TLS byte stream into messages (RFC 3261 §18.3): headers end at the first empty line, and the body is
/// exactly Content-Length bytes, which is therefore mandatory on streams. Keeps at most one message's worth of
/// bytes (<see cref="SipParserLimits.MaxMessageBytes"/>), so a peer sending headers without end is cut off.
/// </summary>
public sealed class SipStreamFramer(SipParserLimits? limits = null)
{
    private readonly SipParserLimits _limits = limits ?? SipParserLimits.Default;
    private byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;
    private int _scanned; // how far past _start the search for the end of headers has already looked
    private string? _broken;

    public int Buffered => _end - _start;

    public IReadOnlyList<SipFrame> Feed(ReadOnlySpan<byte> data)
    {
        var frames = new List<SipFrame>();
        if (_broken is not null)
        {
            frames.Add(new SipFrame.Broken(_broken));
            return frames;
        }
        while (!data.IsEmpty)
        {
            // Never hold more than a whole message: take what fits, cut frames, then take more.
            var room = _limits.MaxMessageBytes + 4 - Buffered;
            var take = Math.Min(room, data.Length);
            if (take <= 0)
            {
                return Break(frames, "more than a message's worth of bytes without a whole message");
            }
            Append(data[..take]);
            data = data[take..];
            Cut(frames);
            if (_broken is not null)
            {
                return frames;
            }
        }
        return frames;
    }

    private void Cut(List<SipFrame> frames)
    {
        while (_broken is null && _end > _start)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            if (span[0] is (byte)'\r' or (byte)'\n')
            {
                if (span.StartsWith("\r\n\r\n"u8))
                {
                    frames.Add(new SipFrame.Ping());
                    Consume(4);
                }
                else if (span.StartsWith("\r\n"u8) && span.Length > 2 && span[2] != '\r')
                {
                    frames.Add(new SipFrame.Pong());
                    Consume(2);
                }
                else if (span.Length < 4 && "\r\n\r\n"u8.StartsWith(span))
                {
                    return; // the rest of a keep-alive may still come
                }
                else
                {
                    Consume(1); // a stray line end between messages
                }
                continue;
            }
            var headerEnd = FindHeaderEnd(span);
            if (headerEnd < 0)
            {
                if (span.Length > _limits.MaxMessageBytes)
                {
                    Break(frames, "headers without end");
                }
                return;
            }
            var length = ContentLength(span[..headerEnd], out var problem);
            if (problem is not null)
            {
                Break(frames, problem);
                return;
            }
            var total = headerEnd + length;
            if (total > _limits.MaxMessageBytes)
            {
                Break(frames, $"a message of {total} bytes");
                return;
            }
            if (span.Length < total)
            {
                return;
            }
            frames.Add(new SipFrame.Message(SipParser.Parse(span[..total], _limits)));
            Consume(total);
        }
    }

    /// <summary>The offset just past the empty line ending the headers, or -1 when it has not arrived yet.</summary>
    private int FindHeaderEnd(ReadOnlySpan<byte> span)
    {
        for (var i = Math.Max(_scanned, 1); i < span.Length; i++)
        {
            if (span[i] != '\n')
            {
                continue;
            }
            if (span[i - 1] == '\n')
            {
                return i + 1;
            }
            if (span[i - 1] == '\r' && i >= 2 && span[i - 2] == '\n')
            {
                return i + 1;
            }
        }
        _scanned = Math.Max(1, span.Length - 1);
        return -1;
    }

    /// <summary>Reads Content-Length (or its compact form l) from the header bytes.</summary>
    private static int ContentLength(ReadOnlySpan<byte> head, out string? problem)
    {
        int? found = null;
        foreach (var range in head.Split((byte)'\n'))
        {
            var line = System.Text.Encoding.ASCII.GetString(head[range]).TrimEnd('\r');
            if (line.Length == 0 || SipGrammar.IsWhitespace(line[0]))
            {
                continue; // a continuation belongs to the header above; a folded Content-Length value reads as malformed
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || HeaderNames.Normalize(line[..colon].Trim(' ', '\t')) != HeaderNames.ContentLength)
            {
                continue;
            }
            if (!SipMessageRules.TryReadLength(line[(colon + 1)..], out var value) || (found is not null && found != value))
            {
                problem = "malformed or conflicting Content-Length";
                return 0;
            }
            found = value;
        }
        problem = found is null ? "no Content-Length on a stream" : null;
        return found ?? 0;
    }

    private List<SipFrame> Break(List<SipFrame> frames, string reason)
    {
        _broken = reason;
        _start = _end = 0;
        frames.Add(new SipFrame.Broken(reason));
        return frames;
    }

    private void Consume(int count)
    {
        _start += count;
        _scanned = 0;
        if (_start == _end)
        {
            _start = _end = 0;
        }
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        if (_buffer.Length - _end < data.Length)
        {
            var needed = Buffered + data.Length;
            var target = needed <= _buffer.Length ? _buffer : new byte[Math.Max(needed, _buffer.Length * 2)];
            _buffer.AsSpan(_start, Buffered).CopyTo(target);
            _end = Buffered;
            _start = 0;
            _buffer = target;
        }
        data.CopyTo(_buffer.AsSpan(_end));
        _end += data.Length;
    }
}
