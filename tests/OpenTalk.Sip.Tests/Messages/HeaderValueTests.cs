using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Tests.Messages;

public sealed class HeaderValueTests
{
    [Theory]
    [InlineData("sip:alice@atlanta.com", "alice", null, "atlanta.com", null)]
    [InlineData("sips:alice:secretword@atlanta.com:5061;transport=tcp", "alice", "secretword", "atlanta.com", 5061)]
    [InlineData("sip:+1-212-555-1212:1234@gateway.com;user=phone", "+1-212-555-1212", "1234", "gateway.com", null)]
    [InlineData("sip:192.0.2.4", null, null, "192.0.2.4", null)]
    [InlineData("sip:alice@[2001:db8::1]:5060", "alice", null, "[2001:db8::1]", 5060)]
    public void Sip_uris_read_their_parts(string text, string? user, string? password, string host, int? port)
    {
        var uri = SipUri.TryParse(text)!;
        Assert.Equal((user, password, host, port), (uri.User, uri.Password, uri.Host, uri.Port));
        Assert.Equal(text, uri.ToString());
    }

    [Fact]
    public void Sip_uri_parameters_and_headers_are_kept_in_order()
    {
        var uri = SipUri.TryParse("sip:atlanta.com;method=REGISTER;lr?to=alice%40atlanta.com&priority=urgent")!;
        Assert.Equal("REGISTER", uri.Parameters.Get("METHOD"));
        Assert.True(uri.Parameters.Contains("lr"));
        Assert.Equal("to=alice%40atlanta.com&priority=urgent", uri.Headers);
        Assert.Equal("sip:atlanta.com;method=REGISTER;lr;transport=udp?to=alice%40atlanta.com&priority=urgent", uri.WithParameter("transport", "udp").ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("sip:")]
    [InlineData("sip:@host")]
    [InlineData("sip:a b@host")]
    [InlineData("sip:host:70000")]
    [InlineData("sip:[2001:db8::1")]
    [InlineData("sip:host;=x")]
    [InlineData("sip:host?")]
    [InlineData("<sip:host>")]
    [InlineData("sip:host%zz")]
    [InlineData("1sip:host")]
    public void Malformed_uris_do_not_parse(string text) => Assert.Null(SipUri.TryParse(text));

    [Theory]
    [InlineData("\"A. G. Bell\" <sip:agb@bell-telephone.com> ;tag=a48s", "A. G. Bell", "a48s")]
    [InlineData("Anonymous <sip:c8oqz84zk7z@privacy.org>;tag=hyh8", "Anonymous", "hyh8")]
    [InlineData("sip:+12125551212@phone2net.com;tag=887s", null, "887s")]
    [InlineData("<sip:bob@biloxi.com>", null, null)]
    [InlineData("\"\"<sip:bob@biloxi.com>", null, null)]
    public void Name_addresses_read_display_name_uri_and_tag(string text, string? display, string? tag)
    {
        var address = NameAddress.TryParse(text)!;
        Assert.Equal((display, tag), (string.IsNullOrEmpty(address.DisplayName) ? null : address.DisplayName, address.Tag));
        Assert.Equal(address, NameAddress.TryParse(address.ToString()));
    }

    [Fact]
    public void A_display_name_with_quotes_survives_writing_and_reading()
    {
        var address = new NameAddress("Say \"hi\" \\ bye", SipUri.Sip("u", "example.com"), SipParameters.Empty).WithTag("t1");
        Assert.Equal("\"Say \\\"hi\\\" \\\\ bye\" <sip:u@example.com>;tag=t1", address.ToString());
        Assert.Equal(address, NameAddress.TryParse(address.ToString()));
    }

    [Theory]
    [InlineData("SIP/2.0/UDP erlang.bell-telephone.com:5060;branch=z9hG4bK87asdks7", "UDP", "erlang.bell-telephone.com", 5060)]
    [InlineData("SIP/2.0/tcp 192.0.2.1;branch=z9hG4bKa;received=192.0.2.207;rport=5061", "TCP", "192.0.2.1", null)]
    [InlineData("SIP / 2.0 / TLS  [2001:db8::2] : 5061 ; branch = z9hG4bKb", "TLS", "[2001:db8::2]", 5061)]
    public void Via_reads_transport_sent_by_and_parameters(string text, string transport, string host, int? port)
    {
        var via = Via.TryParse(text)!;
        Assert.Equal((transport, host, port), (via.Transport, via.Host, via.Port));
        Assert.StartsWith(Via.MagicCookie, via.Branch, StringComparison.Ordinal);
        Assert.Equal(via, Via.TryParse(via.ToString()));
    }

    [Fact]
    public void Via_reads_rport_with_a_value()
    {
        var via = Via.TryParse("SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKa;received=192.0.2.207;rport=5061")!;
        Assert.Equal(("192.0.2.207", 5061), (via.Received, via.Rport));
        Assert.Equal("SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKa;received=192.0.2.207;rport=6000", via.WithParameter("rport", "6000").ToString());
    }

    [Theory]
    [InlineData("SIP/2.0/UDP")]
    [InlineData("SIP/2.0/UDP host;branch=")]
    [InlineData("SIP/2.0 UDP host")]
    [InlineData("SIP/2.0/UDPhost")]
    [InlineData("HTTP/2.0/UDP host")]
    public void Malformed_vias_do_not_parse(string text) => Assert.Null(Via.TryParse(text));

    [Theory]
    [InlineData("4711 INVITE", 4711u, "INVITE")]
    [InlineData("  0009 \t ACK ", 9u, "ACK")]
    [InlineData("2147483647 BYE", 2147483647u, "BYE")]
    public void CSeq_reads_number_and_method(string text, uint number, string method) =>
        Assert.Equal(new CSeq(number, method), CSeq.TryParse(text));

    [Fact]
    public void Generated_ids_are_fresh_and_branches_carry_the_cookie()
    {
        Assert.StartsWith("z9hG4bK", SipIds.NewBranch(), StringComparison.Ordinal);
        Assert.NotEqual(SipIds.NewBranch(), SipIds.NewBranch());
        Assert.NotEqual(SipIds.NewTag(), SipIds.NewTag());
        Assert.EndsWith("@gw.example.com", SipIds.NewCallId("gw.example.com").Value, StringComparison.Ordinal);
    }
}
