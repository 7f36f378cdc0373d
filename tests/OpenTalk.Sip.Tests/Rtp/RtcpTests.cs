using OpenTalk.Sip.Rtp;

namespace OpenTalk.Sip.Tests.Rtp;

public sealed class RtcpTests
{
    private static readonly RtcpReportBlock Block = new(0xCAFEBABE, 25, -3, 70_000, 12, 0x12345678, 65536);

    [Fact]
    public void A_sender_report_with_cname_is_read_back()
    {
        var report = new RtcpPacket.SenderReport(0x11223344, RtcpPacket.ToNtp(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), 160_000, 1000, 160_000, [Block]);
        var bytes = RtcpCompound.SenderReportWithCname(report, "gw@opentalk.example");
        Assert.Equal(0, bytes.Length % 4);
        Assert.True(RtcpCompound.TryParse(bytes, out var packets));
        var sr = Assert.IsType<RtcpPacket.SenderReport>(packets[0]);
        Assert.Equal((report.Ssrc, report.NtpTimestamp, report.RtpTimestamp, report.PacketCount, report.OctetCount), (sr.Ssrc, sr.NtpTimestamp, sr.RtpTimestamp, sr.PacketCount, sr.OctetCount));
        Assert.Equal(Block, Assert.Single(sr.Reports));
        var sdes = Assert.IsType<RtcpPacket.SourceDescription>(packets[1]);
        Assert.Equal(new SdesChunk(0x11223344, "gw@opentalk.example"), Assert.Single(sdes.Chunks));
    }

    [Fact]
    public void The_ntp_time_of_the_unix_epoch_is_known() =>
        Assert.Equal(2_208_988_800UL << 32, RtcpPacket.ToNtp(DateTimeOffset.UnixEpoch));

    [Fact]
    public void A_receiver_report_and_bye_are_read_back()
    {
        var bytes = RtcpCompound.Build(new RtcpPacket.ReceiverReport(7, [Block, Block with { Ssrc = 9 }]), new RtcpPacket.Goodbye([7, 8], "call ended"));
        Assert.True(RtcpCompound.TryParse(bytes, out var packets));
        Assert.Equal(2, Assert.IsType<RtcpPacket.ReceiverReport>(packets[0]).Reports.Count);
        var bye = Assert.IsType<RtcpPacket.Goodbye>(packets[1]);
        Assert.Equal([7u, 8u], bye.Sources);
        Assert.Equal("call ended", bye.Reason);
    }

    [Fact]
    public void A_compound_packet_not_starting_with_a_report_is_refused()
    {
        var bytes = RtcpCompound.Build(new RtcpPacket.Goodbye([7], null));
        Assert.False(RtcpCompound.TryParse(bytes, out _));
    }

    [Fact]
    public void Lengths_that_do_not_add_up_are_refused()
    {
        var bytes = RtcpCompound.Build(new RtcpPacket.ReceiverReport(7, [Block]));
        Assert.False(RtcpCompound.TryParse(bytes.AsSpan(0, bytes.Length - 4), out _));
        bytes[3] += 1;
        Assert.False(RtcpCompound.TryParse(bytes, out _));
    }

    [Fact]
    public void Unknown_packet_types_are_kept()
    {
        var bytes = RtcpCompound.Build(new RtcpPacket.ReceiverReport(7, []), new RtcpPacket.Other(206, 1, [1, 2, 3, 4, 5, 6, 7, 8]));
        Assert.True(RtcpCompound.TryParse(bytes, out var packets));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], Assert.IsType<RtcpPacket.Other>(packets[1]).Body);
    }
}
