using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Transactions;
using OpenTalk.Sip.Transport;

namespace OpenTalk.Sip.UserAgent;

internal enum AckOutcome
{
    Acked,
    NoAck,
    Ended,
}

/// <summary>
/// The UAS core's 2xx retransmission (RFC 3261 §13.3.1.4, RFC 6026): every T1, doubling up to T2, until the ACK
/// arrives; after 64·T1 it gives up. On TCP nothing is retransmitted, only the wait is bounded.
/// </summary>
internal sealed class SuccessRetransmitter
{
    private readonly object _gate = new();
    private readonly TaskCompletionSource<AckOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ISipTransport _transport;
    private readonly SipTimers _timers;
    private readonly SipResponse _response;
    private readonly SipRemote _remote;
    private readonly TransactionTimer _retransmit;
    private readonly TransactionTimer _giveUp;
    private TimeSpan _interval;

    public SuccessRetransmitter(ISipTransport transport, TimeProvider time, SipTimers timers, SipResponse response, SipRemote remote)
    {
        _transport = transport;
        _timers = timers;
        _response = response;
        _remote = remote;
        _retransmit = new TransactionTimer(time, _gate, Retransmit);
        _giveUp = new TransactionTimer(time, _gate, () => Finish(AckOutcome.NoAck));
        CSeq = response.CSeq?.Number ?? 0;
    }

    public uint CSeq { get; }
    public Task<AckOutcome> Outcome => _outcome.Task;

    public void Start()
    {
        lock (_gate)
        {
            if (!_remote.IsReliable)
            {
                _interval = _timers.T1;
                _retransmit.Start(_interval);
            }
            _giveUp.Start(_timers.Timeout);
        }
    }

    public void Finish(AckOutcome outcome)
    {
        lock (_gate)
        {
            _retransmit.Stop();
            _giveUp.Stop();
            _outcome.TrySetResult(outcome);
        }
    }

    private void Retransmit()
    {
        if (_outcome.Task.IsCompleted)
        {
            return;
        }
        _ = _transport.SendAsync(_response, _remote).ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        _interval = _timers.Doubled(_interval);
        _retransmit.Start(_interval);
    }
}
