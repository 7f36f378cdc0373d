using System.Text;
using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Tests.Messages;

public sealed class StreamFramerTests
{
    private static SipMessage Single(IReadOnlyList<SipFrame> frames) =>
        Assert.IsType<SipParseResult.Parsed>(Assert.IsType<SipFrame.Message>(Assert.Single(frames)).Result).Message;

    [Fact]
    public void A_message_split_at_any_byte_comes_out_whole_once()
    {
        var bytes = Wire.ValidInvite();
        for (var split = 1; split < bytes.Length; split++)
        {
            var framer = new SipStreamFramer();
            Assert.Empty(framer.Feed(bytes.AsSpan(0, split)));
            var message = Single(framer.Feed(bytes.AsSpan(split)));
            Assert.Equal(bytes, message.ToBytes());
            Assert.Equal(0, framer.Buffered);
        }
    }

    [Fact]
    public void A_message_fed_byte_by_byte_comes_out_whole()
    {
        var bytes = Wire.ValidInvite();
        var framer = new SipStreamFramer();
        var frames = new List<SipFrame>();
        foreach (var b in bytes)
        {
            frames.AddRange(framer.Feed([b]));
        }
        Assert.Equal(bytes, Single(frames).ToBytes());
    }

    [Fact]
    public void Two_messages_in_one_read_come_out_as_two()
    {
        var framer = new SipStreamFramer();
        var frames = framer.Feed([.. Wire.ValidInvite(), .. Wire.ValidInvite()]);
        Assert.Equal(2, frames.Count);
        Assert.All(frames, f => Assert.IsType<SipParseResult.Parsed>(Assert.IsType<SipFrame.Message>(f).Result));
    }

    [Fact]
    public void A_double_crlf_is_a_ping_and_a_lone_crlf_before_a_message_a_pong()
    {
        var framer = new SipStreamFramer();
        Assert.IsType<SipFrame.Ping>(Assert.Single(framer.Feed("\r\n\r\n"u8)));
        Assert.Empty(framer.Feed("\r\n"u8)); // could still become a ping
        var frames = framer.Feed(Wire.ValidInvite());
        Assert.IsType<SipFrame.Pong>(frames[0]);
        Assert.IsType<SipFrame.Message>(frames[1]);
    }

    [Fact]
    public void A_message_without_content_length_breaks_the_stream()
    {
        var head = Wire.Invite.Replace("\nContent-Length: {length}", "", StringComparison.Ordinal);
        var framer = new SipStreamFramer();
        Assert.IsType<SipFrame.Broken>(Assert.Single(framer.Feed(Wire.Message(head))));
        Assert.IsType<SipFrame.Broken>(Assert.Single(framer.Feed(Wire.ValidInvite()))); // and it stays broken
    }

    [Fact]
    public void Endless_headers_break_the_stream_without_holding_them()
    {
        var framer = new SipStreamFramer();
        var line = Encoding.ASCII.GetBytes("X-Filler: " + new string('f', 1000) + "\r\n");
        Assert.Empty(framer.Feed(Encoding.ASCII.GetBytes("INVITE sip:a@b SIP/2.0\r\n")));
        var frames = new List<SipFrame>();
        for (var i = 0; i < 100 && frames.Count == 0; i++)
        {
            frames.AddRange(framer.Feed(line));
            Assert.True(framer.Buffered <= SipParserLimits.Default.MaxMessageBytes + 4);
        }
        Assert.IsType<SipFrame.Broken>(Assert.Single(frames));
    }

    [Fact]
    public void A_content_length_beyond_the_limit_breaks_the_stream() =>
        Assert.IsType<SipFrame.Broken>(Assert.Single(new SipStreamFramer().Feed(Wire.Message(Wire.Invite.Replace("{length}", "10000000", StringComparison.Ordinal)))));

    [Fact]
    public void A_well_framed_but_invalid_message_is_reported_and_the_stream_goes_on()
    {
        var bad = Wire.Message(Wire.Invite.Replace("CSeq: 314159 INVITE", "CSeq: x", StringComparison.Ordinal));
        var frames = new SipStreamFramer().Feed([.. bad, .. Wire.ValidInvite()]);
        Assert.Equal(400, Assert.IsType<SipParseResult.Failed>(Assert.IsType<SipFrame.Message>(frames[0]).Result).StatusCode);
        Assert.IsType<SipParseResult.Parsed>(Assert.IsType<SipFrame.Message>(frames[1]).Result);
    }
}
