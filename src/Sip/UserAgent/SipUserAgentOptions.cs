using System.Net;
using OpenTalk.Sip.Transactions;
using OpenTalk.Sip.Transport;

namespace OpenTalk.Sip.UserAgent;

/// <summary>How a <see cref="SipUserAgent"/> listens and presents itself.</summary>
public sealed record SipUserAgentOptions
{
    public SipTransportOptions Transport { get; init; } = new();

    /// <summary>
    /// The address peers should reach us at, when it is not the one we bind (a gateway behind NAT): it goes into
    /// Contact and Via, and the TU should put <see cref="SipUserAgent.AdvertisedAddress"/> into its SDP.
    /// </summary>
    public IPAddress? PublicAddress { get; init; }

    /// <summary>The user part of our Contact.</summary>
    public string User { get; init; } = "opentalk";

    /// <summary>The Server header of our responses and User-Agent of our requests.</summary>
    public string Product { get; init; } = "OpenTalk";

    public SipTimers Timers { get; init; } = SipTimers.Default;

    /// <summary>An INVITE nobody answered within this long gets 408 and its call's cancellation fires.</summary>
    public TimeSpan UnansweredCallTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Calls offered and not yet taken from <see cref="SipUserAgent.IncomingCalls"/>; beyond that callers hear 486.</summary>
    public int MaxPendingCalls { get; init; } = 64;
}

/// <summary>Why a dialog ended.</summary>
public enum SipDialogEndReason
{
    /// <summary>The peer sent BYE.</summary>
    RemoteHangUp,
    /// <summary>We sent BYE (<see cref="SipDialog.HangUpAsync"/>).</summary>
    LocalHangUp,
    /// <summary>Our 2xx was never acknowledged within 64·T1; we sent BYE (RFC 3261 §13.3.1.4).</summary>
    NoAck,
    /// <summary>The user agent stopped.</summary>
    Shutdown,
}

/// <summary>A key pressed at the far end, sent as SIP INFO (RFC 2976 with <c>application/dtmf-relay</c>).</summary>
public sealed class SipDtmfEventArgs(char key, int? durationMs) : EventArgs
{
    public char Key { get; } = key;
    public int? DurationMs { get; } = durationMs;
}

/// <summary>A call that could not be set up: accepted but never acknowledged, or ended before the ACK.</summary>
public sealed class SipCallException(string message) : Exception(message);
