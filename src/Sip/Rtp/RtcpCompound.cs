using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace OpenTalk.Sip.Rtp;

/// <summary>
/// Reads and writes compound RTCP packets (RFC 3550 §6.1): checked as §A.2 asks (version 2, first packet SR or RR,
/// lengths adding up, padding only on the last), refusals as false, never as exceptions.
/// </summary>
public static class RtcpCompound
{
    public static bool TryParse(ReadOnlySpan<byte> data, [NotNullWhen(true)] out IReadOnlyList<RtcpPacket>? packets)
    {
        packets = null;
        var list = new List<RtcpPacket>();
        var offset = 0;
        while (offset < data.Length)
        {
            if (data.Length - offset < 4 || data[offset] >> 6 != 2)
            {
                return false;
            }
            var length = 4 * (BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 2)..]) + 1);
            if (data.Length - offset < length)
            {
                return false;
            }
            var packet = data.Slice(offset, length);
            offset += length;
            if ((packet[0] & 0x20) != 0)
            {
                // Padding: only the last packet may have it, and its count must fit.
                if (offset != data.Length || packet[^1] == 0 || packet[^1] > length - 4)
                {
                    return false;
                }
                packet = packet[..^packet[^1]];
            }
            var parsed = ParseOne(packet);
            if (parsed is null || (list.Count == 0 && parsed is not (RtcpPacket.SenderReport or RtcpPacket.ReceiverReport)))
            {
                return false;
            }
            list.Add(parsed);
        }
        packets = list;
        return list.Count > 0;
    }

    private static RtcpPacket? ParseOne(ReadOnlySpan<byte> p)
    {
        var count = p[0] & 0x1F;
        var type = p[1];
        var body = p[4..];
        switch (type)
        {
            case RtcpPacket.SenderReportType when body.Length >= 24 + (24 * count):
                return new RtcpPacket.SenderReport(U32(body, 0), BinaryPrimitives.ReadUInt64BigEndian(body[4..]), U32(body, 12), U32(body, 16), U32(body, 20), Blocks(body[24..], count));
            case RtcpPacket.ReceiverReportType when body.Length >= 4 + (24 * count):
                return new RtcpPacket.ReceiverReport(U32(body, 0), Blocks(body[4..], count));
            case RtcpPacket.SourceDescriptionType:
                return ParseSdes(body, count);
            case RtcpPacket.GoodbyeType when body.Length >= 4 * count:
                var sources = new uint[count];
                for (var i = 0; i < count; i++)
                {
                    sources[i] = U32(body, 4 * i);
                }
                var rest = body[(4 * count)..];
                string? reason = null;
                if (rest.Length > 0 && rest[0] > 0)
                {
                    if (rest.Length < 1 + rest[0])
                    {
                        return null;
                    }
                    reason = Encoding.UTF8.GetString(rest.Slice(1, rest[0]));
                }
                return new RtcpPacket.Goodbye(sources, reason);
            case RtcpPacket.SenderReportType or RtcpPacket.ReceiverReportType or RtcpPacket.GoodbyeType:
                return null;
            default:
                return new RtcpPacket.Other(type, (byte)count, body.ToArray());
        }
    }

    private static RtcpPacket.SourceDescription? ParseSdes(ReadOnlySpan<byte> body, int count)
    {
        var chunks = new List<SdesChunk>();
        var offset = 0;
        for (var c = 0; c < count; c++)
        {
            if (body.Length - offset < 4)
            {
                return null;
            }
            var ssrc = U32(body, offset);
            offset += 4;
            string? cname = null;
            while (true)
            {
                if (offset >= body.Length)
                {
                    return null;
                }
                var itemType = body[offset];
                if (itemType == 0)
                {
                    offset = (offset + 4) & ~3; // the null item, then padding to the next word
                    break;
                }
                if (body.Length - offset < 2 || body.Length - offset < 2 + body[offset + 1])
                {
                    return null;
                }
                if (itemType == 1)
                {
                    cname = Encoding.UTF8.GetString(body.Slice(offset + 2, body[offset + 1]));
                }
                offset += 2 + body[offset + 1];
            }
            chunks.Add(new SdesChunk(ssrc, cname));
        }
        return new RtcpPacket.SourceDescription(chunks);
    }

    private static RtcpReportBlock[] Blocks(ReadOnlySpan<byte> data, int count)
    {
        var blocks = new RtcpReportBlock[count];
        for (var i = 0; i < count; i++)
        {
            var b = data[(24 * i)..];
            var lost = (int)(U32(b, 4) & 0xFFFFFF);
            lost = (lost << 8) >> 8; // 24-bit two's complement
            blocks[i] = new RtcpReportBlock(U32(b, 0), b[4], lost, U32(b, 8), U32(b, 12), U32(b, 16), U32(b, 20));
        }
        return blocks;
    }

    private static uint U32(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);

    /// <summary>The compound packet to send every reporting interval: our SR and an SDES with our CNAME (RFC 3550 §6.1).</summary>
    public static byte[] SenderReportWithCname(RtcpPacket.SenderReport report, string cname) =>
        Build(report, new RtcpPacket.SourceDescription([new SdesChunk(report.Ssrc, cname)]));

    public static byte[] Build(params RtcpPacket[] packets)
    {
        var output = new List<byte>();
        foreach (var packet in packets)
        {
            RtcpWriter.Write(output, packet);
        }
        return [.. output];
    }
}
