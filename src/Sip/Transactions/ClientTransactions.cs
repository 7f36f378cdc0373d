using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Transport;

namespace OpenTalk.Sip.Transactions;

/// <summary>
/// The client side: the request goes out on <see cref="Start"/>; provisional responses go to <see cref="Provisional"/>,
/// and <see cref="Final"/> completes with the final response, or with a 408 the transaction makes itself when the
/// peer never answered (Timer B or F) and a 503 when the transport failed (§8.1.3.1).
/// </summary>
public abstract class ClientTransaction : SipTransaction
{
    private readonly TaskCompletionSource<SipResponse> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private protected ClientTransaction(TransactionContext context, string key, SipRequest request, SipRemote remote)
        : base(context, key, request, remote)
    {
    }

    public Task<SipResponse> Final => _final.Task;

    /// <summary>True when <see cref="Final"/> is the transaction's own 408 or 503: the peer never answered, or could not be reached.</summary>
    public bool GaveUp { get; private set; }

    /// <summary>Called under the transaction's lock for each 1xx: keep it short.</summary>
    public Action<SipResponse>? Provisional { get; init; }

    internal abstract void Start();

    internal abstract void OnResponse(SipResponse response);

    private protected void Complete(SipResponse response) => _final.TrySetResult(response);

    private protected void GiveUp(int status)
    {
        GaveUp = true;
        Complete(SipResponse.For(Request, status));
        Terminate();
    }

    /// <summary>
    /// Ends a transaction whose final response the TU stops waiting for (an INVITE whose CANCEL brought none, RFC 3261
    /// §9.1): <see cref="Final"/> completes with <paramref name="status"/> unless it already has.
    /// </summary>
    internal void Abandon(int status)
    {
        lock (Gate)
        {
            if (!Final.IsCompleted)
            {
                GiveUp(status);
            }
        }
    }

    private protected override void OnTransportError() => GiveUp(503);
}

/// <summary>The non-INVITE client transaction (RFC 3261 §17.1.2, Figure 6): Timer E retransmits, F gives up, K soaks up copies of the final.</summary>
public sealed class NonInviteClientTransaction : ClientTransaction
{
    private readonly TransactionTimer _e;
    private readonly TransactionTimer _f;
    private readonly TransactionTimer _k;
    private TimeSpan _eInterval;
    private State _state = State.Trying;

    internal NonInviteClientTransaction(TransactionContext context, string key, SipRequest request, SipRemote remote)
        : base(context, key, request, remote)
    {
        _e = NewTimer(OnTimerE);
        _f = NewTimer(() => GiveUp(408));
        _k = NewTimer(Terminate);
    }

    private enum State { Trying, Proceeding, Completed }

    internal override void Start()
    {
        lock (Gate)
        {
            Send(Request);
            if (!Remote.IsReliable)
            {
                _eInterval = Timers.T1;
                _e.Start(_eInterval);
            }
            _f.Start(Timers.Timeout);
        }
    }

    internal override void OnResponse(SipResponse response)
    {
        lock (Gate)
        {
            if (_state == State.Completed || IsTerminated)
            {
                return;
            }
            if (response.StatusCode < 200)
            {
                _state = State.Proceeding;
                Provisional?.Invoke(response);
                return;
            }
            _state = State.Completed;
            _e.Stop();
            _f.Stop();
            Complete(response);
            _k.Start(Remote.IsReliable ? TimeSpan.Zero : Timers.T4);
        }
    }

    private void OnTimerE()
    {
        Send(Request);
        // In Trying the interval doubles up to T2; once a provisional came it stays at T2.
        _eInterval = _state == State.Trying ? Timers.Doubled(_eInterval) : Timers.T2;
        _e.Start(_eInterval);
    }
}

/// <summary>
/// The INVITE client transaction (RFC 3261 §17.1.1, Figure 5, with RFC 6026's Accepted state): Timer A retransmits
/// and doubles without cap, B gives up; a failure is acknowledged here (the ACK rebuilt from the INVITE) and D soaks
/// up its copies; a 2xx goes to the TU, who sends its own ACK, and so do later 2xx copies (<see cref="Success"/>).
/// </summary>
public sealed class InviteClientTransaction : ClientTransaction
{
    private readonly TransactionTimer _a;
    private readonly TransactionTimer _b;
    private readonly TransactionTimer _d;
    private readonly TransactionTimer _m;
    private TimeSpan _aInterval;
    private SipRequest? _ack;
    private State _state = State.Calling;

    internal InviteClientTransaction(TransactionContext context, string key, SipRequest request, SipRemote remote)
        : base(context, key, request, remote)
    {
        _a = NewTimer(OnTimerA);
        _b = NewTimer(() =>
        {
            if (_state == State.Calling)
            {
                GiveUp(408);
            }
        });
        _d = NewTimer(Terminate);
        _m = NewTimer(Terminate);
    }

    private enum State { Calling, Proceeding, Completed, Accepted }

    /// <summary>Every 2xx after the first (retransmissions, or other branches of a fork), for the TU to acknowledge.</summary>
    public Action<SipResponse>? Success { get; init; }

    internal override void Start()
    {
        lock (Gate)
        {
            Send(Request);
            if (!Remote.IsReliable)
            {
                _aInterval = Timers.T1;
                _a.Start(_aInterval);
            }
            _b.Start(Timers.Timeout);
        }
    }

    internal override void OnResponse(SipResponse response)
    {
        lock (Gate)
        {
            if (IsTerminated)
            {
                return;
            }
            switch (_state, response.StatusCode)
            {
                case (State.Calling or State.Proceeding, < 200):
                    _state = State.Proceeding;
                    _a.Stop();
                    _b.Stop();
                    Provisional?.Invoke(response);
                    break;
                case (State.Calling or State.Proceeding, < 300):
                    _state = State.Accepted;
                    _a.Stop();
                    _b.Stop();
                    Complete(response);
                    _m.Start(Timers.Timeout);
                    break;
                case (State.Calling or State.Proceeding, _):
                    _state = State.Completed;
                    _a.Stop();
                    _b.Stop();
                    _ack = SipRequests.AckForFailure(Request, response);
                    Send(_ack);
                    Complete(response);
                    _d.Start(Remote.IsReliable ? TimeSpan.Zero : Timers.D);
                    break;
                case (State.Completed, >= 300) when _ack is not null:
                    Send(_ack); // the failure came again: our ACK was lost
                    break;
                case (State.Accepted, >= 200 and < 300):
                    Success?.Invoke(response);
                    break;
            }
        }
    }

    private void OnTimerA()
    {
        if (_state != State.Calling)
        {
            return;
        }
        Send(Request);
        _aInterval *= 2;
        _a.Start(_aInterval);
    }
}
