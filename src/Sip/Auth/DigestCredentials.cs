using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenTalk.Sip.Auth;

/// <summary>
/// A user name and password that answer Digest challenges (RFC 2617 §3.2.2 as SIP uses it, RFC 3261 §22.4): MD5,
/// MD5-sess and SHA-256 (RFC 8760), with <c>qop=auth</c> when offered, else the RFC 2069 form without qop.
/// </summary>
public sealed record DigestCredentials(string Username, string Password)
{
    /// <summary>
    /// The Authorization (or Proxy-Authorization) value for <paramref name="method"/> on <paramref name="uri"/>, or
    /// null when the challenge asks for what we cannot do (an unknown algorithm, only <c>auth-int</c>).
    /// </summary>
    public string? Authorize(DigestChallenge challenge, string method, string uri, string? cnonce = null, uint nonceCount = 1)
    {
        var algorithm = challenge.Algorithm.ToUpperInvariant();
        if (!CanAnswer(challenge) || HashFor(algorithm) is not { } hash)
        {
            return null;
        }
        var useQop = challenge.Qop.Count > 0;
        cnonce ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var nc = nonceCount.ToString("x8", CultureInfo.InvariantCulture);
        var ha1 = hash($"{Username}:{challenge.Realm}:{Password}");
        if (algorithm.EndsWith("-SESS", StringComparison.Ordinal))
        {
            ha1 = hash($"{ha1}:{challenge.Nonce}:{cnonce}");
        }
        var ha2 = hash($"{method}:{uri}");
        var response = useQop ? hash($"{ha1}:{challenge.Nonce}:{nc}:{cnonce}:auth:{ha2}") : hash($"{ha1}:{challenge.Nonce}:{ha2}");

        var sb = new StringBuilder("Digest ")
            .Append("username=").Append(Quote(Username))
            .Append(", realm=").Append(Quote(challenge.Realm))
            .Append(", nonce=").Append(Quote(challenge.Nonce))
            .Append(", uri=").Append(Quote(uri))
            .Append(", response=\"").Append(response).Append('"')
            .Append(", algorithm=").Append(challenge.Algorithm);
        if (useQop)
        {
            sb.Append(", cnonce=\"").Append(cnonce).Append("\", qop=auth, nc=").Append(nc);
        }
        if (challenge.Opaque is not null)
        {
            sb.Append(", opaque=").Append(Quote(challenge.Opaque));
        }
        return sb.ToString();
    }

    /// <summary>Whether <see cref="Authorize"/> can answer the challenge: a known algorithm, and <c>qop=auth</c> or no qop.</summary>
    public static bool CanAnswer(DigestChallenge challenge) =>
        HashFor(challenge.Algorithm.ToUpperInvariant()) is not null
        && (challenge.Qop.Count == 0 || challenge.Qop.Contains("auth", StringComparer.OrdinalIgnoreCase));

    private static Func<string, string>? HashFor(string algorithm) => algorithm switch
    {
        "MD5" or "MD5-SESS" => Md5,
        "SHA-256" or "SHA-256-SESS" => Sha256,
        _ => null,
    };

    /// <summary>Without the password: credentials end up in logs through string interpolation sooner or later.</summary>
    public override string ToString() => $"DigestCredentials {{ Username = {Username} }}";

    private static string Quote(string s) => Messages.SipGrammar.Quote(s);

#pragma warning disable CA5351 // SIP Digest (RFC 2617, RFC 3261 §22.4) is defined over MD5; peers and trunks still require it.
    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
