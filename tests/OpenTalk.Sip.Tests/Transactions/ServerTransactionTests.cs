using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Transactions;

namespace OpenTalk.Sip.Tests.Transactions;

public sealed class ServerTransactionTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = FakeSip.Clock();
    private readonly RecordingCore _core = new();
    private readonly RecordingTransport _transport;
    private readonly TransactionLayer _layer;

    public ServerTransactionTests()
    {
        _transport = new RecordingTransport(_time);
        _layer = new TransactionLayer(_transport, _core, _time);
    }

    private static bool Status(SipMessage m, int code) => m is SipResponse r && r.StatusCode == code;

    [Fact]
    public void An_invite_gets_100_trying_at_once_and_reaches_the_core_once()
    {
        _layer.Receive(FakeSip.Request("INVITE"), FakeSip.Udp);
        _layer.Receive(FakeSip.Request("INVITE"), FakeSip.Udp);
        Assert.Single(_core.Requests);
        Assert.Equal([0.0, 0.0], _transport.SecondsOf(m => Status(m, 100)));
    }

    [Fact]
    public void A_failure_is_retransmitted_on_timer_g_doubling_to_t2_until_timer_h()
    {
        _layer.Receive(FakeSip.Request("INVITE"), FakeSip.Udp);
        var invite = Assert.IsType<InviteServerTransaction>(Assert.Single(_core.Requests));
        invite.Respond(SipResponse.For(invite.Request, 486, toTag: "t"));
        _time.Run(TimeSpan.FromSeconds(40));
        // Sent at 0, then T1 doubling: +0.5, +1, +2, +4 (capped at T2), +4… until Timer H at 64·T1 = 32 s.
        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5], _transport.SecondsOf(m => Status(m, 486)));
        Assert.True(invite.IsTerminated);
        Assert.True(invite.AckTimedOut);
        Assert.Equal(0, _layer.Count);
    }

    [Fact]
    public void The_ack_of_a_failure_stops_the_retransmissions_and_never_reaches_the_core()
    {
        _layer.Receive(FakeSip.Request("INVITE"), FakeSip.Udp);
        var invite = _core.Requests[0];
        invite.Respond(SipResponse.For(invite.Request, 603, toTag: "t"));
        _time.Run(TimeSpan.FromSeconds(1));
        _layer.Receive(FakeSip.Request("ACK"), FakeSip.Udp);
        _layer.Receive(FakeSip.Request("ACK"), FakeSip.Udp);
        _time.Run(TimeSpan.FromSeconds(10));
        Assert.Empty(_core.Acks);
        Assert.Equal([0, 0.5], _transport.SecondsOf(m => Status(m, 603)));
        Assert.True(invite.IsTerminated); // Timer I (T4) has run out
    }

    [Fact]
    public void On_tcp_a_failure_is_sent_once_and_waits_for_its_ack_only_until_timer_h()
    {
        _layer.Receive(FakeSip.Request("INVITE"), FakeSip.Tcp);
        var invite = _core.Requests[0];
        invite.Respond(SipResponse.For(invite.Request, 486, toTag: "t"));
        _time.Run(TimeSpan.FromSeconds(33));
        Assert.Equal([0.0], _transport.SecondsOf(m => Status(m, 486)));
        Assert.True(invite.IsTerminated);
    }

    [Fact]
    public void After_a_2xx_retransmitted_invites_are_absorbed_and_acks_go_to_the_core()
    {
        _layer.Receive(FakeSip.Request("INVITE"), FakeSip.Udp);
        var invite = _core.Requests[0];
        invite.Respond(SipResponse.For(invite.Request, 200, toTag: "t"));
        _layer.Receive(FakeSip.Request("INVITE"), FakeSip.Udp);
        _layer.Receive(FakeSip.Request("ACK", branch: "z9hG4bKnewbranch"), FakeSip.Udp);
        Assert.Single(_transport.SecondsOf(m => Status(m, 200)));
        Assert.Single(_core.Acks);
        _time.Run(TimeSpan.FromSeconds(33));
        Assert.True(invite.IsTerminated); // Timer L
    }

    [Fact]
    public void A_non_invite_retransmission_gets_the_last_response_until_timer_j()
    {
        _layer.Receive(FakeSip.Request("OPTIONS"), FakeSip.Udp);
        var options = Assert.IsType<NonInviteServerTransaction>(Assert.Single(_core.Requests));
        _layer.Receive(FakeSip.Request("OPTIONS"), FakeSip.Udp); // still Trying: discarded
        options.Respond(SipResponse.For(options.Request, 200));
        _time.Run(TimeSpan.FromSeconds(10));
        _layer.Receive(FakeSip.Request("OPTIONS"), FakeSip.Udp);
        _layer.Receive(FakeSip.Request("OPTIONS"), FakeSip.Udp);
        Assert.Single(_core.Requests);
        Assert.Equal(3, _transport.SecondsOf(m => Status(m, 200)).Length);
        _time.Run(TimeSpan.FromSeconds(23));
        Assert.True(options.IsTerminated);
        _layer.Receive(FakeSip.Request("OPTIONS"), FakeSip.Udp);
        Assert.Equal(2, _core.Requests.Count); // after Timer J the same branch is a new request
    }

    [Fact]
    public void A_cancel_finds_the_invite_it_cancels_and_has_a_transaction_of_its_own()
    {
        _layer.Receive(FakeSip.Request("INVITE"), FakeSip.Udp);
        _layer.Receive(FakeSip.Request("CANCEL"), FakeSip.Udp);
        Assert.Equal(["INVITE", "CANCEL"], _core.Requests.Select(t => t.Request.Method));
        Assert.Equal(2, _layer.Count);
    }
}
