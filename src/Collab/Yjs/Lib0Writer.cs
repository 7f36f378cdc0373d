using System.Buffers;
using System.Text;

namespace OpenTalk.Collab.Yjs;

/// <summary>lib0's encoding, the subset updates need.</summary>
internal sealed class Lib0Writer
{
    // Lone surrogates become U+FFFD, as TextEncoder does in the browser.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly ArrayBufferWriter<byte> _buffer = new();

    public void WriteByte(byte value) => _buffer.Write([value]);

    public void WriteVarUint(long value)
    {
        while (value > 0x7f)
        {
            WriteByte((byte)(0x80 | (value & 0x7f)));
            value >>= 7;
        }
        WriteByte((byte)value);
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    public void WriteVarBytes(ReadOnlySpan<byte> bytes)
    {
        WriteVarUint(bytes.Length);
        _buffer.Write(bytes);
    }

    public void WriteVarString(string value) => WriteVarBytes(Utf8.GetBytes(value));

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}
