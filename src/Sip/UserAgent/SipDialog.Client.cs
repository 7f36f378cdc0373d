using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Transport;

namespace OpenTalk.Sip.UserAgent;

/// <summary>
/// The caller's side of a dialog (RFC 3261 §12.1.2, §13.2.2.4): formed from our INVITE and its 2xx, confirmed by our
/// ACK, which goes again whenever the 2xx does (the callee retransmits it until an ACK arrives).
/// </summary>
public sealed partial class SipDialog
{
    private SipRequest? _ack;
    private SipRemote? _ackTarget;

    internal static SipDialog ForClient(SipUserAgent agent, SipRequest invite, SipResponse ok, SipRemote remote)
    {
        var from = invite.From!;
        var to = ok.To!;
        return new SipDialog(agent, invite.CallId!.Value, from.Tag ?? "", to.Tag ?? "", from, to,
            ok.Contacts is [var contact, ..] ? contact.Uri : invite.RequestUri, [.. ok.RecordRoutes.Reverse()], remote)
        {
            LocalCSeq = invite.CSeq?.Number ?? 1,
            LocalSdp = invite.Body,
            LocalContentType = invite.ContentType ?? "application/sdp",
            RemoteSdp = ok.Body,
        };
    }

    /// <summary>
    /// Sends the ACK of the 2xx to <paramref name="invite"/>: built as any request in the dialog, but with the INVITE's
    /// CSeq number and its credentials (§13.2.2.4), and kept for the 2xx's retransmissions.
    /// </summary>
    internal async Task AcknowledgeAsync(SipRequest invite)
    {
        SipRequest ack;
        lock (_gate)
        {
            ack = NewRequest(SipMethods.Ack, invite.CSeq?.Number ?? LocalCSeq);
        }
        foreach (var name in (string[])[HeaderNames.Authorization, HeaderNames.ProxyAuthorization])
        {
            foreach (var credentials in invite.Headers.GetLines(name))
            {
                ack.Headers.Add(name, credentials);
            }
        }
        if (await NextHopAsync(CancellationToken.None) is not { } target)
        {
            UserAgentLog.NoRoute(_agent.Logger, CallId.Value, NextHopUri.ToString());
            return;
        }
        lock (_gate)
        {
            (_ack, _ackTarget) = (ack, target);
        }
        _agent.SendOutsideTransaction(ack, target);
    }

    /// <summary>The 2xx that formed the dialog came again: our ACK was lost, so it goes again.</summary>
    internal void OnSuccessRetransmission(SipResponse ok)
    {
        SipRequest? ack;
        SipRemote? target;
        lock (_gate)
        {
            (ack, target) = (_ack, _ackTarget);
        }
        if (ack is not null && target is not null && ok.CSeq?.Number == ack.CSeq?.Number)
        {
            _agent.SendOutsideTransaction(ack, target);
        }
    }
}
