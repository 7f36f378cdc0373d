using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace OpenTalk.Sip.Rtp;

/// <summary>The header extension of an RTP packet (RFC 3550 §5.3.1): a profile word and whole 32-bit words of data.</summary>
public sealed record RtpExtension(ushort Profile, byte[] Data);

/// <summary>
/// An RTP packet (RFC 3550 §5.1), version 2. Parsing refuses malformed packets (wrong version, lengths that do not
/// add up, impossible padding) by returning false, never by throwing.
/// </summary>
public sealed record RtpPacket
{
    public const int HeaderLength = 12;

    public bool Marker { get; init; }
    /// <summary>0-127.</summary>
    public int PayloadType { get; init; }
    public ushort SequenceNumber { get; init; }
    public uint Timestamp { get; init; }
    public uint Ssrc { get; init; }
    public IReadOnlyList<uint> Csrcs { get; init; } = [];
    public RtpExtension? Extension { get; init; }
    /// <summary>Padding bytes after the payload, the last of which holds the count; 0 for none.</summary>
    public int PaddingLength { get; init; }
    public byte[] Payload { get; init; } = [];

    /// <summary>
    /// True when the second byte says RTCP (packet types 192-223, RFC 5761 §4): how to tell them apart when RTP and
    /// RTCP share a port.
    /// </summary>
    public static bool LooksLikeRtcp(ReadOnlySpan<byte> data) => data.Length >= 2 && data[1] is >= 192 and <= 223;

    public static bool TryParse(ReadOnlySpan<byte> data, [NotNullWhen(true)] out RtpPacket? packet)
    {
        packet = null;
        if (data.Length < HeaderLength || data[0] >> 6 != 2)
        {
            return false;
        }
        var hasPadding = (data[0] & 0x20) != 0;
        var hasExtension = (data[0] & 0x10) != 0;
        var csrcCount = data[0] & 0x0F;
        var offset = HeaderLength + (4 * csrcCount);
        if (data.Length < offset)
        {
            return false;
        }
        var csrcs = new uint[csrcCount];
        for (var i = 0; i < csrcCount; i++)
        {
            csrcs[i] = BinaryPrimitives.ReadUInt32BigEndian(data[(HeaderLength + (4 * i))..]);
        }
        RtpExtension? extension = null;
        if (hasExtension)
        {
            if (data.Length < offset + 4)
            {
                return false;
            }
            var profile = BinaryPrimitives.ReadUInt16BigEndian(data[offset..]);
            var words = BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 2)..]);
            offset += 4;
            if (data.Length < offset + (4 * words))
            {
                return false;
            }
            extension = new RtpExtension(profile, data.Slice(offset, 4 * words).ToArray());
            offset += 4 * words;
        }
        var end = data.Length;
        var padding = 0;
        if (hasPadding)
        {
            padding = data[^1];
            if (padding == 0 || padding > end - offset)
            {
                return false;
            }
            end -= padding;
        }
        packet = new RtpPacket
        {
            Marker = (data[1] & 0x80) != 0,
            PayloadType = data[1] & 0x7F,
            SequenceNumber = BinaryPrimitives.ReadUInt16BigEndian(data[2..]),
            Timestamp = BinaryPrimitives.ReadUInt32BigEndian(data[4..]),
            Ssrc = BinaryPrimitives.ReadUInt32BigEndian(data[8..]),
            Csrcs = csrcs,
            Extension = extension,
            PaddingLength = padding,
            Payload = data[offset..end].ToArray(),
        };
        return true;
    }

    public byte[] ToBytes()
    {
        if (Csrcs.Count > 15 || PayloadType is < 0 or > 127 || PaddingLength is < 0 or > 255 || (Extension is { } e && (e.Data.Length % 4 != 0 || e.Data.Length / 4 > ushort.MaxValue)))
        {
            throw new InvalidOperationException("An RTP packet holds at most 15 CSRCs, a 7-bit payload type, 255 bytes of padding and whole words of extension.");
        }
        var length = HeaderLength + (4 * Csrcs.Count) + (Extension is null ? 0 : 4 + Extension.Data.Length) + Payload.Length + PaddingLength;
        var bytes = new byte[length];
        bytes[0] = (byte)(0x80 | (PaddingLength > 0 ? 0x20 : 0) | (Extension is null ? 0 : 0x10) | Csrcs.Count);
        bytes[1] = (byte)((Marker ? 0x80 : 0) | PayloadType);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), Ssrc);
        var offset = HeaderLength;
        foreach (var csrc in Csrcs)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(offset), csrc);
            offset += 4;
        }
        if (Extension is not null)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(offset), Extension.Profile);
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(offset + 2), (ushort)(Extension.Data.Length / 4));
            Extension.Data.CopyTo(bytes, offset + 4);
            offset += 4 + Extension.Data.Length;
        }
        Payload.CopyTo(bytes, offset);
        if (PaddingLength > 0)
        {
            bytes[^1] = (byte)PaddingLength;
        }
        return bytes;
    }
}
