using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Transport;

namespace OpenTalk.Sip.Transactions;

/// <summary>
/// The INVITE server transaction (RFC 3261 §17.2.1 as RFC 6026 §7.1 amends it): 100 Trying at once; a failure is
/// retransmitted on Timer G until its ACK (Timer H gives up), that ACK is absorbed and Timer I soaks up its copies; a
/// 2xx moves to Accepted, where the core retransmits it through <see cref="Respond"/> and the ACKs go to the core.
/// </summary>
public sealed class InviteServerTransaction : ServerTransaction
{
    private readonly TransactionTimer _g;
    private readonly TransactionTimer _h;
    private readonly TransactionTimer _i;
    private readonly TransactionTimer _l;
    private TimeSpan _gInterval;
    private State _state = State.Proceeding;

    internal InviteServerTransaction(TransactionContext context, string key, SipRequest request, SipRemote remote)
        : base(context, key, request, remote)
    {
        _g = NewTimer(OnTimerG);
        _h = NewTimer(OnTimerH);
        _i = NewTimer(Terminate);
        _l = NewTimer(Terminate);
    }

    private enum State { Proceeding, Completed, Confirmed, Accepted }

    /// <summary>True when Timer H fired: the failure response was never acknowledged.</summary>
    public bool AckTimedOut { get; private set; }

    /// <summary>§17.2.1: the transaction answers 100 Trying itself, so that the client stops retransmitting.</summary>
    internal void Start()
    {
        lock (Gate)
        {
            var trying = SipResponse.For(Request, 100);
            LastResponse = trying;
            Send(trying);
        }
    }

    public override bool Respond(SipResponse response)
    {
        lock (Gate)
        {
            if (IsTerminated)
            {
                return false;
            }
            switch (_state, response.StatusCode)
            {
                case (State.Proceeding, < 200):
                    LastResponse = response;
                    Send(response);
                    return true;
                case (State.Proceeding, < 300):
                    LastResponse = response;
                    Send(response);
                    _state = State.Accepted;
                    _l.Start(Timers.Timeout);
                    return true;
                case (State.Proceeding, _):
                    LastResponse = response;
                    Send(response);
                    _state = State.Completed;
                    if (!Remote.IsReliable)
                    {
                        _gInterval = Timers.T1;
                        _g.Start(_gInterval);
                    }
                    _h.Start(Timers.Timeout);
                    return true;
                case (State.Accepted, >= 200 and < 300):
                    Send(response); // the core's retransmission of the 2xx (RFC 6026 §7.1)
                    return true;
                default:
                    return false;
            }
        }
    }

    internal override void OnRetransmission()
    {
        lock (Gate)
        {
            // Proceeding: the last provisional again. Completed: the failure again. Accepted: absorbed (RFC 6026),
            // since the core's own 2xx retransmissions are on their way.
            if (_state is State.Proceeding or State.Completed && LastResponse is { } last && !IsTerminated)
            {
                Send(last);
            }
        }
    }

    /// <summary>An ACK with this transaction's branch: true when the transaction takes it (the ACK of a failure).</summary>
    internal bool OnAck()
    {
        lock (Gate)
        {
            switch (_state)
            {
                case State.Completed:
                    _state = State.Confirmed;
                    _g.Stop();
                    _h.Stop();
                    _i.Start(Remote.IsReliable ? TimeSpan.Zero : Timers.T4);
                    return true;
                case State.Confirmed:
                    return true;
                default:
                    return false;
            }
        }
    }

    private void OnTimerG()
    {
        if (_state != State.Completed || LastResponse is null)
        {
            return;
        }
        Send(LastResponse);
        _gInterval = Timers.Doubled(_gInterval);
        _g.Start(_gInterval);
    }

    private void OnTimerH()
    {
        if (_state != State.Completed)
        {
            return;
        }
        AckTimedOut = true;
        TransactionLog.NoAck(Context.Logger, Key);
        Terminate();
    }
}
