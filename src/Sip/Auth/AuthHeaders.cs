using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Auth;

/// <summary>The authentication headers of a message, read as challenges or credentials.</summary>
public static class AuthHeaders
{
    /// <summary>Every Digest challenge of a 401 (WWW-Authenticate) or 407 (Proxy-Authenticate), in order.</summary>
    public static IReadOnlyList<DigestChallenge> DigestChallenges(this SipResponse response) =>
    [
        .. response.Headers.GetLines(response.StatusCode == 407 ? HeaderNames.ProxyAuthenticate : HeaderNames.WwwAuthenticate)
            .Select(DigestChallenge.TryParse).OfType<DigestChallenge>(),
    ];

    /// <summary>The credentials a request carries for a server (Authorization) or a proxy (Proxy-Authorization).</summary>
    public static AuthHeader? Credentials(this SipRequest request, bool forProxy = false) =>
        AuthHeader.TryParse(request.Headers.Get(forProxy ? HeaderNames.ProxyAuthorization : HeaderNames.Authorization));
}
