namespace OpenTalk.Tests.Shared;

/// <summary>Session descriptions for tests that need one without a browser.</summary>
public static class Offers
{
    /// <summary>A well-formed WebRTC offer whose only codec (PCMU) OpenTalk's rooms do not take (they take Opus).</summary>
    public const string PcmuOnly =
        "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\na=msid-semantic: WMS\r\n"
        + "m=audio 9 UDP/TLS/RTP/SAVPF 0\r\nc=IN IP4 0.0.0.0\r\na=rtcp:9 IN IP4 0.0.0.0\r\na=ice-ufrag:Fh3X\r\n"
        + "a=ice-pwd:7mK2bq9c1sTn0v4ZpXe8wLrA\r\na=ice-options:trickle\r\n"
        + "a=fingerprint:sha-256 3B:5A:8F:21:C4:7D:9E:02:11:AF:63:58:E2:9C:04:7B:D1:6E:5F:A0:88:3C:27:94:B6:1D:E5:70:9A:2F:C3:41\r\n"
        + "a=setup:actpass\r\na=mid:0\r\na=sendonly\r\na=rtcp-mux\r\na=rtpmap:0 PCMU/8000\r\n";
}
