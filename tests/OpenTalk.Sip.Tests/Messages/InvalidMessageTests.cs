using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Tests.Messages;

/// <summary>RFC 4475 §3.1.2-style invalid messages: each refused, with the status a server should answer.</summary>
public sealed class InvalidMessageTests
{
    private static byte[] Request(string replace, string with, string body = "") =>
        Wire.Message(Wire.Invite.Replace(replace, with, StringComparison.Ordinal), body);

    [Fact]
    public void Parser_refuses_a_message_without_a_call_id() =>
        Assert.Equal(400, Wire.Failed(Request("Call-ID: a84b4c76e66710@pc33.atlanta.example.com\n", "")).StatusCode);

    [Theory]
    [InlineData("CSeq: 314159 INVITE\n", "", "no CSeq")]
    [InlineData("CSeq: 314159 INVITE", "CSeq: -1 INVITE", "malformed CSeq")]
    [InlineData("CSeq: 314159 INVITE", "CSeq: 36893488147419103232 INVITE", "malformed CSeq")]
    [InlineData("CSeq: 314159 INVITE", "CSeq: 2147483648 INVITE", "malformed CSeq")]
    [InlineData("CSeq: 314159 INVITE", "CSeq: 314159 OPTIONS", "CSeq method differs from the request method")]
    [InlineData("CSeq: 314159 INVITE", "CSeq: 314159", "malformed CSeq")]
    [InlineData("Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds\n", "", "no Via")]
    [InlineData("Via: SIP/2.0/UDP pc33.atlanta.example.com", "Via: SIP/3.0/UDP pc33.atlanta.example.com", "malformed Via")]
    [InlineData("From: Alice <sip:alice@atlanta.example.com>;tag=1928301774\n", "", "no From")]
    [InlineData("To: Bob <sip:bob@biloxi.example.com>", "To: \"Bob <sip:bob@biloxi.example.com>", "malformed To")]
    [InlineData("From: Alice", "From: \"Alice", "malformed From")]
    [InlineData("Max-Forwards: 70", "Max-Forwards: 300", "malformed Max-Forwards")]
    [InlineData("Content-Length: {length}", "Content-Length: -999", "malformed Content-Length")]
    [InlineData("Content-Length: {length}", "Content-Length: 0\nContent-Length: 3", "conflicting Content-Length headers")]
    public void Parser_refuses_a_request_missing_or_mangling_a_mandatory_header_with_400(string replace, string with, string reason)
    {
        var failed = Wire.Failed(Request(replace, with));
        Assert.Equal((400, reason), (failed.StatusCode, failed.Reason));
        // Enough was read to answer, unless the Via itself is what is wrong (then the server cannot answer and drops it).
        Assert.Equal(reason.Contains("Via", StringComparison.Ordinal) ? null : "z9hG4bK776asdhds", SipResponse.For(failed.RequestHeaders!, 400).TopVia?.Branch);
    }

    [Fact]
    public void Parser_refuses_a_body_shorter_than_its_content_length()
    {
        var failed = Wire.Failed(Request("Content-Length: {length}", "Content-Length: 9999", Wire.Sdp));
        Assert.Equal(400, failed.StatusCode);
        Assert.NotNull(SipResponse.For(failed.RequestHeaders!, 400).TopVia);
    }

    [Fact]
    public void Parser_answers_505_to_an_unknown_sip_version()
    {
        var failed = Wire.Failed(Request("bob@biloxi.example.com SIP/2.0", "bob@biloxi.example.com SIP/7.0"));
        Assert.Equal(505, failed.StatusCode);
        var answer = SipResponse.For(failed.RequestHeaders!, 505);
        Assert.Equal(("Version Not Supported", "z9hG4bK776asdhds", new CSeq(314159, "INVITE")), (answer.ReasonPhrase, answer.TopVia!.Branch, answer.CSeq));
    }

    [Theory]
    [InlineData("INVITE <sip:bob@biloxi.example.com> SIP/2.0")] // the URI in angle brackets
    [InlineData("INVITE  sip:bob@biloxi.example.com SIP/2.0")] // two spaces
    [InlineData("INVITE sip:bob@biloxi.example.com; lr SIP/2.0")] // a space inside the URI
    [InlineData("INVITE sip:bob@biloxi.example.com:99999 SIP/2.0")] // no such port
    [InlineData("INVITE sip: SIP/2.0")] // no host
    public void Parser_answers_400_to_a_malformed_request_line(string line)
    {
        var failed = Wire.Failed(Request("INVITE sip:bob@biloxi.example.com SIP/2.0", line));
        Assert.Equal(400, failed.StatusCode);
        Assert.True(failed.RequestHeaders!.Contains("Via"));
    }

    [Theory]
    [InlineData("SIP/2.0 4294967301 better not break the receiver")]
    [InlineData("SIP/2.0 99 Too low")]
    [InlineData("SIP/1.0 200 OK")]
    public void Parser_drops_malformed_responses_without_an_answer(string statusLine)
    {
        var failed = Wire.Failed(Wire.Message(statusLine + "\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: <sip:a@b>;tag=1\nTo: <sip:a@b>\nCall-ID: x\nCSeq: 1 INVITE"));
        Assert.Null(failed.StatusCode);
    }

    [Fact]
    public void Parser_does_not_answer_a_response_missing_a_header()
    {
        var failed = Wire.Failed(Wire.Message("SIP/2.0 200 OK\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: <sip:a@b>;tag=1\nTo: <sip:a@b>\nCSeq: 1 INVITE"));
        Assert.Equal(("no Call-ID", null), (failed.Reason, failed.StatusCode));
    }

    [Fact]
    public void Parser_refuses_headers_that_never_end()
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(Wire.Invite.ReplaceLineEndings("\r\n") + "\r\n");
        Assert.Equal(400, Wire.Failed(bytes).StatusCode);
    }

    [Fact]
    public void Parser_refuses_a_nul_inside_a_header_value() =>
        Assert.Equal(400, Wire.Failed(Request("Call-ID: a84b4c76e", "Call-ID: a84b\0c76e")).StatusCode);
}
