using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Transactions;

namespace OpenTalk.Sip.UserAgent;

/// <summary>
/// Giving up on a call (RFC 3261 §9.1): the CANCEL goes once the INVITE had a provisional response, right away or when
/// the first one comes; the INVITE then has 64·T1 for its final response.
/// </summary>
internal sealed partial class OutgoingCall
{
    /// <summary>The INVITE's final response; once CANCEL went out it has 64·T1 to come, then the INVITE is given up (§9.1).</summary>
    private async Task<SipResponse> FinalAsync(InviteClientTransaction transaction)
    {
        await Task.WhenAny(transaction.Final, _cancelSent.Task);
        if (!transaction.Final.IsCompleted)
        {
            try
            {
                await transaction.Final.WaitAsync(_agent.Transactions.Timers.Timeout, _agent.Transactions.Time);
            }
            catch (TimeoutException)
            {
                transaction.Abandon(487);
            }
        }
        return await transaction.Final;
    }

    /// <summary>A 1xx, under the transaction's lock: a CANCEL waiting for it goes now, then the caller hears of it.</summary>
    private void OnProvisional(SipResponse response)
    {
        SipRequest? cancel;
        lock (_gate)
        {
            _proceeding = true;
            cancel = TakeCancel();
        }
        if (cancel is not null)
        {
            SendCancel(cancel);
        }
        try
        {
            _progress?.Invoke(response);
        }
        catch (Exception e)
        {
            UserAgentLog.HandlerFailed(_agent.Logger, e);
        }
    }

    private void GiveUp()
    {
        SipRequest? cancel;
        lock (_gate)
        {
            _givenUp = true;
            cancel = TakeCancel();
        }
        if (cancel is not null)
        {
            SendCancel(cancel);
        }
    }

    /// <summary>The INVITE to cancel when the caller gave up and a provisional response came, once; under the lock.</summary>
    private SipRequest? TakeCancel()
    {
        if (!_givenUp || !_proceeding || _cancelled || _invite is null)
        {
            return null;
        }
        _cancelled = true;
        return _invite;
    }

    private void SendCancel(SipRequest invite)
    {
        var cancel = SipRequests.Cancel(invite);
        cancel.Headers.Add(HeaderNames.UserAgent, _agent.Options.Product);
        _agent.Transactions.Send(cancel, _hop);
        _cancelSent.TrySetResult();
    }
}
