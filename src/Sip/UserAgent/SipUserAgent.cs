using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Transactions;
using OpenTalk.Sip.Transport;

namespace OpenTalk.Sip.UserAgent;

/// <summary>
/// A user agent taking and placing calls (RFC 3261 §8, §12-15): new INVITEs become <see cref="IncomingCall"/>s on
/// <see cref="IncomingCalls"/>, requests inside a dialog go to their <see cref="SipDialog"/>, and the rest is answered
/// here: OPTIONS 200, BYE or INFO without a dialog 481, methods we know but do not serve 405, unknown ones 501.
/// <see cref="CallAsync"/> places calls and <see cref="Register"/> keeps a binding at a registrar.
/// </summary>
public sealed partial class SipUserAgent : ISipCore, IAsyncDisposable
{
    internal const string AllowedMethods = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO";
    private static readonly HashSet<string> KnownMethods = new(StringComparer.Ordinal)
    {
        SipMethods.Register, SipMethods.Subscribe, SipMethods.Notify, SipMethods.Message, SipMethods.Refer, "PUBLISH",
    };

    private readonly ISipTransport _transport;
    private readonly Channel<IncomingCall> _incoming;
    private readonly ConcurrentDictionary<InviteServerTransaction, IncomingCall> _pending = new();
    private readonly ConcurrentDictionary<string, SipDialog> _dialogs = new(StringComparer.Ordinal);
    private SipTransport? _ownTransport;

    internal SipUserAgent(ISipTransport transport, SipUserAgentOptions options, TimeProvider? time = null, ILogger? logger = null)
    {
        _transport = transport;
        Options = options;
        Logger = logger ?? NullLogger.Instance;
        Transactions = new TransactionLayer(transport, this, time, options.Timers, Logger);
        _incoming = Channel.CreateBounded<IncomingCall>(new BoundedChannelOptions(options.MaxPendingCalls) { FullMode = BoundedChannelFullMode.DropWrite });
    }

    /// <summary>Binds the transport and starts taking requests.</summary>
    public static SipUserAgent Start(SipUserAgentOptions options, ILoggerFactory? loggers = null, TimeProvider? time = null)
    {
        var transport = new SipTransport(options.Transport, loggers?.CreateLogger<SipTransport>());
        var agent = new SipUserAgent(transport, options, time, loggers?.CreateLogger<SipUserAgent>()) { _ownTransport = transport };
        transport.Start(agent.Transactions.Receive);
        return agent;
    }

    /// <summary>Calls as they arrive; take them promptly (each has already had 100 Trying).</summary>
    public ChannelReader<IncomingCall> IncomingCalls => _incoming.Reader;

    public IPEndPoint UdpEndPoint => _transport.LocalEndPoint(SipTransportKind.Udp);
    public IPEndPoint TcpEndPoint => _transport.LocalEndPoint(SipTransportKind.Tcp);

    /// <summary>The address for Contact, Via and the TU's SDP: the public one when configured, else the bound one.</summary>
    public IPAddress AdvertisedAddress => Options.PublicAddress ?? UdpEndPoint.Address;

    internal SipUserAgentOptions Options { get; }
    internal ILogger Logger { get; }
    internal TransactionLayer Transactions { get; }
    internal ISipTransport Transport => _transport;

    void ISipCore.OnRequest(ServerTransaction transaction)
    {
        var request = transaction.Request;
        if (request.Headers.Get("Require") is { } require)
        {
            // §8.2.2.3: we support no extensions, so whatever is required is unsupported.
            var refusal = Response(request, 420);
            refusal.Headers.Add("Unsupported", require);
            Respond(transaction, refusal);
            return;
        }
        if (!request.RequestUri.IsSip && request.RequestUri.Scheme != "tel")
        {
            Respond(transaction, Response(request, 416));
            return;
        }
        if (request.To?.Tag is { } localTag)
        {
            if (_dialogs.TryGetValue(DialogKey(request.CallId, localTag, request.From?.Tag), out var dialog))
            {
                dialog.OnRequest(transaction);
            }
            else
            {
                Respond(transaction, Response(request, 481));
            }
            return;
        }
        switch (request.Method)
        {
            case SipMethods.Invite:
                Offer((InviteServerTransaction)transaction);
                break;
            case SipMethods.Options:
                Respond(transaction, WithCapabilities(Response(request, 200)));
                break;
            case SipMethods.Bye or SipMethods.Info or SipMethods.Update or SipMethods.Prack:
                Respond(transaction, Response(request, 481));
                break;
            case var method when KnownMethods.Contains(method):
                Respond(transaction, WithCapabilities(Response(request, 405)));
                break;
            default:
                Respond(transaction, WithCapabilities(Response(request, 501)));
                break;
        }
    }

