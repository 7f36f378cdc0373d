using Microsoft.Extensions.Logging;
using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Transport;

namespace OpenTalk.Sip.Transactions;

/// <summary>What every transaction shares: the transport, the clock and timer values, the log.</summary>
internal sealed record TransactionContext(ISipTransport Transport, TimeProvider Time, SipTimers Timers, ILogger Logger);

/// <summary>
/// A transaction of RFC 3261 §17: a request, its responses, and the timers between them. State changes happen under
/// one lock per transaction; sends leave it without waiting (a slow TCP peer never holds a timer or the receive loop).
/// </summary>
public abstract class SipTransaction
{
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<TransactionTimer> _timers = [];

    private protected SipTransaction(TransactionContext context, string key, SipRequest request, SipRemote remote)
    {
        Context = context;
        Key = key;
        Request = request;
        Remote = remote;
    }

    private protected TransactionContext Context { get; }
    private protected SipTimers Timers => Context.Timers;
    private protected object Gate { get; } = new();

    /// <summary>What the transaction layer matches on (§17.1.3, §17.2.3).</summary>
    public string Key { get; }
    public SipRequest Request { get; }
    /// <summary>The peer: where a server transaction's request came from, where a client transaction's request goes.</summary>
    public SipRemote Remote { get; }
    public bool IsTerminated => _terminated.Task.IsCompleted;
    public Task Terminated => _terminated.Task;

    /// <summary>Set by the transaction layer to forget the transaction once it ends.</summary>
    internal Action<SipTransaction>? Forget { get; set; }

    private protected TransactionTimer NewTimer(Action onFire)
    {
        var timer = new TransactionTimer(Context.Time, Gate, onFire);
        _timers.Add(timer);
        return timer;
    }

    private protected void Send(SipMessage message) => _ = SendAsync(message);

    private async Task SendAsync(SipMessage message)
    {
        try
        {
            await Context.Transport.SendAsync(message, Remote);
        }
        catch (Exception e)
        {
            TransactionLog.SendFailed(Context.Logger, e, Key, Remote);
            lock (Gate)
            {
                OnTransportError();
            }
        }
    }

    /// <summary>§17.1.4, §17.2.4: a send failed. Client transactions tell the TU; a server has no one to tell.</summary>
    private protected virtual void OnTransportError()
    {
    }

    /// <summary>Ends the transaction: every timer stopped, the layer forgets it. Called under the lock.</summary>
    private protected void Terminate()
    {
        if (!_terminated.TrySetResult())
        {
            return;
        }
        foreach (var timer in _timers)
        {
            timer.Stop();
        }
        TransactionLog.Terminated(Context.Logger, Key);
        Forget?.Invoke(this);
    }
}
