using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Transport;

namespace OpenTalk.Sip.Transactions;

/// <summary>The server side: the TU answers with <see cref="Respond"/>; retransmitted requests are the layer's to route here.</summary>
public abstract class ServerTransaction : SipTransaction
{
    private protected ServerTransaction(TransactionContext context, string key, SipRequest request, SipRemote remote)
        : base(context, key, request, remote)
    {
    }

    /// <summary>The last response sent, for retransmitted requests.</summary>
    public SipResponse? LastResponse { get; private protected set; }

    /// <summary>True once a final response (200-699) went out.</summary>
    public bool IsAnswered => LastResponse is { StatusCode: >= 200 };

    /// <summary>Sends a response from the TU; false when the state no longer takes one (already answered, ended).</summary>
    public abstract bool Respond(SipResponse response);

    /// <summary>The request came again: the transaction answers it, the TU never sees it.</summary>
    internal abstract void OnRetransmission();
}

/// <summary>The non-INVITE server transaction (RFC 3261 §17.2.2, Figure 8).</summary>
public sealed class NonInviteServerTransaction : ServerTransaction
{
    private readonly TransactionTimer _j;
    private State _state = State.Trying;

    internal NonInviteServerTransaction(TransactionContext context, string key, SipRequest request, SipRemote remote)
        : base(context, key, request, remote)
    {
        _j = NewTimer(Terminate);
    }

    private enum State { Trying, Proceeding, Completed }

    public override bool Respond(SipResponse response)
    {
        lock (Gate)
        {
            if (_state == State.Completed || IsTerminated)
            {
                return false;
            }
            LastResponse = response;
            Send(response);
            if (response.StatusCode >= 200)
            {
                _state = State.Completed;
                // Timer J: absorb retransmissions of the request for 64·T1 (zero on reliable transports).
                _j.Start(Remote.IsReliable ? TimeSpan.Zero : Timers.Timeout);
            }
            else
            {
                _state = State.Proceeding;
            }
            return true;
        }
    }

    internal override void OnRetransmission()
    {
        lock (Gate)
        {
            // In Trying the TU has not answered yet: the retransmission is simply discarded.
            if (_state != State.Trying && LastResponse is { } last && !IsTerminated)
            {
                Send(last);
            }
        }
    }
}
