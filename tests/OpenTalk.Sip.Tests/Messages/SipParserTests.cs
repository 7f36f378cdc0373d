using System.Text;
using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Tests.Messages;

public sealed class SipParserTests
{
    [Fact]
    public void Parser_reads_a_plain_invite_with_its_body()
    {
        var request = Assert.IsType<SipRequest>(Wire.Parsed(Wire.ValidInvite()));
        Assert.Equal(("INVITE", "sip:bob@biloxi.example.com"), (request.Method, request.RequestUri.ToString()));
        Assert.Equal(new SipCallId("a84b4c76e66710@pc33.atlanta.example.com"), request.CallId);
        Assert.Equal(new CSeq(314159, "INVITE"), request.CSeq);
        Assert.Equal("Alice", request.From!.DisplayName);
        Assert.Equal("1928301774", request.From.Tag);
        Assert.Null(request.To!.Tag);
        Assert.Equal("z9hG4bK776asdhds", request.TopVia!.Branch);
        Assert.StartsWith("v=0", Encoding.UTF8.GetString(request.Body), StringComparison.Ordinal);
    }

    [Fact]
    public void Compact_header_names_become_long_names()
    {
        var message = Wire.Parsed(Wire.Message("""
            OPTIONS sip:x@example.com SIP/2.0
            v: SIP/2.0/UDP h.example.com;branch=z9hG4bK1
            f: <sip:a@example.com>;tag=1
            t: <sip:x@example.com>
            i: compact@h
            CSeq: 1 OPTIONS
            m: <sip:a@h.example.com>
            k: timer
            s: hello
            e: gzip
            c: text/plain
            l: {length}
            """, "hi"));
        Assert.Equal(["Via", "From", "To", "Call-ID", "CSeq", "Contact", "Supported", "Subject", "Content-Encoding", "Content-Type", "Content-Length"],
            message.Headers.Select(h => h.Name));
        Assert.Equal("hi", Encoding.UTF8.GetString(message.Body));
    }

    [Fact]
    public void A_datagram_body_longer_than_content_length_is_cut_to_it() =>
        Assert.Equal("v=0\r", Encoding.UTF8.GetString(Wire.Parsed(Wire.Message(Wire.Invite.Replace("{length}", "4", StringComparison.Ordinal), Wire.Sdp)).Body));

    [Fact]
    public void A_datagram_without_content_length_has_the_rest_as_body()
    {
        var message = Wire.Parsed(Wire.Message(Wire.Invite.Replace("Content-Length: {length}\n", "", StringComparison.Ordinal).Replace("\nContent-Length: {length}", "", StringComparison.Ordinal), "abc"));
        Assert.Equal("abc", Encoding.UTF8.GetString(message.Body));
    }

    [Fact]
    public void Leading_empty_lines_and_bare_line_feeds_are_tolerated()
    {
        var text = "\r\n\r\n" + Wire.Invite.Replace("{length}", "0", StringComparison.Ordinal).ReplaceLineEndings("\n") + "\n\n";
        Assert.IsType<SipRequest>(Wire.Parsed(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Parser_answers_513_to_a_message_over_the_size_limit()
    {
        var limits = new SipParserLimits { MaxMessageBytes = 600 };
        var failed = Assert.IsType<SipParseResult.Failed>(SipParser.Parse(Wire.Message(Wire.Invite, new string('x', 600)), limits));
        Assert.Equal(513, failed.StatusCode);
        Assert.NotNull(SipResponse.For(failed.RequestHeaders!, 513).TopVia);
    }

    [Fact]
    public void A_huge_datagram_is_refused_from_its_first_bytes()
    {
        var failed = Wire.Failed([.. Wire.Message(Wire.Invite), .. new byte[1_000_000]]);
        Assert.Equal(513, failed.StatusCode);
        Assert.Equal(new CSeq(314159, "INVITE"), SipResponse.For(failed.RequestHeaders!, 513).CSeq);
        var endless = Wire.Failed([.. System.Text.Encoding.ASCII.GetBytes("INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n"), .. Enumerable.Repeat((byte)'x', 1_000_000)]);
        Assert.Equal(513, endless.StatusCode);
    }

    [Fact]
    public void Parser_answers_513_to_too_many_headers_or_a_header_too_long()
    {
        var many = Wire.Invite + string.Concat(Enumerable.Range(0, 300).Select(i => $"\nX-H{i}: v"));
        Assert.Equal(513, Wire.Failed(Wire.Message(many)).StatusCode);
        var longHeader = Wire.Invite + "\nX-Long: " + new string('a', 20_000);
        Assert.Equal(513, Wire.Failed(Wire.Message(longHeader)).StatusCode);
    }

    [Fact]
    public void Headers_keep_their_order_and_raw_values_while_list_headers_split_on_commas()
    {
        var message = Wire.Parsed(Wire.Message(Wire.Invite + """

            Route: <sip:p1.example.com;lr>, "Proxy, Two" <sip:p2.example.com;lr>
            Route: <sip:p3.example.com;lr>
            WWW-Authenticate: Digest realm="a, b", nonce="n"
            """));
        Assert.Equal(3, message.Headers.GetValues("route").Count);
        Assert.Equal("\"Proxy, Two\" <sip:p2.example.com;lr>", message.Headers.GetValues(HeaderNames.Route)[1]);
        Assert.Single(message.Headers.GetValues(HeaderNames.WwwAuthenticate));
        Assert.Equal(["p1.example.com", "p2.example.com", "p3.example.com"], message.Routes.Select(r => r.Uri.Host));
        Assert.Equal("Proxy, Two", message.Routes[1].DisplayName);
    }

    [Fact]
    public void Serializing_recomputes_content_length_and_keeps_header_order()
    {
        var message = Wire.Parsed(Wire.ValidInvite());
        message.Body = Encoding.UTF8.GetBytes("x");
        var text = message.ToString();
        Assert.Contains("Content-Type: application/sdp\r\nContent-Length: 1\r\n\r\nx", text, StringComparison.Ordinal);
        Assert.StartsWith("INVITE sip:bob@biloxi.example.com SIP/2.0\r\nVia: ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-Evil", "a\r\nVia: SIP/2.0/UDP evil")]
    [InlineData("X-Evil", "a\nb")]
    [InlineData("X-Evil", "nul\0")]
    [InlineData("Bad Name", "v")]
    [InlineData("", "v")]
    public void Headers_refuse_what_would_break_the_message_on_the_wire(string name, string value) =>
        Assert.Throws<ArgumentException>(() => new SipHeaders().Add(name, value));
}
