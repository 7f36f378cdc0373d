namespace OpenTalk.Media.Tests;

public sealed class SdpTests
{
    private const string Offer =
        "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n" +
        "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:0\r\na=rtpmap:96 VP8/90000\r\n" +
        "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:1\r\na=rtpmap:111 opus/48000/2\r\n";

    [Fact]
    public void The_mid_of_a_kind_is_found_in_its_own_section()
    {
        Assert.Equal("1", Sdp.MidOf(Offer, "audio"));
        Assert.Equal("0", Sdp.MidOf(Offer, "video"));
        Assert.Null(Sdp.MidOf(Offer, "application"));
    }
}
