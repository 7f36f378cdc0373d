using CsCheck;
using OpenTalk.Sip.Rtp;

namespace OpenTalk.Sip.Tests.Rtp;

public sealed class RtpPacketTests
{
    private static readonly Gen<RtpPacket> Packets = Gen.Select(Gen.Bool, Gen.Int[0, 127], Gen.UShort, Gen.UInt, Gen.UInt, Gen.UInt.Array[0, 15],
        Gen.Select(Gen.Bool, Gen.UShort, Gen.Byte.Array[0, 3].Select(words => new byte[words.Length * 4])),
        Gen.Select(Gen.Int[0, 255], Gen.Byte.Array[0, 200]),
        (marker, pt, seq, ts, ssrc, csrcs, extension, rest) => new RtpPacket
        {
            Marker = marker, PayloadType = pt, SequenceNumber = seq, Timestamp = ts, Ssrc = ssrc, Csrcs = csrcs,
            Extension = extension.Item1 ? new RtpExtension(extension.Item2, extension.Item3) : null,
            PaddingLength = rest.Item1, Payload = rest.Item2,
        });

    [Fact]
    public void A_pcmu_packet_reads_its_header_fields()
    {
        byte[] bytes = [0x80, 0x80, 0x12, 0x34, 0x00, 0x00, 0x03, 0x20, 0xDE, 0xAD, 0xBE, 0xEF, 0xFF, 0xFF];
        Assert.True(RtpPacket.TryParse(bytes, out var packet));
        Assert.Equal((true, 0, (ushort)0x1234, 800u, 0xDEADBEEFu), (packet.Marker, packet.PayloadType, packet.SequenceNumber, packet.Timestamp, packet.Ssrc));
        Assert.Equal([0xFF, 0xFF], packet.Payload);
        Assert.Equal(bytes, packet.ToBytes());
    }

    [Fact]
    public void Csrcs_extension_and_padding_are_read_and_written_back()
    {
        Packets.Sample(packet =>
        {
            var bytes = packet.ToBytes();
            Assert.True(RtpPacket.TryParse(bytes, out var read));
            Assert.Equal((packet.Marker, packet.PayloadType, packet.SequenceNumber, packet.Timestamp, packet.Ssrc, packet.PaddingLength),
                (read.Marker, read.PayloadType, read.SequenceNumber, read.Timestamp, read.Ssrc, read.PaddingLength));
            Assert.Equal(packet.Csrcs, read.Csrcs);
            Assert.Equal(packet.Payload, read.Payload);
            Assert.Equal(packet.Extension?.Data, read.Extension?.Data);
            Assert.Equal(bytes, read.ToBytes());
        }, iter: 5_000);
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0 })] // shorter than the fixed header
    [InlineData(new byte[] { 0x40, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 })] // version 1
    [InlineData(new byte[] { 0x81, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 })] // a CSRC announced, none there
    [InlineData(new byte[] { 0x90, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE, 0, 2, 1, 2, 3, 4 })] // extension longer than the packet
    [InlineData(new byte[] { 0xA0, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 9, 9, 5 })] // more padding than payload
    [InlineData(new byte[] { 0xA0, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 9, 9, 0 })] // a padding count of zero
    public void Malformed_packets_are_refused(byte[] bytes) => Assert.False(RtpPacket.TryParse(bytes, out _));

    [Fact]
    public void Random_bytes_never_make_the_parsers_throw()
    {
        Gen.Byte.Array[0, 120].Sample(bytes =>
        {
            if (RtpPacket.TryParse(bytes, out var packet))
            {
                Assert.True(RtpPacket.TryParse(packet.ToBytes(), out _));
            }
            if (RtcpCompound.TryParse(bytes, out var packets))
            {
                Assert.True(RtcpCompound.TryParse(RtcpCompound.Build([.. packets]), out _));
            }
            if (TelephoneEvent.TryParse(bytes, out var telephoneEvent))
            {
                Assert.Equal(bytes[0], telephoneEvent.ToBytes()[0]);
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Rtcp_is_told_from_rtp_by_its_packet_type()
    {
        Assert.True(RtpPacket.LooksLikeRtcp([0x80, 200]));
        Assert.False(RtpPacket.LooksLikeRtcp([0x80, 0x00]));
        Assert.False(RtpPacket.LooksLikeRtcp([0x80, 0x80 | 101]));
    }
}
