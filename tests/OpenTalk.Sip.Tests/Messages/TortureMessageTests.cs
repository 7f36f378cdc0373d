using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Tests.Messages;

/// <summary>
/// Messages in the spirit of RFC 4475's torture tests, written anew: the valid ones must parse with the meaning the
/// RFC gives them, the invalid ones must be refused with the answer a server owes.
/// </summary>
public sealed class TortureMessageTests
{
    private const string Body = """
        v=0
        o=mhandley 29739 7272939 IN IP4 192.0.2.3
        s=-
        c=IN IP4 192.0.2.4
        t=0 0
        m=audio 49217 RTP/AVP 0 12
        m=video 3227 RTP/AVP 31
        a=rtpmap:31 LPC

        """;

    [Fact]
    public void Parser_reads_a_tortuous_invite_with_compact_forms_folding_and_odd_whitespace()
    {
        var message = Assert.IsType<SipRequest>(Wire.Parsed(Wire.Message("""
            INVITE sip:vivekg@chair-dnrc.example.com;unknownparam SIP/2.0
            TO :
             sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n
            from   : "J Rosenberg \\\""       <sip:jdrosen@example.com>
              ;
              tag = 98asjd8
            MaX-fOrWaRdS: 0068
            Call-ID: wsinv.ndaksdj@192.0.2.1
            Content-Length   : {length}
            cseq: 0009
              INVITE
            Via  : SIP  /   2.0
             /UDP
                192.0.2.2;branch=390skdjuw
            s :
            NewFangledHeader:   newfangled value
             continued newfangled value
            UnknownHeaderWithUnusualValue: ;;,,;;,;
            Content-Type: application/sdp
            Route:
             <sip:services.example.com;lr;unknownwith=value;unknown-no-value>
            v:  SIP  / 2.0  / TCP     spindle.example.com   ;
              branch  =   z9hG4bK9ikj8  ,
             SIP  /    2.0   / UDP  192.168.255.111   ; branch=
             z9hG4bK30239
            m:"Quoted string \"\"" <sip:jdrosen@example.com> ; newparam =
                  newvalue ;
              secondparam ; q = 0.33
            """, Body)));

        Assert.Equal("INVITE", message.Method);
        Assert.Equal("1918181833n", message.To!.Tag);
        Assert.Equal("J Rosenberg \\\"", message.From!.DisplayName);
        Assert.Equal("98asjd8", message.From.Tag);
        Assert.Equal(68, message.MaxForwards);
        Assert.Equal(new CSeq(9, "INVITE"), message.CSeq);
        Assert.Equal(["390skdjuw", "z9hG4bK9ikj8", "z9hG4bK30239"], message.Vias.Select(v => v.Branch));
        Assert.Equal(["UDP", "TCP", "UDP"], message.Vias.Select(v => v.Transport));
        Assert.Equal("", message.Headers.Get("Subject"));
        Assert.Equal("newfangled value continued newfangled value", message.Headers.Get("newfangledheader"));
        var contact = Assert.Single(message.Contacts);
        Assert.Equal("Quoted string \"\"", contact.DisplayName);
        Assert.Equal("0.33", contact.Parameters.Get("q"));
        Assert.True(contact.Parameters.Contains("secondparam"));
        Assert.Equal(Body.ReplaceLineEndings("\r\n"), System.Text.Encoding.UTF8.GetString(message.Body));
    }

    [Fact]
    public void Parser_keeps_escaped_uris_as_written()
    {
        var message = Assert.IsType<SipRequest>(Wire.Parsed(Wire.Message("""
            INVITE sip:sips%3Auser%40example.com@example.net SIP/2.0
            To: sip:%75se%72@example.com
            From: <sip:I%20have%20spaces@example.net>;tag=938
            Max-Forwards: 87
            i: esc01.239409asdfakjkn23onasd0-3234
            CSeq: 234234 INVITE
            Via: SIP/2.0/UDP host5.example.net;branch=z9hG4bKkdjuw
            C: application/sdp
            Contact:
              <sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31>
            Content-Length: {length}
            """, Body)));

        Assert.Equal("sips%3Auser%40example.com", message.RequestUri.User);
        Assert.Equal("example.net", message.RequestUri.Host);
        Assert.Equal("%75se%72", message.To!.Uri.User);
        Assert.Equal(new SipCallId("esc01.239409asdfakjkn23onasd0-3234"), message.CallId);
        Assert.Equal("application/sdp", message.ContentType);
        Assert.Equal("v%61lue%25%34%31", Assert.Single(message.Contacts).Uri.Parameters.Get("n%61me"));
    }

    [Fact]
    public void Parser_takes_an_escaped_nul_a_semicolon_in_the_user_part_and_a_tel_uri()
    {
        var message = Wire.Parsed(Wire.Message("""
            REGISTER sip:example.com SIP/2.0
            To: sip:null-%00-null@example.com
            From: sip:null-%00-null@example.com;tag=839923423
            Max-Forwards: 70
            Call-ID: escnull.39203ndfvkjdasfkq3w4otrq0adsfdfnavd
            CSeq: 14398234 REGISTER
            Via: SIP/2.0/UDP host5.example.com;branch=z9hG4bKkdjuw
            Contact: <sip:%00@host5.example.com>
            Contact: <sip:user;par=u%40example.net@example.com>, <tel:+1-972-555-2222;phone-context=example.com>
            L:0
            """));

        Assert.Equal("null-%00-null", message.To!.Uri.User);
        Assert.Equal(["%00", "user;par=u%40example.net", "+1-972-555-2222"], message.Contacts.Select(c => c.Uri.User));
        Assert.Equal("tel", message.Contacts[2].Uri.Scheme);
    }

