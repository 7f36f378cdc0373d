using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Tests.Transactions;
using OpenTalk.Sip.UserAgent;

namespace OpenTalk.Sip.Tests.UserAgent;

/// <summary>The UAS core's 2xx retransmission (RFC 3261 §13.3.1.4, RFC 6026) on a fake clock.</summary>
public sealed class SuccessRetransmissionTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = FakeSip.Clock();
    private readonly RecordingTransport _transport;
    private readonly SipUserAgent _agent;

    public SuccessRetransmissionTests()
    {
        _transport = new RecordingTransport(_time);
        _agent = new SipUserAgent(_transport, new SipUserAgentOptions(), _time);
    }

    private async Task<(IncomingCall Call, Task<SipDialog> Accepted)> AcceptAsync()
    {
        var invite = FakeSip.Request("INVITE", body: Wire.Sdp);
        invite.Headers.Set(HeaderNames.Contact, "<sip:alice@127.0.0.1:5070>");
        _agent.Transactions.Receive(invite, FakeSip.Udp);
        Assert.True(_agent.IncomingCalls.TryRead(out var call));
        var accepted = call.AcceptAsync("v=0\r\n"u8.ToArray());
        await Task.Yield();
        return (call, accepted);
    }

    private static bool Ok(SipMessage m) => m is SipResponse { StatusCode: 200 };

    private SipRequest Ack(IncomingCall call)
    {
        var ok = (SipResponse)_transport.Sent.First(s => Ok(s.Message)).Message;
        var ack = FakeSip.Request("ACK", branch: SipIds.NewBranch());
        ack.Headers.Set(HeaderNames.To, ok.Headers.Get(HeaderNames.To)!);
        Assert.Equal(call.LocalTag, ack.To!.Tag);
        return ack;
    }

    [Fact]
    public async Task The_2xx_is_retransmitted_doubling_to_t2_until_the_ack_arrives()
    {
        var (call, accepted) = await AcceptAsync();
        _time.Run(TimeSpan.FromSeconds(8));
        _agent.Transactions.Receive(Ack(call), FakeSip.Udp);
        var dialog = await accepted.WaitAsync(TimeSpan.FromSeconds(5));
        _time.Run(TimeSpan.FromSeconds(10));
        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5], _transport.SecondsOf(Ok));
        Assert.False(dialog.Ended.IsCompleted);
        Assert.Equal(call.LocalTag, dialog.LocalTag);
    }

    [Fact]
    public async Task Without_an_ack_the_call_is_ended_with_bye_after_64_t1()
    {
        var (_, accepted) = await AcceptAsync();
        _time.Run(TimeSpan.FromSeconds(32.1));
        // The BYE is sent in its own transaction; its 200 ends the wait.
        await WaitUntil(() => _transport.Sent.Any(s => s.Message is SipRequest { Method: "BYE" }));
        var bye = (SipRequest)_transport.Sent.First(s => s.Message is SipRequest { Method: "BYE" }).Message;
        Assert.Equal(("1928301774", "sip:alice@127.0.0.1:5070"), (bye.To!.Tag, bye.RequestUri.ToString()));
        _agent.Transactions.Receive(SipResponse.For(bye, 200), FakeSip.Udp);
        await Assert.ThrowsAsync<SipCallException>(() => accepted.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5], _transport.SecondsOf(Ok));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(20);
        }
        Assert.True(condition());
    }
}
