using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;

namespace OpenTalk.Collab.Yjs;

/// <summary>
/// lib0's decoding over bytes from anywhere: every read checks what is left first, so a bad length
/// or a truncated buffer becomes a <see cref="YFormatException"/> before anything is allocated.
/// </summary>
internal sealed class Lib0Reader(byte[] buffer)
{
    /// <summary>JavaScript numbers are exact up to here; lib0 refuses larger varints too.</summary>
    public const long MaxSafeInteger = (1L << 53) - 1;

    /// <summary>Deeper nesting than any real document has; keeps recursion far from the stack's end.</summary>
    public const int MaxAnyDepth = 64;

    // Invalid UTF-8 becomes U+FFFD, as TextDecoder does in the browser.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private int _pos;

    public int Remaining => buffer.Length - _pos;

    public byte ReadByte() =>
        _pos < buffer.Length ? buffer[_pos++] : throw new YFormatException("Unexpected end of update");

    public long ReadVarUint()
    {
        long num = 0;
        for (var shift = 0; shift < 63; shift += 7)
        {
            var b = ReadByte();
            num += (long)(b & 0x7f) << shift;
            if (num > MaxSafeInteger) throw new YFormatException("Integer out of range");
            if (b < 0x80) return num;
        }
        throw new YFormatException("Integer out of range");
    }

    public int ReadCount()
    {
        // Every counted element takes at least one byte, so a count beyond the bytes left is a lie.
        var n = ReadVarUint();
        return n <= Remaining ? (int)n : throw new YFormatException("Count larger than the update");
    }

    public long ReadVarInt()
    {
        var b = ReadByte();
        long num = b & 0x3f;
        var negative = (b & 0x40) != 0;
        for (var shift = 6; (b & 0x80) != 0; shift += 7)
        {
            if (shift > 55) throw new YFormatException("Integer out of range");
            b = ReadByte();
            num += (long)(b & 0x7f) << shift;
            if (num > MaxSafeInteger) throw new YFormatException("Integer out of range");
        }
        return negative ? -num : num;
    }

    public ReadOnlySpan<byte> ReadSpan(int length)
    {
        if (length > Remaining) throw new YFormatException("Length larger than the update");
        var span = buffer.AsSpan(_pos, length);
        _pos += length;
        return span;
    }

    public byte[] ReadVarBytes() => ReadSpan(ReadCount()).ToArray();

    public string ReadVarString() => Utf8.GetString(ReadSpan(ReadCount()));

    /// <summary>Reads one lib0 "any" value and returns its encoded bytes, checked but not decoded.</summary>
    public byte[] ReadAnyRaw()
    {
        var start = _pos;
        SkipAny(0);
        return buffer.AsSpan(start, _pos - start).ToArray();
    }

    private void SkipAny(int depth)
    {
        if (depth > MaxAnyDepth) throw new YFormatException("Value nested too deeply");
        switch (ReadByte())
        {
            case 127 or 126 or 121 or 120: break;
            case 125: ReadVarInt(); break;
            case 124: ReadSpan(4); break;
            case 123 or 122: ReadSpan(8); break;
            case 119 or 116: ReadSpan(ReadCount()); break;
            case 118:
                for (var n = ReadCount(); n > 0; n--)
                {
                    ReadSpan(ReadCount());
                    SkipAny(depth + 1);
                }
                break;
            case 117:
                for (var n = ReadCount(); n > 0; n--) SkipAny(depth + 1);
                break;
            default: throw new YFormatException("Unknown value type");
        }
    }

    /// <summary>Decodes a lib0 "any" value as JSON: undefined becomes null, bytes become base64.</summary>
    public JsonNode? ReadAny(int depth = 0)
    {
        if (depth > MaxAnyDepth) throw new YFormatException("Value nested too deeply");
        switch (ReadByte())
        {
            case 127 or 126: return null;
            case 125: return JsonValue.Create(ReadVarInt());
            case 124: return JsonValue.Create((double)BinaryPrimitives.ReadSingleBigEndian(ReadSpan(4)));
            case 123: return JsonValue.Create(BinaryPrimitives.ReadDoubleBigEndian(ReadSpan(8)));
            case 122: return JsonValue.Create(BinaryPrimitives.ReadInt64BigEndian(ReadSpan(8)));
            case 121: return JsonValue.Create(false);
            case 120: return JsonValue.Create(true);
            case 119: return JsonValue.Create(ReadVarString());
            case 118:
                var obj = new JsonObject();
                for (var n = ReadCount(); n > 0; n--)
                {
                    var key = ReadVarString();
                    obj[key] = ReadAny(depth + 1); // a repeated key wins, as in a JavaScript object
                }
                return obj;
            case 117:
                var arr = new JsonArray();
                for (var n = ReadCount(); n > 0; n--) arr.Add(ReadAny(depth + 1));
                return arr;
            case 116: return JsonValue.Create(Convert.ToBase64String(ReadSpan(ReadCount())));
            default: throw new YFormatException("Unknown value type");
        }
    }
}
