using OpenTalk.Sip.Rtp;

namespace OpenTalk.Sip.Tests.Rtp;

public sealed class DtmfTests
{
    [Theory]
    [InlineData(0, '0')]
    [InlineData(9, '9')]
    [InlineData(10, '*')]
    [InlineData(11, '#')]
    [InlineData(12, 'A')]
    [InlineData(15, 'D')]
    public void Events_0_to_15_are_the_dtmf_keys(byte code, char key)
    {
        Assert.Equal(key, new TelephoneEvent(code, false, 10, 0).Digit);
        Assert.Equal(code, TelephoneEvent.ForDigit(key, false, 0)!.Event);
    }

    [Fact]
    public void Other_events_are_no_keys() => Assert.Null(new TelephoneEvent(16, false, 10, 0).Digit);

    [Fact]
    public void The_payload_is_read_and_written_as_rfc_4733_lays_it_out()
    {
        // Event 5, end bit, volume 10, duration 1600.
        byte[] payload = [0x05, 0x8A, 0x06, 0x40];
        Assert.True(TelephoneEvent.TryParse(payload, out var e));
        Assert.Equal(new TelephoneEvent(5, true, 10, 1600), e);
        Assert.Equal(payload, e.ToBytes());
        Assert.False(TelephoneEvent.TryParse([0x05, 0x8A, 0x06], out _));
    }

    private static RtpPacket Packet(char key, uint timestamp, ushort seq, bool end, ushort duration, int pt = 101, uint ssrc = 1) => new()
    {
        PayloadType = pt, SequenceNumber = seq, Timestamp = timestamp, Ssrc = ssrc, Marker = duration == 160,
        Payload = TelephoneEvent.ForDigit(key, end, duration)!.ToBytes(),
    };

    /// <summary>A key press as RFC 4733 §2.5.1 sends it: updates every 20 ms, then the end packet three times.</summary>
    private static IEnumerable<RtpPacket> Press(char key, uint timestamp, ushort seq) =>
    [
        Packet(key, timestamp, seq, false, 160), Packet(key, timestamp, (ushort)(seq + 1), false, 320), Packet(key, timestamp, (ushort)(seq + 2), false, 480),
        Packet(key, timestamp, (ushort)(seq + 3), true, 640), Packet(key, timestamp, (ushort)(seq + 4), true, 640), Packet(key, timestamp, (ushort)(seq + 5), true, 640),
    ];

    [Fact]
    public void Each_press_is_reported_once_even_for_the_same_key_twice()
    {
        var detector = new DtmfDetector(101);
        var packets = Press('1', 8000, 10).Concat(Press('1', 16000, 20)).Concat(Press('#', 24000, 30));
        Assert.Equal("11#", string.Concat(packets.Select(detector.Feed).OfType<char>()));
    }

    [Fact]
    public void A_press_whose_start_was_lost_is_reported_from_its_end_packets()
    {
        var detector = new DtmfDetector(101);
        Assert.Equal("5", string.Concat(Press('5', 800, 1).Skip(3).Select(detector.Feed).OfType<char>()));
    }

    [Fact]
    public void A_late_end_packet_of_an_earlier_press_is_not_a_new_press()
    {
        var detector = new DtmfDetector(101);
        var first = Press('7', 800, 1).ToList();
        var second = Press('8', 4000, 10).ToList();
        var order = first.Take(4).Concat(second.Take(2)).Concat(first.Skip(4)).Concat(second.Skip(2));
        Assert.Equal("78", string.Concat(order.Select(detector.Feed).OfType<char>()));
    }

    [Fact]
    public void The_same_recorded_press_played_again_is_a_second_press()
    {
        // Test tools (SIPp's dtmf_2833_*.pcap) replay one recording per key: the same SSRC and timestamp each time.
        var detector = new DtmfDetector(101);
        var replayed = Press('0', 13280, 7984).Concat(Press('0', 13280, 7984)).Concat(Press('0', 13280, 7984));
        Assert.Equal("000", string.Concat(replayed.Select(detector.Feed).OfType<char>()));
    }

    [Fact]
    public void Audio_and_other_payload_types_are_ignored()
    {
        var detector = new DtmfDetector(101);
        Assert.Null(detector.Feed(new RtpPacket { PayloadType = 0, Payload = new byte[160] }));
        Assert.Null(detector.Feed(Packet('1', 1, 1, false, 160, pt: 96)));
        Assert.Null(detector.Feed(new RtpPacket { PayloadType = 101, Payload = [1, 2] }));
    }
}
