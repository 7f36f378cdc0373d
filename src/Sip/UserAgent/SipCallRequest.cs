using OpenTalk.Sip.Auth;
using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.UserAgent;

/// <summary>A call to place with <see cref="SipUserAgent.CallAsync"/>: whom to call, as whom, with which offer.</summary>
/// <param name="Target">The Request-URI and To; its <c>transport</c> parameter picks UDP (the default) or TCP.</param>
/// <param name="From">Who calls; a tag is added when it has none.</param>
public sealed record SipCallRequest(SipUri Target, NameAddress From, byte[] Sdp, string ContentType = "application/sdp")
{
    /// <summary>Answers a 401 or 407 by sending the INVITE again with Digest credentials, once per nonce (RFC 3261 §22.2).</summary>
    public DigestCredentials? Credentials { get; init; }

    /// <summary>The first hop instead of <see cref="Target"/> (a trunk's proxy): the INVITE carries it as a loose Route (§8.1.2).</summary>
    public SipUri? OutboundProxy { get; init; }

    /// <summary>With no final answer by then the call is cancelled and fails with 408.</summary>
    public TimeSpan RingTimeout { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>A call or registration the far end refused (3xx-6xx), or one that failed here: 408 without an answer, 503 unreachable.</summary>
public sealed class SipCallFailedException(int statusCode, string reason) : Exception($"{statusCode} {reason}")
{
    public int StatusCode { get; } = statusCode;

    /// <summary>The response's reason phrase, or what went wrong here.</summary>
    public string Reason { get; } = reason;
}
