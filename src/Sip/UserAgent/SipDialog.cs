using System.Diagnostics.CodeAnalysis;
using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Transactions;
using OpenTalk.Sip.Transport;

namespace OpenTalk.Sip.UserAgent;

/// <summary>
/// A confirmed call (RFC 3261 §12): its identifiers, sequence numbers, the remote target and route set, and what
/// happens inside it. BYE ends it (<see cref="Ended"/>), INFO with DTMF raises <see cref="Dtmf"/>, a re-INVITE is
/// answered by <see cref="ReInviteAnswer"/> (or with our SDP unchanged), OPTIONS gets 200, anything else 501.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Its CancellationTokenSource has no timer: it is only ever cancelled, so tokens handed to the TU stay valid for good")]
public sealed partial class SipDialog
{
    private readonly object _gate = new();
    private readonly SipUserAgent _agent;
    private readonly TaskCompletionSource<SipDialogEndReason> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _endedToken = new();
    private readonly List<SuccessRetransmitter> _awaitingAck = [];
    private bool _ending;

    private SipDialog(SipUserAgent agent, SipCallId callId, string localTag, string remoteTag, NameAddress localParty, NameAddress remoteParty,
        SipUri remoteTarget, IReadOnlyList<NameAddress> routeSet, SipRemote remote)
    {
        _agent = agent;
        CallId = callId;
        LocalTag = localTag;
        RemoteTag = remoteTag;
        LocalParty = localParty;
        RemoteParty = remoteParty;
        RemoteTarget = remoteTarget;
        RouteSet = routeSet;
        Remote = remote;
    }

    public SipCallId CallId { get; }
    public string LocalTag { get; }
    public string RemoteTag { get; }
    /// <summary>Our From in requests we send: the To of the INVITE with our tag when we answered, our INVITE's From when we called.</summary>
    public NameAddress LocalParty { get; }
    public NameAddress RemoteParty { get; }
    /// <summary>Where requests in the dialog go: the peer's Contact, refreshed by re-INVITEs (§12.2.2).</summary>
    public SipUri RemoteTarget { get; private set; }
    /// <summary>
    /// Our requests' Route: the INVITE's Record-Route in order when we answered (§12.1.1), the 2xx's reversed when we
    /// called (§12.1.2).
    /// </summary>
    public IReadOnlyList<NameAddress> RouteSet { get; }
    /// <summary>The transport (and TCP connection) the dialog was formed over.</summary>
    public SipRemote Remote { get; }
    public uint LocalCSeq { get; private set; }
    public uint RemoteCSeq { get; private set; }
    public byte[] LocalSdp { get; private set; } = [];
    public string LocalContentType { get; private set; } = "application/sdp";
    public byte[] RemoteSdp { get; private set; } = [];

    /// <summary>Completes with the reason once the dialog is over.</summary>
    public Task<SipDialogEndReason> Ended => _ended.Task;
    public CancellationToken EndedToken => _endedToken.Token;

    /// <summary>A key pressed at the far end (INFO, RFC 2976). Raised on the transport's loop: return quickly.</summary>
    public event EventHandler<SipDtmfEventArgs>? Dtmf;

    /// <summary>
    /// Answers a re-INVITE's offer with SDP, or null for 488. Unset, the peer gets our SDP unchanged, which keeps the
    /// media as agreed (RFC 3264 §8 lets an answerer repeat itself).
    /// </summary>
    public Func<byte[], byte[]?>? ReInviteAnswer { get; set; }

    internal static SipDialog ForServer(SipUserAgent agent, SipRequest invite, string localTag, SipRemote remote, byte[] sdp, string contentType)
    {
        var from = invite.From!;
        var dialog = new SipDialog(agent, invite.CallId!.Value, localTag, from.Tag ?? "", invite.To!.WithTag(localTag), from,
            invite.Contacts is [var contact, ..] ? contact.Uri : from.Uri, invite.RecordRoutes, remote)
        {
            RemoteCSeq = invite.CSeq?.Number ?? 0,
            LocalCSeq = 0,
            LocalSdp = sdp,
            LocalContentType = contentType,
            RemoteSdp = invite.Body,
        };
        return dialog;
    }

    /// <summary>Starts retransmitting a 2xx until its ACK comes (the initial INVITE's or a re-INVITE's).</summary>
    internal SuccessRetransmitter AwaitAck(SipResponse ok)
    {
        var retransmitter = new SuccessRetransmitter(_agent.Transport, _agent.Transactions.Time, _agent.Transactions.Timers, ok, Remote);
        lock (_gate)
        {
            _awaitingAck.Add(retransmitter);
        }
        retransmitter.Start();
        _ = retransmitter.Outcome.ContinueWith(_ =>
        {
            lock (_gate)
            {
                _awaitingAck.Remove(retransmitter);
            }
        }, TaskScheduler.Default);
        return retransmitter;
    }

    internal void OnAck(SipRequest ack)
    {
        SuccessRetransmitter? acked;
        lock (_gate)
        {
            acked = _awaitingAck.Find(r => r.CSeq == ack.CSeq?.Number);
            if (acked is not null && ack.Body.Length > 0)
            {
                RemoteSdp = ack.Body; // the answer, when our 2xx carried the offer
            }
        }
        acked?.Finish(AckOutcome.Acked);
    }

    /// <summary>Marks the dialog over: no more requests reach it, pending 2xx retransmissions stop.</summary>
    internal void End(SipDialogEndReason reason)
    {
        SuccessRetransmitter[] pending;
        lock (_gate)
        {
            _ending = true;
            pending = [.. _awaitingAck];
        }
        foreach (var retransmitter in pending)
        {
            retransmitter.Finish(AckOutcome.Ended);
        }
        _agent.Forget(this);
        if (_ended.TrySetResult(reason))
        {
            UserAgentLog.DialogEnded(_agent.Logger, CallId.Value, reason);
            _endedToken.Cancel();
        }
    }
}