    void ISipCore.OnCancel(NonInviteServerTransaction cancel, InviteServerTransaction? invite)
    {
        // §9.2: 200 when the INVITE's transaction exists (whether or not it is still unanswered), 481 when not.
        Respond(cancel, Response(cancel.Request, invite is null ? 481 : 200));
        if (invite is not null && _pending.TryGetValue(invite, out var call))
        {
            call.Cancel("CANCEL", 487);
        }
    }

    void ISipCore.OnAck(SipRequest ack, SipRemote remote)
    {
        if (ack.To?.Tag is { } localTag && _dialogs.TryGetValue(DialogKey(ack.CallId, localTag, ack.From?.Tag), out var dialog))
        {
            dialog.OnAck(ack);
        }
    }

    void ISipCore.OnStrayResponse(SipResponse response, SipRemote remote)
    {
        // A 2xx to our INVITE after its transaction ended: the callee has not had our ACK (§13.2.2.4).
        if (response.From?.Tag is { } localTag && response.To?.Tag is { } remoteTag
            && _dialogs.TryGetValue(DialogKey(response.CallId, localTag, remoteTag), out var dialog))
        {
            dialog.OnSuccessRetransmission(response);
        }
    }

    private void Offer(InviteServerTransaction transaction)
    {
        var call = new IncomingCall(this, transaction, SipIds.NewTag());
        UserAgentLog.IncomingCall(Logger, transaction.Request.CallId?.Value, transaction.Request.From?.Uri.ToString());
        _pending[transaction] = call;
        if (!_incoming.Writer.TryWrite(call))
        {
            UserAgentLog.TooManyCalls(Logger, transaction.Request.CallId?.Value);
            call.Cancel("too many calls waiting", 486);
            return;
        }
        call.StartTimeout();
    }

    internal void Forget(IncomingCall call) => _pending.TryRemove(call.Transaction, out _);

    internal void AddDialog(SipDialog dialog) => _dialogs[DialogKey(dialog.CallId, dialog.LocalTag, dialog.RemoteTag)] = dialog;

    internal void Forget(SipDialog dialog) => _dialogs.TryRemove(DialogKey(dialog.CallId, dialog.LocalTag, dialog.RemoteTag), out _);

    internal static string DialogKey(SipCallId? callId, string localTag, string? remoteTag) => $"{callId?.Value}|{localTag}|{remoteTag}";

    /// <summary>A response to <paramref name="request"/> carrying our Server header.</summary>
    internal SipResponse Response(SipRequest request, int status, string? toTag = null)
    {
        var response = SipResponse.For(request, status, toTag: toTag);
        response.Headers.Add(HeaderNames.Server, Options.Product);
        return response;
    }

    internal static SipResponse WithCapabilities(SipResponse response)
    {
        response.Headers.Add(HeaderNames.Allow, AllowedMethods);
        response.Headers.Add("Accept", "application/sdp, application/dtmf-relay");
        return response;
    }

    internal void Respond(ServerTransaction transaction, SipResponse response)
    {
        UserAgentLog.Answered(Logger, transaction.Request.Method, response.StatusCode);
        transaction.Respond(response);
    }

    /// <summary>Our Contact for a dialog formed over <paramref name="remote"/>'s transport.</summary>
    internal NameAddress ContactFor(SipRemote remote)
    {
        var uri = SipUri.Sip(Options.User, Host(AdvertisedAddress), _transport.LocalEndPoint(remote.Transport).Port);
        return new NameAddress(remote.Transport == SipTransportKind.Tcp ? uri.WithParameter("transport", "tcp") : uri);
    }

    /// <summary>The Via of a request we send over <paramref name="transport"/>: a fresh branch, rport asked for (RFC 3581).</summary>
    internal Via NewVia(SipTransportKind transport) =>
        new Via(transport == SipTransportKind.Udp ? "UDP" : "TCP", Host(AdvertisedAddress), _transport.LocalEndPoint(transport).Port, SipParameters.Empty)
            .WithParameter("branch", SipIds.NewBranch()).WithParameter("rport", null);

    private static string Host(IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();

    public async ValueTask DisposeAsync()
    {
        _incoming.Writer.TryComplete();
        // Unregistering needs the transport, so it goes first.
        await Task.WhenAll(_registrations.Keys.Select(r => r.DisposeAsync().AsTask()));
        foreach (var dialog in _dialogs.Values)
        {
            dialog.End(SipDialogEndReason.Shutdown);
        }
        if (_ownTransport is not null)
        {
            await _ownTransport.DisposeAsync();
        }
    }
}
