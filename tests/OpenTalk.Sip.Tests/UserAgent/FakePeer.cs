using Microsoft.Extensions.Time.Testing;
using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Tests.Transactions;
using OpenTalk.Sip.UserAgent;

namespace OpenTalk.Sip.Tests.UserAgent;

/// <summary>A user agent on a recording transport and a fake clock, and the far end played by hand: what it sent, our answers.</summary>
internal sealed class FakePeer
{
    private readonly DateTimeOffset _start;

    public FakePeer()
    {
        _start = Time.GetUtcNow();
        Transport = new RecordingTransport(Time);
        Agent = new SipUserAgent(Transport, new SipUserAgentOptions(), Time);
    }

    /// <summary>Seconds on the fake clock since the start.</summary>
    public double Now => (Time.GetUtcNow() - _start).TotalSeconds;

    /// <summary>When each request of that method first went out, in seconds since the start.</summary>
    public double[] SentAt(string method) =>
    [
        .. Transport.Sent.Where(s => s.Message is SipRequest r && r.Method == method)
            .DistinctBy(s => (s.Message.TopVia?.Branch, s.Message.CSeq?.Number)).Select(s => s.At.TotalSeconds),
    ];

    public FakeTimeProvider Time { get; } = FakeSip.Clock();
    public RecordingTransport Transport { get; }
    public SipUserAgent Agent { get; }

    /// <summary>Each request of that method the agent sent, retransmissions left out (by branch and CSeq).</summary>
    public SipRequest[] Sent(string method) =>
    [
        .. Transport.Sent.Select(s => s.Message).OfType<SipRequest>().Where(r => r.Method == method)
            .DistinctBy(r => (r.TopVia?.Branch, r.CSeq?.Number)),
    ];

    /// <summary>Every copy sent of that method, with where it went.</summary>
    public (SipRequest Request, Transport.SipRemote To)[] Copies(string method) =>
        [.. Transport.Sent.Where(s => s.Message is SipRequest r && r.Method == method).Select(s => ((SipRequest)s.Message, s.Remote))];

    /// <summary>Waits (in real time, the clock standing still) until the agent has sent <paramref name="count"/> requests of that method; the last.</summary>
    public async Task<SipRequest> SentAsync(string method, int count = 1)
    {
        for (var i = 0; i < 250 && Sent(method).Length < count; i++)
        {
            await Task.Delay(20);
        }
        var sent = Sent(method);
        Assert.True(sent.Length >= count, $"{sent.Length} {method} sent, not {count}");
        return sent[count - 1];
    }

    public SipResponse Answer(SipRequest request, int status, string? toTag = "bob1", Action<SipResponse>? edit = null)
    {
        var response = SipResponse.For(request, status, toTag: toTag);
        edit?.Invoke(response);
        Agent.Transactions.Receive(response, FakeSip.Udp);
        return response;
    }

    public void Receive(SipResponse response) => Agent.Transactions.Receive(response, FakeSip.Udp);
}
