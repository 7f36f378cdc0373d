using OpenTalk.Sip.Auth;
using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Transport;

namespace OpenTalk.Sip.UserAgent;

/// <summary>
/// One call we place (RFC 3261 §13.2): the INVITE, sent again once with credentials after a 401 or 407 (§22.2); a
/// CANCEL when the caller gives up, sent only once a provisional response came (§9.1); and the dialog of the 2xx,
/// which we acknowledge ourselves (§13.2.2.4). A 2xx that comes anyway after we gave up, or from a second branch of
/// a fork, is acknowledged and ended with BYE at once.
/// </summary>
internal sealed partial class OutgoingCall
{
    private readonly object _gate = new();
    private readonly SipUserAgent _agent;
    private readonly SipCallRequest _request;
    private readonly Action<SipResponse>? _progress;
    private readonly DigestSession? _digest;
    private readonly NameAddress _from;
    private readonly SipCallId _callId = SipIds.NewCallId();
    private readonly TaskCompletionSource _cancelSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<SipResponse> _earlySuccesses = [];
    private SipRemote _hop = null!;
    private uint _cseq;
    private SipRequest? _invite;
    private bool _proceeding;
    private bool _givenUp;
    private bool _cancelled;
    private SipDialog? _dialog;

    public OutgoingCall(SipUserAgent agent, SipCallRequest request, Action<SipResponse>? progress)
    {
        _agent = agent;
        _request = request;
        _progress = progress;
        _digest = request.Credentials is { } credentials ? new DigestSession(credentials) : null;
        _from = request.From.Tag is null ? request.From.WithTag(SipIds.NewTag()) : request.From;
    }

    public async Task<SipDialog> RunAsync(CancellationToken ct)
    {
        var hopUri = _request.OutboundProxy ?? _request.Target;
        _hop = await SipUserAgent.ResolveAsync(hopUri, ct) ?? throw new SipCallFailedException(503, $"no address for {hopUri.Host}");
        UserAgentLog.Calling(_agent.Logger, _callId.Value, _request.Target.ToString());

        using var ringTimeout = new CancellationTokenSource(_request.RingTimeout, _agent.Transactions.Time);
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(ct, ringTimeout.Token);
        using var onGiveUp = giveUp.Token.Register(GiveUp);
        var (invite, final) = await InviteAsync();
        if (final?.StatusCode is >= 200 and < 300)
        {
            var dialog = await ConfirmAsync(invite!, final);
            if (!GivenUp)
            {
                return dialog;
            }
            await dialog.HangUpAsync(CancellationToken.None);
        }
        if (GivenUp)
        {
            UserAgentLog.CallFailed(_agent.Logger, _callId.Value, ct.IsCancellationRequested ? "cancelled" : "not answered in time");
            throw ct.IsCancellationRequested ? new OperationCanceledException(ct) : new SipCallFailedException(408, ReasonPhrases.For(408));
        }
        UserAgentLog.CallFailed(_agent.Logger, _callId.Value, $"{final!.StatusCode} {final.ReasonPhrase}");
        throw new SipCallFailedException(final.StatusCode, final.ReasonPhrase);
    }

    private bool GivenUp
    {
        get
        {
            lock (_gate)
            {
                return _givenUp;
            }
        }
    }

    /// <summary>The last INVITE and its final response; no response when the caller gave up before it went out.</summary>
    private async Task<(SipRequest? Invite, SipResponse? Final)> InviteAsync()
    {
        while (true)
        {
            var invite = NewInvite();
            lock (_gate)
            {
                if (_givenUp)
                {
                    return (null, null);
                }
                (_invite, _proceeding) = (invite, false);
            }
            var transaction = _agent.Transactions.SendInvite(invite, _hop, OnProvisional, OnSuccess);
            var final = await FinalAsync(transaction);
            if (final.StatusCode is 401 or 407 && !transaction.GaveUp && !GivenUp && _digest?.Accept(final) == true)
            {
                continue;
            }
            return (invite, final);
        }
    }

    private SipRequest NewInvite()
    {
        var invite = SipRequests.Create(SipMethods.Invite, _request.Target, _from, new NameAddress(_request.Target), _callId, ++_cseq,
            _agent.NewVia(_hop.Transport), _agent.ContactFor(_hop));
        if (_request.OutboundProxy is { } proxy)
        {
            invite.Headers.Add(HeaderNames.Route, new NameAddress(proxy.Parameters.Contains("lr") ? proxy : proxy.WithParameter("lr", null)).ToString());
        }
        invite.Headers.Add(HeaderNames.Allow, SipUserAgent.AllowedMethods);
        invite.Headers.Add(HeaderNames.UserAgent, _agent.Options.Product);
        invite.Headers.Add(HeaderNames.ContentType, _request.ContentType);
        invite.Body = _request.Sdp;
        _digest?.Authorize(invite);
        return invite;
    }

    /// <summary>
    /// A 2xx after the first, under the transaction's lock: the first one's again (its ACK goes again), or another
    /// branch's. Until the dialog exists they wait: the ACK about to go answers the first anyway.
    /// </summary>
    private void OnSuccess(SipResponse ok)
    {
        SipDialog? dialog;
        lock (_gate)
        {
            dialog = _dialog;
            if (dialog is null)
            {
                _earlySuccesses.Add(ok);
                return;
            }
        }
        OnSuccess(dialog, ok);
    }

    private void OnSuccess(SipDialog dialog, SipResponse ok)
    {
        if (ok.To?.Tag == dialog.RemoteTag)
        {
            dialog.OnSuccessRetransmission(ok);
            return;
        }
        SipRequest? invite;
        lock (_gate)
        {
            invite = _invite;
        }
        if (invite is not null)
        {
            _ = EndForkAsync(invite, ok);
        }
    }

    private async Task<SipDialog> ConfirmAsync(SipRequest invite, SipResponse ok)
    {
        var dialog = SipDialog.ForClient(_agent, invite, ok, _hop);
        _agent.AddDialog(dialog);
        await dialog.AcknowledgeAsync(invite);
        SipResponse[] early;
        lock (_gate)
        {
            _dialog = dialog;
            early = [.. _earlySuccesses];
        }
        foreach (var other in early)
        {
            OnSuccess(dialog, other);
        }
        return dialog;
    }

    /// <summary>A second branch of a fork answered too: we keep one call, so this one is acknowledged and ended (§13.2.2.4).</summary>
    private async Task EndForkAsync(SipRequest invite, SipResponse ok)
    {
        try
        {
            var fork = SipDialog.ForClient(_agent, invite, ok, _hop);
            await fork.AcknowledgeAsync(invite);
            await fork.HangUpAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            UserAgentLog.HandlerFailed(_agent.Logger, e);
        }
    }
}
