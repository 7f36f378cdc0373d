using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Auth;

/// <summary>
/// Answers a server's Digest challenges over a series of requests, a call's INVITEs or a registration's REGISTERs
/// (RFC 3261 §22.2, RFC 2617 §3.2.2). Once a 401 or 407 came, every request carries credentials for its nonce with a
/// growing nonce count, until the server challenges again. Not thread-safe: one series, one request at a time.
/// </summary>
public sealed class DigestSession(DigestCredentials credentials)
{
    private DigestChallenge? _challenge;
    private bool _forProxy;
    private uint _count;

    /// <summary>
    /// Takes a 401 or 407 to the last request. True when the request should go again with <see cref="Authorize"/>;
    /// false when the credentials were refused or the challenge asks for what we cannot do. A challenge is a refusal
    /// when it repeats the nonce we answered, or brings a new one without <c>stale=true</c> right after we answered a
    /// fresh challenge; after a nonce was reused (a refresh) a new one only means the old one expired.
    /// </summary>
    public bool Accept(SipResponse response)
    {
        if (response.StatusCode is not (401 or 407) || response.DigestChallenges().FirstOrDefault(DigestCredentials.CanAnswer) is not { } challenge)
        {
            return false;
        }
        if (_challenge is { } answered && (challenge.Nonce == answered.Nonce || (_count <= 1 && !challenge.Stale)))
        {
            return false;
        }
        _challenge = challenge;
        _forProxy = response.StatusCode == 407;
        _count = 0;
        return true;
    }

    /// <summary>Puts Authorization (Proxy-Authorization after a 407) for the last challenge into <paramref name="request"/>; nothing before any challenge.</summary>
    public void Authorize(SipRequest request)
    {
        if (_challenge is null || credentials.Authorize(_challenge, request.Method, request.RequestUri.ToString(), nonceCount: ++_count) is not { } value)
        {
            return;
        }
        request.Headers.Set(_forProxy ? HeaderNames.ProxyAuthorization : HeaderNames.Authorization, value);
    }
}
