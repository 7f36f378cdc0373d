namespace OpenTalk.Sip.Tests.Sdp;

/// <summary>Offers as real clients send them.</summary>
internal static class Offers
{
    /// <summary>SIPp's uac scenario: one PCMU stream.</summary>
    public const string Sipp = """
        v=0
        o=user1 53655765 2353687637 IN IP4 127.0.1.1
        s=-
        c=IN IP4 127.0.1.1
        t=0 0
        m=audio 6000 RTP/AVP 0
        a=rtpmap:0 PCMU/8000

        """;

    /// <summary>SIPp's uac_pcap scenario, which plays a PCMA capture with DTMF.</summary>
    public const string SippPcap = """
        v=0
        o=user1 53655765 2353687637 IN IP4 10.0.0.5
        s=-
        c=IN IP4 10.0.0.5
        t=0 0
        m=audio 6000 RTP/AVP 8 101
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-11,16

        """;

    /// <summary>baresip with its default codecs, rtcp-mux and a video stream.</summary>
    public const string Baresip = """
        v=0
        o=- 1681387522 1681387522 IN IP4 192.168.1.20
        s=-
        c=IN IP4 192.168.1.20
        t=0 0
        a=tool:baresip 3.10.1
        m=audio 10224 RTP/AVP 96 9 0 8 101
        b=AS:128
        a=rtpmap:96 opus/48000/2
        a=fmtp:96 stereo=1;sprop-stereo=1
        a=rtpmap:9 G722/8000
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=rtcp-mux
        a=ptime:20
        a=sendrecv
        a=label:1
        m=video 10226 RTP/AVP 100
        b=AS:1000
        a=rtpmap:100 H264/90000
        a=fmtp:100 packetization-mode=1
        a=rtcp-fb:* nack pli
        a=sendrecv

        """;
}
