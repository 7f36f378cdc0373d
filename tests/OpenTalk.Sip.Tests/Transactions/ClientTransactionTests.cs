using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Transactions;

namespace OpenTalk.Sip.Tests.Transactions;

public sealed class ClientTransactionTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = FakeSip.Clock();
    private readonly RecordingTransport _transport;
    private readonly TransactionLayer _layer;

    public ClientTransactionTests()
    {
        _transport = new RecordingTransport(_time);
        _layer = new TransactionLayer(_transport, new RecordingCore(), _time);
    }

    private static bool Method(SipMessage m, string method) => m is SipRequest r && r.Method == method;

    [Fact]
    public async Task A_non_invite_request_is_retransmitted_on_timer_e_and_times_out_with_408_on_timer_f()
    {
        var bye = _layer.Send(FakeSip.Request("BYE"), FakeSip.Udp);
        _time.Run(TimeSpan.FromSeconds(33));
        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5], _transport.SecondsOf(m => Method(m, "BYE")));
        Assert.Equal(408, (await bye.Final).StatusCode);
        Assert.Equal(0, _layer.Count);
    }

    [Fact]
    public async Task After_a_provisional_response_timer_e_fires_every_t2()
    {
        var bye = _layer.Send(FakeSip.Request("BYE"), FakeSip.Udp);
        _time.Run(TimeSpan.FromSeconds(0.2));
        _layer.Receive(SipResponse.For(bye.Request, 100), FakeSip.Udp);
        _time.Run(TimeSpan.FromSeconds(9));
        Assert.Equal([0, 0.5, 4.5, 8.5], _transport.SecondsOf(m => Method(m, "BYE")));
        _layer.Receive(SipResponse.For(bye.Request, 200, toTag: "x"), FakeSip.Udp);
        Assert.Equal(200, (await bye.Final).StatusCode);
        _time.Run(TimeSpan.FromSeconds(6));
        Assert.True(bye.IsTerminated); // Timer K
        Assert.Equal(4, _transport.SecondsOf(m => Method(m, "BYE")).Length);
    }

    [Fact]
    public void On_tcp_nothing_is_retransmitted()
    {
        _layer.Send(FakeSip.Request("OPTIONS"), FakeSip.Tcp);
        _time.Run(TimeSpan.FromSeconds(33));
        Assert.Single(_transport.SecondsOf(m => Method(m, "OPTIONS")));
    }

    [Fact]
    public async Task An_invite_is_retransmitted_on_timer_a_without_cap_and_gives_up_on_timer_b()
    {
        var invite = _layer.SendInvite(FakeSip.Request("INVITE"), FakeSip.Udp);
        _time.Run(TimeSpan.FromSeconds(33));
        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5], _transport.SecondsOf(m => Method(m, "INVITE")));
        Assert.Equal(408, (await invite.Final).StatusCode);
    }

    [Fact]
    public async Task A_failure_to_an_invite_is_acknowledged_by_the_transaction_on_the_same_branch()
    {
        var invite = _layer.SendInvite(FakeSip.Request("INVITE"), FakeSip.Udp);
        var busy = SipResponse.For(invite.Request, 486, toTag: "uas");
        _layer.Receive(busy, FakeSip.Udp);
        _layer.Receive(busy, FakeSip.Udp);
        Assert.Equal(486, (await invite.Final).StatusCode);
        var acks = _transport.Sent.Select(s => s.Message).OfType<SipRequest>().Where(r => r.Method == "ACK").ToList();
        Assert.Equal(2, acks.Count);
        Assert.Equal(invite.Request.TopVia!.Branch, acks[0].TopVia!.Branch);
        Assert.Equal("uas", acks[0].To!.Tag);
        _time.Run(TimeSpan.FromSeconds(33));
        Assert.True(invite.IsTerminated); // Timer D
    }
}
