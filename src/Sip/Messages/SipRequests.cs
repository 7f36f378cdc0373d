using System.Globalization;

namespace OpenTalk.Sip.Messages;

/// <summary>
/// Requests a UAC builds: a new request outside a dialog (RFC 3261 §8.1.1), the CANCEL of an INVITE (§9.1) and the
/// ACK of a non-2xx final response, which belongs to the INVITE transaction (§17.1.1.3).
/// </summary>
public static class SipRequests
{
    /// <summary>
    /// A request with the headers §8.1.1 requires: our Via (fresh branch, <c>rport</c> asked for), Max-Forwards,
    /// From with a fresh tag unless it has one, To, Call-ID, CSeq, and Contact when given.
    /// </summary>
    public static SipRequest Create(string method, SipUri requestUri, NameAddress from, NameAddress to, SipCallId callId, uint cseq,
        Via via, NameAddress? contact = null, int maxForwards = 70)
    {
        var request = new SipRequest { Method = method, RequestUri = requestUri };
        request.Headers.Add(HeaderNames.Via, (via.Branch is null ? via.WithParameter("branch", SipIds.NewBranch()) : via).ToString());
        request.Headers.Add(HeaderNames.MaxForwards, maxForwards.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(HeaderNames.From, (from.Tag is null ? from.WithTag(SipIds.NewTag()) : from).ToString());
        request.Headers.Add(HeaderNames.To, to.ToString());
        request.Headers.Add(HeaderNames.CallId, callId.Value);
        request.Headers.Add(HeaderNames.CSeq, new CSeq(cseq, method).ToString());
        if (contact is not null)
        {
            request.Headers.Add(HeaderNames.Contact, contact.ToString());
        }
        return request;
    }

    /// <summary>
    /// The CANCEL of <paramref name="invite"/> (§9.1): same Request-URI, Call-ID, From, To and CSeq number, only the
    /// top Via (so the same branch), the same Routes, and no body.
    /// </summary>
    public static SipRequest Cancel(SipRequest invite) => SameTransaction(invite, SipMethods.Cancel, invite.Headers.Get(HeaderNames.To));

    /// <summary>
    /// The ACK of a 3xx-6xx final response to <paramref name="invite"/> (§17.1.1.3): as a CANCEL would be, but with the
    /// response's To (which carries the UAS's tag).
    /// </summary>
    public static SipRequest AckForFailure(SipRequest invite, SipResponse response) =>
        SameTransaction(invite, SipMethods.Ack, response.Headers.Get(HeaderNames.To) ?? invite.Headers.Get(HeaderNames.To));

    private static SipRequest SameTransaction(SipRequest invite, string method, string? to)
    {
        var request = new SipRequest { Method = method, RequestUri = invite.RequestUri };
        if (invite.Headers.GetValues(HeaderNames.Via) is [var topVia, ..])
        {
            request.Headers.Add(HeaderNames.Via, topVia);
        }
        Copy(HeaderNames.MaxForwards);
        Copy(HeaderNames.From);
        if (to is not null)
        {
            request.Headers.Add(HeaderNames.To, to);
        }
        Copy(HeaderNames.CallId);
        if (invite.CSeq is { } cseq)
        {
            request.Headers.Add(HeaderNames.CSeq, new CSeq(cseq.Number, method).ToString());
        }
        foreach (var route in invite.Headers.GetLines(HeaderNames.Route))
        {
            request.Headers.Add(HeaderNames.Route, route);
        }
        return request;

        void Copy(string name)
        {
            if (invite.Headers.Get(name) is { } value)
            {
                request.Headers.Add(name, value);
            }
        }
    }
}
