using System.Collections.Concurrent;
using System.Net;
using OpenTalk.Sip.Sdp;
using OpenTalk.Sip.Transport;
using OpenTalk.Sip.UserAgent;

namespace OpenTalk.Sip.Tests.UserAgent;

/// <summary>
/// A user agent on loopback that answers every call with an SDP answer, refuses bad offers with 488, and by the called
/// user: <c>ring</c> only rings (for CANCEL), <c>dtmf-hangup</c> hangs up when a key arrives.
/// </summary>
internal sealed class TestUas : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public TestUas()
    {
        Agent = SipUserAgent.Start(new SipUserAgentOptions { Transport = new SipTransportOptions { Address = IPAddress.Loopback, Port = 0 } });
        _loop = Task.Run(ServeAsync);
    }

    public SipUserAgent Agent { get; }
    public int Port => Agent.UdpEndPoint.Port;
    public ConcurrentQueue<IncomingCall> Calls { get; } = new();
    public ConcurrentQueue<SipDialog> Dialogs { get; } = new();
    public ConcurrentQueue<char> Keys { get; } = new();
    public TaskCompletionSource<IncomingCall> Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource<OpenTalk.Sip.Messages.SipResponse?> HungUp { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task ServeAsync()
    {
        await foreach (var call in Agent.IncomingCalls.ReadAllAsync(_stop.Token))
        {
            Calls.Enqueue(call);
            _ = Task.Run(() => AnswerAsync(call));
        }
    }

    private async Task AnswerAsync(IncomingCall call)
    {
        call.Ringing();
        if (call.CalledUri.User == "ring")
        {
            call.Cancelled.Register(() => Cancelled.TrySetResult(call));
            return;
        }
        if (SessionDescription.Parse(call.Offer) is not SdpParseResult.Parsed { Description: var offer }
            || SdpAnswerer.Answer(offer, new SdpAnswerOptions(Agent.AdvertisedAddress.ToString(), 40000, 1, 1)) is not SdpNegotiationResult.Agreed agreed)
        {
            await call.RejectAsync(488);
            return;
        }
        var dialog = await call.AcceptAsync(agreed.Answer.ToBytes(), prepare: dialog => dialog.Dtmf += (_, e) =>
        {
            Keys.Enqueue(e.Key);
            if (call.CalledUri.User == "dtmf-hangup")
            {
                _ = Task.Run(async () => HungUp.TrySetResult(await dialog.HangUpAsync()));
            }
        });
        Dialogs.Enqueue(dialog);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Agent.DisposeAsync();
        try
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
        {
        }
        _stop.Dispose();
    }
}
