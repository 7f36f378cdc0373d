using System.Text;
using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Tests;

/// <summary>Test messages written as readable text: lines joined with CRLF, <c>{length}</c> replaced by the body's length.</summary>
internal static class Wire
{
    public static byte[] Message(string head, string body = "")
    {
        var bodyBytes = Encoding.UTF8.GetBytes(body.ReplaceLineEndings("\r\n"));
        var text = head.ReplaceLineEndings("\r\n").Replace("{length}", bodyBytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(text + "\r\n\r\n"), .. bodyBytes];
    }

    public static SipMessage Parsed(byte[] bytes)
    {
        var result = SipParser.Parse(bytes);
        var parsed = Assert.IsType<SipParseResult.Parsed>(result);
        return parsed.Message;
    }

    public static SipParseResult.Failed Failed(byte[] bytes) => Assert.IsType<SipParseResult.Failed>(SipParser.Parse(bytes));

    public const string Invite = """
        INVITE sip:bob@biloxi.example.com SIP/2.0
        Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds
        Max-Forwards: 70
        To: Bob <sip:bob@biloxi.example.com>
        From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
        Call-ID: a84b4c76e66710@pc33.atlanta.example.com
        CSeq: 314159 INVITE
        Contact: <sip:alice@pc33.atlanta.example.com>
        Content-Type: application/sdp
        Content-Length: {length}
        """;

    public const string Sdp = """
        v=0
        o=alice 2890844526 2890844526 IN IP4 pc33.atlanta.example.com
        s=-
        c=IN IP4 192.0.2.101
        t=0 0
        m=audio 49172 RTP/AVP 0
        a=rtpmap:0 PCMU/8000
        """;

    public static byte[] ValidInvite() => Message(Invite, Sdp + "\n");
}