    [Fact]
    public void Parser_reads_ipv6_hosts_in_uris_via_and_received()
    {
        var message = Assert.IsType<SipRequest>(Wire.Parsed(Wire.Message("""
            REGISTER sip:[2001:db8::10]:5070 SIP/2.0
            To: sip:user@example.com
            From: sip:user@example.com;tag=81x2
            Via: SIP/2.0/UDP [2001:db8::9:1]:5070;received=[2001:db8::9:255];branch=z9hG4bKas3-111;rport
            Call-ID: SSG9559905523997077@hlau_4100
            Max-Forwards: 70
            Contact: "Caller" <sip:caller@[2001:db8::1]>
            CSeq: 98176 REGISTER
            Content-Length: 0
            """)));

        Assert.Equal(("[2001:db8::10]", 5070), (message.RequestUri.Host, message.RequestUri.Port));
        var via = message.TopVia!;
        Assert.Equal(("[2001:db8::9:1]", 5070, "[2001:db8::9:255]"), (via.Host, via.Port, via.Received));
        Assert.True(via.HasRport);
        Assert.Null(via.Rport);
        Assert.Equal("[2001:db8::1]", Assert.Single(message.Contacts).Uri.Host);
    }

    [Theory]
    [InlineData("!interesting-Method0123456789_*+`.%indeed'~")]
    [InlineData("NEWMETHOD")]
    public void Parser_accepts_any_token_as_a_method(string method)
    {
        var message = Assert.IsType<SipRequest>(Wire.Parsed(Wire.Message($$"""
            {{method}} sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com SIP/2.0
            Via: SIP/2.0/TCP host1.example.com;branch=z9hG4bK-.!%66*_+`'~
            To: "BEL:\a NUL:\b  DEL:\c" <sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*@example.com>
            From: token1~` token2'+_ token3*%!.- <sip:mundane@example.com>;fromParam''~+*_!.-%="работающий";tag=_token~1'+`*%!-.
            Call-ID: intmeth.word%ZK-!.*_+'@word`~)(><:\/"][?}{
            CSeq: 139122385 {{method}}
            Max-Forwards: 255
            Content-Length: 0
            """)));

        Assert.Equal(method, message.Method);
        Assert.Equal("token1~` token2'+_ token3*%!.-", message.From!.DisplayName);
        Assert.Equal("_token~1'+`*%!-.", message.From.Tag);
        Assert.Equal("example.com", message.RequestUri.Host);
    }

    [Theory]
    [InlineData("OPTIONS nobodyKnowsThisScheme:totallyopaquecontent SIP/2.0", "nobodyknowsthisscheme")]
    [InlineData("OPTIONS soap.beep://192.0.2.103:3002 SIP/2.0", "soap.beep")]
    [InlineData("OPTIONS tel:+1-201-555-0123 SIP/2.0", "tel")]
    public void Parser_accepts_request_uris_of_schemes_it_does_not_know(string startLine, string scheme)
    {
        var message = Assert.IsType<SipRequest>(Wire.Parsed(Wire.Message(startLine + """

            Via: SIP/2.0/UDP host9.example.com;branch=z9hG4bKkdjuw
            From: <sip:user@example.com>;tag=3
            To: <sip:user@example.com>
            Call-ID: novelsc.asdfasser0q239nwsdfasdkl34
            CSeq: 3923423 OPTIONS
            """)));

        Assert.Equal(scheme, message.RequestUri.Scheme);
        Assert.Null(message.MaxForwards); // none given, still taken
    }

    [Theory]
    [InlineData("SIP/2.0 100 ", 100, "")]
    [InlineData("SIP/2.0 200", 200, "")]
    [InlineData("SIP/2.0 200 = 2**3 * 5**2 но сто девяносто девять - простое", 200, "= 2**3 * 5**2 но сто девяносто девять - простое")]
    public void Parser_accepts_responses_with_missing_or_unusual_reason_phrases(string statusLine, int code, string reason)
    {
        var response = Assert.IsType<SipResponse>(Wire.Parsed(Wire.Message(statusLine + """

            Via: SIP/2.0/UDP 192.0.2.105;branch=z9hG4bK2398ndaoe
            Call-ID: unreason.1234ksdfak3j2erwedfsASdf
            CSeq: 35 INVITE
            From: sip:user@example.com;tag=11141343
            To: sip:user@example.com;tag=2229
            Content-Length: 0
            """)));

        Assert.Equal((code, reason), (response.StatusCode, response.ReasonPhrase));
    }

    [Fact]
    public void Parser_reads_a_wildcard_contact()
    {
        var message = Wire.Parsed(Wire.Message("""
            REGISTER sip:example.com SIP/2.0
            Via: SIP/2.0/UDP saturn.example.com:5060;branch=z9hG4bKkdjuw
            Max-Forwards: 70
            From: <sip:user@example.com>;tag=ja743ks76zlflH
            To: <sip:user@example.com>
            Call-ID: 1j9FpLxk3uxtm8tn@example.com
            CSeq: 2 REGISTER
            Contact: *
            Expires: 0
            Content-Length: 0
            """));

        Assert.True(message.IsWildcardContact);
        Assert.Empty(message.Contacts);
        Assert.Equal(0, message.Expires);
    }
}
