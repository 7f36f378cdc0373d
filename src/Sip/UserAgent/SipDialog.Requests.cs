using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Transactions;
using OpenTalk.Sip.Transport;

namespace OpenTalk.Sip.UserAgent;

/// <summary>Requests inside the dialog: those the peer sends (§12.2.2) and our BYE (§12.2.1.1, §15.1.1).</summary>
public sealed partial class SipDialog
{
    internal void OnRequest(ServerTransaction transaction)
    {
        var request = transaction.Request;
        var cseq = request.CSeq?.Number ?? 0;
        lock (_gate)
        {
            // §12.2.2: a sequence number below the last one is out of order.
            if (cseq < RemoteCSeq)
            {
                _agent.Respond(transaction, _agent.Response(request, 500));
                return;
            }
            RemoteCSeq = cseq;
        }
        switch (request.Method)
        {
            case SipMethods.Bye:
                _agent.Respond(transaction, _agent.Response(request, 200));
                End(SipDialogEndReason.RemoteHangUp);
                break;
            case SipMethods.Info:
                _agent.Respond(transaction, _agent.Response(request, 200));
                if (DtmfRelay.Parse(request.ContentType, request.Body) is { } dtmf)
                {
                    Raise(new SipDtmfEventArgs(dtmf.Key, dtmf.DurationMs));
                }
                break;
            case SipMethods.Invite:
                ReInvite(transaction);
                break;
            case SipMethods.Options:
                _agent.Respond(transaction, SipUserAgent.WithCapabilities(_agent.Response(request, 200)));
                break;
            default:
                _agent.Respond(transaction, SipUserAgent.WithCapabilities(_agent.Response(request, 501)));
                break;
        }
    }

    private void ReInvite(ServerTransaction transaction)
    {
        var request = transaction.Request;
        byte[]? answer;
        try
        {
            answer = request.Body.Length == 0 || ReInviteAnswer is null ? LocalSdp : ReInviteAnswer(request.Body);
        }
        catch (Exception e)
        {
            UserAgentLog.HandlerFailed(_agent.Logger, e);
            answer = null;
        }
        if (answer is null)
        {
            _agent.Respond(transaction, _agent.Response(request, 488));
            return;
        }
        var ok = _agent.Response(request, 200);
        ok.Headers.Add(HeaderNames.Contact, _agent.ContactFor(Remote).ToString());
        ok.Headers.Add(HeaderNames.ContentType, LocalContentType);
        ok.Body = answer;
        lock (_gate)
        {
            // §12.2.2: a target refresh replaces the remote target.
            if (request.Contacts is [var contact, ..])
            {
                RemoteTarget = contact.Uri;
            }
            LocalSdp = answer;
            if (request.Body.Length > 0)
            {
                RemoteSdp = request.Body;
            }
        }
        var retransmitter = AwaitAck(ok);
        _agent.Respond(transaction, ok);
        _ = retransmitter.Outcome.ContinueWith(async outcome =>
        {
            if (outcome.Result == AckOutcome.NoAck)
            {
                await HangUpAsync(SipDialogEndReason.NoAck);
            }
        }, TaskScheduler.Default);
    }

    private void Raise(SipDtmfEventArgs args)
    {
        try
        {
            Dtmf?.Invoke(this, args);
        }
        catch (Exception e)
        {
            UserAgentLog.HandlerFailed(_agent.Logger, e);
        }
    }

    /// <summary>
    /// Sends BYE and waits for its final response (at most 64·T1, the transaction's Timer F, or until
    /// <paramref name="cancellationToken"/>); the dialog has ended when this returns. Null when the dialog was already over.
    /// </summary>
    public Task<SipResponse?> HangUpAsync(CancellationToken cancellationToken = default) =>
        HangUpAsync(SipDialogEndReason.LocalHangUp, cancellationToken);

    internal async Task<SipResponse?> HangUpAsync(SipDialogEndReason reason, CancellationToken cancellationToken = default)
    {
        SipRequest bye;
        lock (_gate)
        {
            if (_ending)
            {
                return null;
            }
            _ending = true;
            bye = NewRequest(SipMethods.Bye);
        }
        try
        {
            if (await NextHopAsync(cancellationToken) is not { } target)
            {
                return null;
            }
            var transaction = _agent.Transactions.Send(bye, target);
            return await transaction.Final.WaitAsync(cancellationToken);
        }
        finally
        {
            End(reason);
        }
    }

    /// <summary>
    /// A request in the dialog (§12.2.1.1): remote target as Request-URI, the route set as Route, our next CSeq unless
    /// <paramref name="cseq"/> is given (the ACK of a 2xx takes its INVITE's).
    /// </summary>
    private SipRequest NewRequest(string method, uint? cseq = null)
    {
        var request = new SipRequest { Method = method, RequestUri = RemoteTarget };
        var transport = TransportTo(NextHopUri);
        request.Headers.Add(HeaderNames.Via, _agent.NewVia(transport).ToString());
        request.Headers.Add(HeaderNames.MaxForwards, "70");
        request.Headers.Add(HeaderNames.From, LocalParty.ToString());
        request.Headers.Add(HeaderNames.To, RemoteParty.ToString());
        request.Headers.Add(HeaderNames.CallId, CallId.Value);
        request.Headers.Add(HeaderNames.CSeq, new CSeq(cseq ?? ++LocalCSeq, method).ToString());
        foreach (var route in RouteSet)
        {
            request.Headers.Add(HeaderNames.Route, route.ToString());
        }
        request.Headers.Add(HeaderNames.UserAgent, _agent.Options.Product);
        return request;
    }

    /// <summary>The first Route when there is one (loose routing, §16.12), else the remote target.</summary>
    private SipUri NextHopUri => RouteSet.Count > 0 ? RouteSet[0].Uri : RemoteTarget;

    /// <summary>The URI's transport parameter, else the transport the dialog formed over (reusing its connection, as RFC 5923 does).</summary>
    private SipTransportKind TransportTo(SipUri uri) => uri.Parameters.Get("transport")?.ToLowerInvariant() switch
    {
        "tcp" => SipTransportKind.Tcp,
        "udp" => SipTransportKind.Udp,
        _ => Remote.Transport,
    };

    private async Task<SipRemote?> NextHopAsync(CancellationToken cancellationToken)
    {
        var uri = NextHopUri;
        var transport = TransportTo(uri);
        var port = uri.Port ?? 5060;
        var endPoint = await ViaRules.ResolveAsync(uri.Host, port, cancellationToken);
        if (endPoint is null)
        {
            return null;
        }
        var connection = transport == SipTransportKind.Tcp && Remote.Transport == SipTransportKind.Tcp ? Remote.ConnectionId : 0;
        return new SipRemote(transport, endPoint, connection);
    }
}
