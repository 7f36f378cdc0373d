using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace OpenTalk.Sip.Rtp;

/// <summary>
/// The RFC 4733 §2.3 telephone-event payload: an event (0-15 are the DTMF keys), the end bit, the volume in -dBm0
/// (0-63) and the duration so far in timestamp units.
/// </summary>
public sealed record TelephoneEvent(byte Event, bool End, byte Volume, ushort Duration)
{
    public const int Length = 4;
    private const string Keys = "0123456789*#ABCD";

    /// <summary>The key for DTMF events 0-15; null for the other events (tones, flash…).</summary>
    public char? Digit => Event < Keys.Length ? Keys[Event] : null;

    public static TelephoneEvent? ForDigit(char digit, bool end, ushort duration, byte volume = 10)
    {
        var index = Keys.IndexOf(char.ToUpperInvariant(digit), StringComparison.Ordinal);
        return index < 0 ? null : new TelephoneEvent((byte)index, end, volume, duration);
    }

    /// <summary>Reads the first event of a payload (a payload may hold several, RFC 4733 §2.5.1.5; the first is current).</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out TelephoneEvent? telephoneEvent)
    {
        telephoneEvent = null;
        if (payload.Length < Length)
        {
            return false;
        }
        telephoneEvent = new TelephoneEvent(payload[0], (payload[1] & 0x80) != 0, (byte)(payload[1] & 0x3F), BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        bytes[0] = Event;
        bytes[1] = (byte)((End ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), Duration);
        return bytes;
    }
}
