using System.Buffers.Binary;
using System.Text;

namespace OpenTalk.Sip.Rtp;

/// <summary>Writes one RTCP packet with its header, padded to whole 32-bit words.</summary>
internal static class RtcpWriter
{
    public static void Write(List<byte> output, RtcpPacket packet)
    {
        var body = new List<byte>();
        (byte type, int count) = packet switch
        {
            RtcpPacket.SenderReport sr => (RtcpPacket.SenderReportType, WriteSr(body, sr)),
            RtcpPacket.ReceiverReport rr => (RtcpPacket.ReceiverReportType, WriteRr(body, rr)),
            RtcpPacket.SourceDescription sdes => (RtcpPacket.SourceDescriptionType, WriteSdes(body, sdes)),
            RtcpPacket.Goodbye bye => (RtcpPacket.GoodbyeType, WriteBye(body, bye)),
            RtcpPacket.Other other => (other.PacketType, AddAll(body, other.Body, other.Count)),
            _ => throw new ArgumentException("unknown RTCP packet", nameof(packet)),
        };
        if (count > 31)
        {
            throw new ArgumentException("an RTCP packet counts at most 31 items", nameof(packet));
        }
        while (body.Count % 4 != 0)
        {
            body.Add(0);
        }
        output.Add((byte)(0x80 | count));
        output.Add(type);
        AddU16(output, (ushort)(body.Count / 4));
        output.AddRange(body);
    }

    private static int WriteSr(List<byte> body, RtcpPacket.SenderReport sr)
    {
        AddU32(body, sr.Ssrc);
        AddU32(body, (uint)(sr.NtpTimestamp >> 32));
        AddU32(body, (uint)sr.NtpTimestamp);
        AddU32(body, sr.RtpTimestamp);
        AddU32(body, sr.PacketCount);
        AddU32(body, sr.OctetCount);
        WriteBlocks(body, sr.Reports);
        return sr.Reports.Count;
    }

    private static int WriteRr(List<byte> body, RtcpPacket.ReceiverReport rr)
    {
        AddU32(body, rr.Ssrc);
        WriteBlocks(body, rr.Reports);
        return rr.Reports.Count;
    }

    private static void WriteBlocks(List<byte> body, IReadOnlyList<RtcpReportBlock> blocks)
    {
        foreach (var b in blocks)
        {
            AddU32(body, b.Ssrc);
            AddU32(body, ((uint)b.FractionLost << 24) | ((uint)b.CumulativeLost & 0xFFFFFF));
            AddU32(body, b.HighestSequence);
            AddU32(body, b.Jitter);
            AddU32(body, b.LastSenderReport);
            AddU32(body, b.DelaySinceLastSenderReport);
        }
    }

    private static int WriteSdes(List<byte> body, RtcpPacket.SourceDescription sdes)
    {
        foreach (var chunk in sdes.Chunks)
        {
            AddU32(body, chunk.Ssrc);
            if (chunk.Cname is not null)
            {
                var text = Encoding.UTF8.GetBytes(chunk.Cname);
                body.Add(1);
                body.Add((byte)Math.Min(255, text.Length));
                body.AddRange(text.Take(255));
            }
            // The null item ends the chunk; then pad the chunk to a word boundary.
            body.Add(0);
            while (body.Count % 4 != 0)
            {
                body.Add(0);
            }
        }
        return sdes.Chunks.Count;
    }

    private static int WriteBye(List<byte> body, RtcpPacket.Goodbye bye)
    {
        foreach (var source in bye.Sources)
        {
            AddU32(body, source);
        }
        if (!string.IsNullOrEmpty(bye.Reason))
        {
            var text = Encoding.UTF8.GetBytes(bye.Reason);
            body.Add((byte)Math.Min(255, text.Length));
            body.AddRange(text.Take(255));
        }
        return bye.Sources.Count;
    }

    private static int AddAll(List<byte> body, byte[] bytes, int count)
    {
        body.AddRange(bytes);
        return count;
    }

    private static void AddU16(List<byte> output, ushort value)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(b, value);
        output.AddRange(b);
    }

    private static void AddU32(List<byte> output, uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        output.AddRange(b);
    }
}
