using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Transport;

namespace OpenTalk.Sip.Transactions;

/// <summary>
/// Matches what the transport delivers to transactions (RFC 3261 §17.1.3, §17.2.3): requests by the top Via's branch
/// and sent-by and the method, with ACK matching its INVITE and CANCEL finding the INVITE it cancels; responses by
/// branch and CSeq method. New requests open server transactions and go to the <see cref="ISipCore"/>.
/// </summary>
public sealed class TransactionLayer
{
    private readonly Dictionary<string, SipTransaction> _transactions = new(StringComparer.Ordinal);
    private readonly TransactionContext _context;
    private readonly ISipCore _core;

    public TransactionLayer(ISipTransport transport, ISipCore core, TimeProvider? time = null, SipTimers? timers = null, ILogger? logger = null)
    {
        _context = new TransactionContext(transport, time ?? TimeProvider.System, timers ?? SipTimers.Default, logger ?? NullLogger.Instance);
        _core = core;
    }

    public SipTimers Timers => _context.Timers;
    public TimeProvider Time => _context.Time;

    public int Count
    {
        get
        {
            lock (_transactions)
            {
                return _transactions.Count;
            }
        }
    }

    /// <summary>The transport's handler: every message that parsed.</summary>
    public void Receive(SipMessage message, SipRemote remote)
    {
        if (message is SipResponse response)
        {
            ReceiveResponse(response, remote);
            return;
        }
        var request = (SipRequest)message;
        if (request.Method == SipMethods.Ack)
        {
            if (Find(ServerKey(request, SipMethods.Invite)) is InviteServerTransaction invite && invite.OnAck())
            {
                return;
            }
            _core.OnAck(request, remote);
            return;
        }
        if (ServerKey(request, request.Method) is not { } key)
        {
            TransactionLog.Unmatchable(_context.Logger, remote);
            return;
        }
        var (transaction, isNew) = Open(key, request, remote);
        if (!isNew)
        {
            // Outside the layer's lock: a transaction ending takes its own lock first, then the layer's.
            transaction?.OnRetransmission();
            return;
        }
        switch (transaction)
        {
            case InviteServerTransaction invite:
                invite.Start();
                _core.OnRequest(invite);
                break;
            case NonInviteServerTransaction cancel when request.Method == SipMethods.Cancel:
                _core.OnCancel(cancel, Find(ServerKey(request, SipMethods.Invite)) as InviteServerTransaction);
                break;
            case { } other:
                _core.OnRequest(other);
                break;
        }
    }

    private (ServerTransaction? Transaction, bool IsNew) Open(string key, SipRequest request, SipRemote remote)
    {
        lock (_transactions)
        {
            if (_transactions.TryGetValue(key, out var existing))
            {
                return (existing as ServerTransaction, false);
            }
            ServerTransaction created = request.Method == SipMethods.Invite
                ? new InviteServerTransaction(_context, key, request, remote)
                : new NonInviteServerTransaction(_context, key, request, remote);
            Track(created);
            return (created, true);
        }
    }

    /// <summary>Sends a request other than INVITE and ACK in a new client transaction.</summary>
    public NonInviteClientTransaction Send(SipRequest request, SipRemote target, Action<SipResponse>? provisional = null)
    {
        var transaction = new NonInviteClientTransaction(_context, ClientKey(request), request, target) { Provisional = provisional };
        Start(transaction);
        return transaction;
    }

    /// <summary>Sends an INVITE in a new client transaction.</summary>
    public InviteClientTransaction SendInvite(SipRequest invite, SipRemote target, Action<SipResponse>? provisional = null, Action<SipResponse>? success = null)
    {
        var transaction = new InviteClientTransaction(_context, ClientKey(invite), invite, target) { Provisional = provisional, Success = success };
        Start(transaction);
        return transaction;
    }

    private void Start(ClientTransaction transaction)
    {
        lock (_transactions)
        {
            Track(transaction);
        }
        transaction.Start();
    }

    private void ReceiveResponse(SipResponse response, SipRemote remote)
    {
        var method = response.CSeq?.Method;
        if (response.TopVia?.Branch is { } branch && method is not null && Find(ClientKey(branch, method)) is ClientTransaction transaction)
        {
            transaction.OnResponse(response);
            return;
        }
        if (method == SipMethods.Invite && response.StatusCode is >= 200 and < 300)
        {
            _core.OnStrayResponse(response, remote);
            return;
        }
        TransactionLog.StrayResponse(_context.Logger, response.StatusCode, method);
    }

    private void Track(SipTransaction transaction)
    {
        _transactions[transaction.Key] = transaction;
        transaction.Forget = Forget;
    }

    private void Forget(SipTransaction transaction)
    {
        lock (_transactions)
        {
            if (_transactions.TryGetValue(transaction.Key, out var current) && ReferenceEquals(current, transaction))
            {
                _transactions.Remove(transaction.Key);
            }
        }
    }

    private SipTransaction? Find(string? key)
    {
        if (key is null)
        {
            return null;
        }
        lock (_transactions)
        {
            return _transactions.GetValueOrDefault(key);
        }
    }

    private static string ClientKey(SipRequest request) =>
        ClientKey(request.TopVia?.Branch ?? throw new ArgumentException("A request we send needs a Via with a branch", nameof(request)), request.Method);

    private static string ClientKey(string branch, string method) => $"c|{branch}|{method}";

    /// <summary>
    /// §17.2.3: the branch (with the magic cookie), the sent-by and the method, ACK counting as INVITE. Requests of RFC 2543
    /// peers, whose branches are not unique, are matched on Request-URI, From tag, Call-ID, CSeq number and the top Via.
    /// </summary>
    internal static string? ServerKey(SipRequest request, string method)
    {
        if (request.TopVia is not { } via || request.CSeq is not { } cseq)
        {
            return null;
        }
        var sentBy = $"{via.Host.ToLowerInvariant()}:{(via.Port ?? 0).ToString(CultureInfo.InvariantCulture)}";
        return via.Branch is { } branch && branch.StartsWith(Via.MagicCookie, StringComparison.Ordinal)
            ? $"s|{branch}|{sentBy}|{method}"
            : $"s2543|{request.RequestUri}|{request.From?.Tag}|{request.CallId}|{cseq.Number.ToString(CultureInfo.InvariantCulture)}|{sentBy}|{via.Branch}|{method}";
    }
}
