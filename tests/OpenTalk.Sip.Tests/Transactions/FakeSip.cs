using System.Net;
using Microsoft.Extensions.Time.Testing;
using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Transactions;
using OpenTalk.Sip.Transport;

namespace OpenTalk.Sip.Tests.Transactions;

/// <summary>A transport that records what is sent and when, on a fake clock.</summary>
internal sealed class RecordingTransport(FakeTimeProvider time) : ISipTransport
{
    private readonly List<(TimeSpan At, SipMessage Message, SipRemote Remote)> _sent = [];
    private readonly DateTimeOffset _start = time.GetUtcNow();

    public IReadOnlyList<(TimeSpan At, SipMessage Message, SipRemote Remote)> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public Task SendAsync(SipMessage message, SipRemote remote, CancellationToken cancellationToken = default)
    {
        lock (_sent)
        {
            _sent.Add((time.GetUtcNow() - _start, message, remote));
        }
        return Task.CompletedTask;
    }

    public IPEndPoint LocalEndPoint(SipTransportKind transport) => new(IPAddress.Loopback, 5060);

    public double[] SecondsOf(Func<SipMessage, bool> which) => [.. Sent.Where(s => which(s.Message)).Select(s => s.At.TotalSeconds)];
}

/// <summary>A core that keeps what reaches it.</summary>
internal sealed class RecordingCore : ISipCore
{
    public List<ServerTransaction> Requests { get; } = [];
    public List<SipRequest> Acks { get; } = [];

    public void OnRequest(ServerTransaction transaction) => Requests.Add(transaction);

    public void OnCancel(NonInviteServerTransaction cancel, InviteServerTransaction? invite) => Requests.Add(cancel);

    public void OnAck(SipRequest ack, SipRemote remote) => Acks.Add(ack);

    public void OnStrayResponse(SipResponse response, SipRemote remote)
    {
    }
}

internal static class FakeSip
{
    public static readonly SipRemote Udp = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 5070));
    public static readonly SipRemote Tcp = new(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Loopback, 5070), 1);

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static SipRequest Request(string method, string branch = "z9hG4bKtest1", string body = "")
    {
        var head = Wire.Invite.Replace("INVITE sip:", method + " sip:", StringComparison.Ordinal)
            .Replace("314159 INVITE", "314159 " + method, StringComparison.Ordinal)
            .Replace("z9hG4bK776asdhds", branch, StringComparison.Ordinal);
        return (SipRequest)Wire.Parsed(Wire.Message(head, body));
    }

    /// <summary>Moves the clock in small steps, so that timers fire at their own times.</summary>
    public static void Run(this FakeTimeProvider time, TimeSpan span)
    {
        var step = TimeSpan.FromMilliseconds(50);
        for (var elapsed = TimeSpan.Zero; elapsed < span; elapsed += step)
        {
            time.Advance(step);
        }
    }

    /// <summary>
    /// Moves the clock a quarter second at a time, giving continuations on the pool a moment between steps to start
    /// their own timers, until <paramref name="condition"/> holds; returns how far the clock moved.
    /// </summary>
    public static async Task<TimeSpan> AdvanceUntilAsync(this FakeTimeProvider time, Func<bool> condition, TimeSpan limit)
    {
        var start = time.GetUtcNow();
        while (!condition())
        {
            Assert.True(time.GetUtcNow() - start < limit, $"Still waiting after {limit} on the fake clock");
            await Task.Delay(2);
            time.Advance(TimeSpan.FromMilliseconds(250));
        }
        return time.GetUtcNow() - start;
    }
}
