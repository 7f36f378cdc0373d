using System.Diagnostics.CodeAnalysis;
using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Transactions;
using OpenTalk.Sip.Transport;

namespace OpenTalk.Sip.UserAgent;

/// <summary>
/// An INVITE waiting for the TU's answer: ring, accept with an SDP answer, or reject. <see cref="Cancelled"/> fires
/// when the caller sends CANCEL (we answer 200 and 487) or nobody answered in time (408, or 487 past the INVITE's
/// Expires, §13.3.1).
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Its CancellationTokenSource has no timer: it is only ever cancelled, so tokens handed to the TU stay valid for good")]
public sealed class IncomingCall
{
    private readonly object _gate = new();
    private readonly SipUserAgent _agent;
    private readonly CancellationTokenSource _cancelled = new();
    private ITimer? _timeout;
    private bool _answered;

    internal IncomingCall(SipUserAgent agent, InviteServerTransaction transaction, string localTag)
    {
        _agent = agent;
        Transaction = transaction;
        LocalTag = localTag;
    }

    internal InviteServerTransaction Transaction { get; }
    internal string LocalTag { get; }

    public SipRequest Invite => Transaction.Request;
    public SipCallId? CallId => Invite.CallId;
    /// <summary>The SDP offer (empty when the caller wants ours first).</summary>
    public byte[] Offer => Invite.Body;
    public string? OfferContentType => Invite.ContentType;
    public string? CallerName => Invite.From?.DisplayName;
    public string? CallerUser => Invite.From?.Uri.User;
    public SipUri CalledUri => Invite.RequestUri;
    public SipRemote Remote => Transaction.Remote;
    public CancellationToken Cancelled => _cancelled.Token;
    /// <summary>Why <see cref="Cancelled"/> fired, once it has.</summary>
    public string? CancelReason { get; private set; }

    /// <summary>Sends 180 Ringing; false once the call is answered or cancelled.</summary>
    public bool Ringing()
    {
        lock (_gate)
        {
            if (_answered)
            {
                return false;
            }
            var ringing = _agent.Response(Invite, 180, LocalTag);
            ringing.Headers.Add(HeaderNames.Contact, _agent.ContactFor(Remote).ToString());
            return Transaction.Respond(ringing);
        }
    }

    /// <summary>
    /// Answers 200 with <paramref name="sdp"/> and returns the dialog once the caller's ACK arrived. Without an ACK
    /// for 64·T1 the call is ended with BYE and this throws <see cref="SipCallException"/>, as it does when the caller
    /// hangs up before acknowledging; <see cref="InvalidOperationException"/> when the call was already answered or cancelled.
    /// <paramref name="prepare"/> sees the dialog before the 200 goes out: subscribe to <see cref="SipDialog.Dtmf"/> there,
    /// since the caller may send INFO right after its ACK, before this task's continuation runs.
    /// </summary>
    public async Task<SipDialog> AcceptAsync(byte[] sdp, string contentType = "application/sdp", Action<SipDialog>? prepare = null)
    {
        SipDialog dialog;
        SuccessRetransmitter retransmitter;
        lock (_gate)
        {
            if (_answered)
            {
                throw new InvalidOperationException(CancelReason is null ? "The call was already answered" : $"The call was cancelled: {CancelReason}");
            }
            _answered = true;
            _timeout?.Dispose();
            var ok = _agent.Response(Invite, 200, LocalTag);
            ok.Headers.Add(HeaderNames.Contact, _agent.ContactFor(Remote).ToString());
            // §12.1.1: the Record-Route of the request goes back in the 2xx, in order.
            foreach (var route in Invite.Headers.GetLines(HeaderNames.RecordRoute))
            {
                ok.Headers.Add(HeaderNames.RecordRoute, route);
            }
            SipUserAgent.WithCapabilities(ok);
            ok.Headers.Add(HeaderNames.ContentType, contentType);
            ok.Body = sdp;
            dialog = SipDialog.ForServer(_agent, Invite, LocalTag, Remote, sdp, contentType);
            prepare?.Invoke(dialog);
            _agent.AddDialog(dialog);
            retransmitter = dialog.AwaitAck(ok);
            Transaction.Respond(ok);
        }
        _agent.Forget(this);
        switch (await retransmitter.Outcome)
        {
            case AckOutcome.Acked:
                return dialog;
            case AckOutcome.NoAck:
                await dialog.HangUpAsync(SipDialogEndReason.NoAck);
                throw new SipCallException("The caller never acknowledged our 200 OK; the call was ended with BYE");
            default:
                throw new SipCallException("The caller hung up before acknowledging our 200 OK");
        }
    }

    /// <summary>Answers with a failure (3xx-6xx); false once the call is answered or cancelled.</summary>
    public Task<bool> RejectAsync(int statusCode, string? reasonPhrase = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 300);
        lock (_gate)
        {
            if (_answered)
            {
                return Task.FromResult(false);
            }
            _answered = true;
            _timeout?.Dispose();
            var refusal = _agent.Response(Invite, statusCode, LocalTag);
            if (reasonPhrase is not null)
            {
                refusal = new SipResponse { StatusCode = statusCode, ReasonPhrase = reasonPhrase, Headers = refusal.Headers };
            }
            Transaction.Respond(refusal);
        }
        _agent.Forget(this);
        return Task.FromResult(true);
    }

    internal void StartTimeout()
    {
        var timeout = _agent.Options.UnansweredCallTimeout;
        var status = 408;
        if (Invite.Expires is { } expires && TimeSpan.FromSeconds(expires) < timeout)
        {
            (timeout, status) = (TimeSpan.FromSeconds(expires), 487);
        }
        lock (_gate)
        {
            if (!_answered)
            {
                _timeout = _agent.Transactions.Time.CreateTimer(_ => Cancel("not answered in time", status), null, timeout, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Ends the unanswered call with <paramref name="status"/> and fires <see cref="Cancelled"/>; nothing once answered.</summary>
    internal void Cancel(string reason, int status)
    {
        lock (_gate)
        {
            if (_answered)
            {
                return;
            }
            _answered = true;
            _timeout?.Dispose();
            CancelReason = reason;
            Transaction.Respond(_agent.Response(Invite, status, LocalTag));
        }
        _agent.Forget(this);
        UserAgentLog.Cancelled(_agent.Logger, CallId?.Value, reason);
        _cancelled.Cancel();
    }
}
