using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Tests.Messages;

public sealed class RequestBuilderTests
{
    private static SipRequest Invite()
    {
        var invite = SipRequests.Create(SipMethods.Invite, SipUri.Sip("+4930123456", "trunk.example.net"),
            new NameAddress("OpenTalk", SipUri.Sip("gateway", "gw.example.org"), SipParameters.Empty), new NameAddress(SipUri.Sip("+4930123456", "trunk.example.net")),
            SipIds.NewCallId("gw.example.org"), 1, new Via("UDP", "192.0.2.10", 5060, SipParameters.Empty).WithParameter("rport", null),
            contact: new NameAddress(SipUri.Sip("gateway", "192.0.2.10", 5060)));
        invite.Headers.Add(HeaderNames.Route, "<sip:proxy.example.net;lr>");
        return invite;
    }

    [Fact]
    public void A_new_request_carries_what_rfc_3261_asks_and_parses()
    {
        var invite = Assert.IsType<SipRequest>(Wire.Parsed(Invite().ToBytes()));
        Assert.StartsWith(Via.MagicCookie, invite.TopVia!.Branch, StringComparison.Ordinal);
        Assert.True(invite.TopVia.HasRport);
        Assert.NotNull(invite.From!.Tag);
        Assert.Null(invite.To!.Tag);
        Assert.Equal((70, new CSeq(1, "INVITE")), (invite.MaxForwards, invite.CSeq));
        Assert.Equal("gateway", Assert.Single(invite.Contacts).Uri.User);
    }

    [Fact]
    public void A_cancel_matches_the_invite_it_cancels()
    {
        var invite = Invite();
        invite.Body = [1, 2, 3];
        var cancel = Assert.IsType<SipRequest>(Wire.Parsed(SipRequests.Cancel(invite).ToBytes()));
        Assert.Equal((SipMethods.Cancel, invite.RequestUri), (cancel.Method, cancel.RequestUri));
        Assert.Equal(invite.TopVia, Assert.Single(cancel.Vias));
        Assert.Equal((invite.From, invite.To, invite.CallId), (cancel.From, cancel.To, cancel.CallId));
        Assert.Equal(new CSeq(1, "CANCEL"), cancel.CSeq);
        Assert.Equal(invite.Routes, cancel.Routes);
        Assert.Empty(cancel.Body);
    }

    [Fact]
    public void The_ack_of_a_failure_takes_the_to_tag_of_the_response()
    {
        var invite = Invite();
        var busy = SipResponse.For(invite, 486, toTag: "uas-tag");
        var ack = Assert.IsType<SipRequest>(Wire.Parsed(SipRequests.AckForFailure(invite, busy).ToBytes()));
        Assert.Equal(("uas-tag", new CSeq(1, "ACK")), (ack.To!.Tag, ack.CSeq));
        Assert.Equal(invite.TopVia!.Branch, ack.TopVia!.Branch);
    }
}
