using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Transport;

namespace OpenTalk.Sip.Transactions;

/// <summary>What the transaction layer hands up (the "TU" of RFC 3261 §17): calls come from the transport's loops and must not block.</summary>
public interface ISipCore
{
    /// <summary>A new request (not ACK, not CANCEL) in a new server transaction, waiting for the core's response.</summary>
    void OnRequest(ServerTransaction transaction);

    /// <summary>
    /// A CANCEL in its own transaction, with the INVITE transaction it cancels when one matches (§9.2); with none the
    /// core answers 481.
    /// </summary>
    void OnCancel(NonInviteServerTransaction cancel, InviteServerTransaction? invite);

    /// <summary>An ACK no transaction took: the ACK of a 2xx, which belongs to the dialog (RFC 6026).</summary>
    void OnAck(SipRequest ack, SipRemote remote);

    /// <summary>A response no client transaction matches: a late 2xx to an INVITE is the core's to acknowledge again.</summary>
    void OnStrayResponse(SipResponse response, SipRemote remote);
}
