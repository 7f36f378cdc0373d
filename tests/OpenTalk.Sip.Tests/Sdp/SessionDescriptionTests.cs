using CsCheck;
using OpenTalk.Sip.Sdp;

namespace OpenTalk.Sip.Tests.Sdp;

public sealed class SessionDescriptionTests
{
    internal static SessionDescription Parse(string text) => Assert.IsType<SdpParseResult.Parsed>(SessionDescription.Parse(text)).Description;

    [Fact]
    public void Parser_reads_sessions_media_and_attributes()
    {
        var sdp = Parse(Offers.Baresip);
        Assert.Equal(("-", "1681387522", "192.168.1.20"), (sdp.Origin.Username, sdp.Origin.SessionId, sdp.Origin.Address));
        Assert.Equal("192.168.1.20", sdp.Connection!.Address);
        Assert.Equal(2, sdp.Media.Count);
        var audio = sdp.Media[0];
        Assert.Equal(("audio", 10224, "RTP/AVP"), (audio.Media, audio.Port, audio.Protocol));
        Assert.Equal(["96", "9", "0", "8", "101"], audio.Formats);
        Assert.Equal(new RtpMap(96, "opus", 48000, 2), audio.RtpMapFor(96));
        Assert.Equal("0-15", audio.FmtpFor(101));
        Assert.Equal(20, audio.Ptime);
        Assert.Equal(SdpDirection.SendRecv, audio.DirectionIn(sdp));
        Assert.Equal(new Sip.Sdp.SdpLine('b', "AS:128"), Assert.Single(audio.OtherLines));
    }

    [Fact]
    public void Writing_what_was_read_keeps_every_line()
    {
        var text = Offers.Baresip.ReplaceLineEndings("\r\n");
        Assert.Equal(text, Parse(text).ToString());
        var withExtras = "v=0\r\no=- 1 1 IN IP4 h\r\ns=x\r\ni=info\r\nu=http://example.com\r\nc=IN IP4 192.0.2.1\r\nb=CT:64\r\nt=0 0\r\nr=7d 1h 0 25h\r\nk=prompt\r\na=recvonly\r\nm=audio 4000/2 RTP/AVP 0\r\ni=media info\r\nc=IN IP4 192.0.2.2\r\nk=clear:x\r\na=ptime:30\r\n";
        Assert.Equal(withExtras, Parse(withExtras).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("v=1\r\no=- 1 1 IN IP4 h\r\ns=-\r\n")]
    [InlineData("v=0\r\ns=-\r\n")]
    [InlineData("v=0\r\no=- 1 IN IP4 h\r\ns=-\r\n")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nm=audio x RTP/AVP 0\r\n")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nm=audio 70000 RTP/AVP 0\r\n")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nm=audio 4000 RTP/AVP\r\n")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nc=IN IP4\r\n")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nX=1\r\n")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\na=\r\n")]
    public void Garbage_sdp_is_a_failure_not_an_exception(string text) =>
        Assert.IsType<SdpParseResult.Failed>(SessionDescription.Parse(text));

    [Fact]
    public void Random_and_mutated_sdp_gives_a_result_and_answering_it_never_throws()
    {
        var options = new SdpAnswerOptions("192.0.2.50", 30000, 1, 1);
        var valid = Offers.Baresip.ReplaceLineEndings("\r\n");
        Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Int[0, 3], Gen.Char, (at, kind, c) => kind switch
        {
            0 => valid[..at] + c + valid[(at + 1)..],
            1 => valid[..at],
            2 => valid[..at] + "\r\n" + valid[at..],
            _ => valid.Remove(at, 1),
        }).Sample(text =>
        {
            if (SessionDescription.Parse(text) is SdpParseResult.Parsed parsed)
            {
                Assert.NotNull(SdpAnswerer.Answer(parsed.Description, options));
                Assert.IsType<SdpParseResult.Parsed>(SessionDescription.Parse(parsed.Description.ToString()));
            }
        }, iter: 10_000);
        Gen.Byte.Array[0, 500].Sample(bytes => Assert.NotNull(SessionDescription.Parse(bytes)), iter: 5_000);
    }
}
