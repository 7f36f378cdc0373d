using OpenTalk.Sip.Sdp;

namespace OpenTalk.Sip.Tests.Sdp;

public sealed class OfferAnswerTests
{
    private static readonly SdpAnswerOptions Us = new("203.0.113.5", 40000, 7, 1);

    private static SdpNegotiationResult.Agreed Agreed(string offer) =>
        Assert.IsType<SdpNegotiationResult.Agreed>(SdpAnswerer.Answer(SessionDescriptionTests.Parse(offer), Us));

    [Fact]
    public void A_sipp_offer_gets_pcmu_on_our_address()
    {
        var agreed = Agreed(Offers.Sipp);
        Assert.Equal(new NegotiatedAudio(AudioCodec.Pcmu, 0, null, "127.0.1.1", 6000, SdpDirection.SendRecv, null), agreed.Audio);
        Assert.Equal("""
            v=0
            o=- 7 1 IN IP4 203.0.113.5
            s=-
            c=IN IP4 203.0.113.5
            t=0 0
            m=audio 40000 RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            a=ptime:20
            a=sendrecv

            """.ReplaceLineEndings("\r\n"), agreed.Answer.ToString());
    }

    [Fact]
    public void A_sipp_pcap_offer_gets_pcma_and_keeps_its_telephone_events()
    {
        var agreed = Agreed(Offers.SippPcap);
        Assert.Equal(new NegotiatedAudio(AudioCodec.Pcma, 8, 101, "10.0.0.5", 6000, SdpDirection.SendRecv, null), agreed.Audio);
        Assert.Contains("m=audio 40000 RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-11,16\r\n", agreed.Answer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_ipv6_offer_is_answered_from_our_address()
    {
        var agreed = Agreed(Offers.Sipp.Replace("c=IN IP4 127.0.1.1", "c=IN IP6 2001:db8::5", StringComparison.Ordinal));
        Assert.Equal("2001:db8::5", agreed.Audio.RemoteAddress);
        Assert.Contains("c=IN IP4 203.0.113.5", agreed.Answer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_baresip_offer_gets_its_first_g711_codec_telephone_event_and_video_refused()
    {
        var agreed = Agreed(Offers.Baresip);
        Assert.Equal(new NegotiatedAudio(AudioCodec.Pcmu, 0, 101, "192.168.1.20", 10224, SdpDirection.SendRecv, 20), agreed.Audio);
        var answer = agreed.Answer.ToString();
        Assert.Contains("m=audio 40000 RTP/AVP 0 101\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("m=video 0 RTP/AVP 100\r\n", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("rtcp-mux", answer, StringComparison.Ordinal); // we do not multiplex: not accepting it says so
    }

    [Fact]
    public void The_offerers_order_decides_and_dynamic_payload_types_are_kept()
    {
        var agreed = Agreed("""
            v=0
            o=- 1 1 IN IP4 192.0.2.1
            s=-
            t=0 0
            m=audio 5004 RTP/AVP 110 0 96
            c=IN IP4 192.0.2.9
            a=rtpmap:110 PCMA/8000
            a=rtpmap:96 telephone-event/8000
            a=fmtp:96 0-16
            """);
        Assert.Equal(new NegotiatedAudio(AudioCodec.Pcma, 110, 96, "192.0.2.9", 5004, SdpDirection.SendRecv, null), agreed.Audio);
        Assert.Contains("a=fmtp:96 0-16", agreed.Answer.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a=sendonly", SdpDirection.RecvOnly)]
    [InlineData("a=recvonly", SdpDirection.SendOnly)]
    [InlineData("a=inactive", SdpDirection.Inactive)]
    [InlineData("a=sendrecv", SdpDirection.SendRecv)]
    public void The_answer_mirrors_the_offered_direction(string attribute, SdpDirection ours)
    {
        var agreed = Agreed(Offers.Sipp + attribute + "\r\n");
        Assert.Equal(ours, agreed.Audio.Direction);
        Assert.Contains("a=" + ours.ToString().ToLowerInvariant() + "\r\n", agreed.Answer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_session_level_direction_counts_when_the_media_has_none() =>
        Assert.Equal(SdpDirection.SendOnly, Agreed(Offers.Sipp.Replace("t=0 0", "t=0 0\na=recvonly", StringComparison.Ordinal)).Audio.Direction);

    [Theory]
    [InlineData("m=audio 6000 RTP/AVP 9 96\na=rtpmap:9 G722/8000\na=rtpmap:96 opus/48000/2")]
    [InlineData("m=audio 6000 RTP/SAVP 0")]
    [InlineData("m=audio 6000 UDP/TLS/RTP/SAVPF 0")]
    [InlineData("m=audio 0 RTP/AVP 0")]
    [InlineData("m=video 6000 RTP/AVP 0")]
    [InlineData("m=audio 6000 RTP/AVP 96\na=rtpmap:96 PCMU/16000")]
    public void An_offer_without_a_usable_audio_codec_is_not_acceptable(string media)
    {
        var offer = SessionDescriptionTests.Parse("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n" + media + "\n");
        Assert.IsType<SdpNegotiationResult.NotAcceptable>(SdpAnswerer.Answer(offer, Us));
    }

    [Fact]
    public void Only_codecs_we_accept_are_chosen() =>
        Assert.Equal(AudioCodec.Pcma, Assert.IsType<SdpNegotiationResult.Agreed>(SdpAnswerer.Answer(SessionDescriptionTests.Parse(Offers.Baresip),
            Us with { Codecs = new HashSet<AudioCodec> { AudioCodec.Pcma } })).Audio.Codec);

    [Fact]
    public void Our_offer_carries_pcmu_pcma_and_telephone_event()
    {
        var offer = SdpOfferer.Offer(new SdpOfferOptions("198.51.100.7", 30000, 42, 1));
        var text = offer.ToString();
        Assert.Contains("m=audio 30000 RTP/AVP 0 8 101\r\n", text, StringComparison.Ordinal);
        Assert.Contains("a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n", text, StringComparison.Ordinal);
        Assert.Contains("c=IN IP4 198.51.100.7\r\n", text, StringComparison.Ordinal);
        Assert.Equal(text, SessionDescriptionTests.Parse(text).ToString());
    }

    [Fact]
    public void Reading_the_answer_gives_the_chosen_codec_and_remote_address()
    {
        var offer = SdpOfferer.Offer(new SdpOfferOptions("198.51.100.7", 30000, 42, 1));
        var answer = SessionDescriptionTests.Parse("v=0\no=pbx 9 9 IN IP4 192.0.2.77\ns=-\nc=IN IP4 192.0.2.77\nt=0 0\nm=audio 18000 RTP/AVP 8 101\na=rtpmap:8 PCMA/8000\na=rtpmap:101 telephone-event/8000\na=recvonly\n");
        var agreed = Assert.IsType<SdpNegotiationResult.Agreed>(SdpOfferer.ReadAnswer(offer, answer));
        Assert.Equal(new NegotiatedAudio(AudioCodec.Pcma, 8, 101, "192.0.2.77", 18000, SdpDirection.SendOnly, null), agreed.Audio);

        var refused = SessionDescriptionTests.Parse("v=0\no=pbx 9 9 IN IP4 192.0.2.77\ns=-\nc=IN IP4 192.0.2.77\nt=0 0\nm=audio 0 RTP/AVP 0\n");
        Assert.IsType<SdpNegotiationResult.NotAcceptable>(SdpOfferer.ReadAnswer(offer, refused));
    }

    [Fact]
    public void Our_answerer_agrees_with_our_offerer()
    {
        var offer = SdpOfferer.Offer(new SdpOfferOptions("198.51.100.7", 30000, 42, 1));
        var answered = Assert.IsType<SdpNegotiationResult.Agreed>(SdpAnswerer.Answer(SessionDescriptionTests.Parse(offer.ToString()), Us));
        var read = Assert.IsType<SdpNegotiationResult.Agreed>(SdpOfferer.ReadAnswer(offer, SessionDescriptionTests.Parse(answered.Answer.ToString())));
        Assert.Equal((AudioCodec.Pcmu, 0, (int?)101, "203.0.113.5", 40000), (read.Audio.Codec, read.Audio.PayloadType, read.Audio.TelephoneEventPayloadType, read.Audio.RemoteAddress, read.Audio.RemotePort));
        Assert.Equal(("198.51.100.7", 30000), (answered.Audio.RemoteAddress, answered.Audio.RemotePort));
    }
}
