using System.Collections.Concurrent;
using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Transport;

namespace OpenTalk.Sip.UserAgent;

/// <summary>What we start ourselves: calls (§13.2) and registrations (§10.2).</summary>
public sealed partial class SipUserAgent
{
    private readonly ConcurrentDictionary<SipRegistration, byte> _registrations = new();

    /// <summary>
    /// Places a call and returns its dialog once the 2xx came and we acknowledged it. Every 1xx goes to
    /// <paramref name="progress"/>, called on the transport's loop (return quickly). A refusal throws
    /// <see cref="SipCallFailedException"/> with its status, as does <see cref="SipCallRequest.RingTimeout"/> (408, after
    /// CANCEL); cancelling <paramref name="ct"/> sends CANCEL and throws <see cref="OperationCanceledException"/>. Both
    /// wait for the INVITE's end: CANCEL may only follow a provisional response, and a 2xx that crosses it is
    /// acknowledged and ended with BYE.
    /// </summary>
    public Task<SipDialog> CallAsync(SipCallRequest request, Action<SipResponse>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hop = request.OutboundProxy ?? request.Target;
        if (hop.Scheme != "sip")
        {
            throw new ArgumentException($"We reach sip: URIs only (no TLS for sips:), not {hop}", nameof(request));
        }
        return new OutgoingCall(this, request, progress).RunAsync(ct);
    }

    /// <summary>
    /// Registers our Contact for <see cref="SipRegistrationOptions.AddressOfRecord"/> at once and keeps it registered
    /// until the registration is disposed (which unregisters), or this agent is.
    /// </summary>
    public SipRegistration Register(SipRegistrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Registrar.Scheme != "sip")
        {
            throw new ArgumentException($"We reach sip: URIs only (no TLS for sips:), not {options.Registrar}", nameof(options));
        }
        var registration = new SipRegistration(this, options);
        _registrations[registration] = 0;
        registration.Start();
        return registration;
    }

    internal void Forget(SipRegistration registration) => _registrations.TryRemove(registration, out _);

    /// <summary>
    /// Where a request to <paramref name="uri"/> goes outside a dialog: its host by A/AAAA (no SRV), its port or 5060,
    /// over its <c>transport</c> parameter or UDP (§18.1.1 without RFC 3263).
    /// </summary>
    internal static async Task<SipRemote?> ResolveAsync(SipUri uri, CancellationToken ct)
    {
        var transport = string.Equals(uri.Parameters.Get("transport"), "tcp", StringComparison.OrdinalIgnoreCase) ? SipTransportKind.Tcp : SipTransportKind.Udp;
        return await ViaRules.ResolveAsync(uri.Host, uri.Port ?? 5060, ct) is { } endPoint ? new SipRemote(transport, endPoint) : null;
    }

    /// <summary>Sends what no transaction carries (the ACK of a 2xx), logging a failure instead of throwing it.</summary>
    internal void SendOutsideTransaction(SipMessage message, SipRemote remote) =>
        _ = _transport.SendAsync(message, remote).ContinueWith(t => UserAgentLog.SendFailed(Logger, t.Exception!.GetBaseException().Message),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
