namespace OpenTalk.Sip.Auth;

/// <summary>A Digest challenge from a 401 or 407 (RFC 2617 §3.2.1, RFC 8760 for SHA-256).</summary>
public sealed record DigestChallenge(string Realm, string Nonce, string? Opaque, string Algorithm, IReadOnlyList<string> Qop, bool Stale)
{
    public static DigestChallenge? TryParse(string? headerValue)
    {
        var header = AuthHeader.TryParse(headerValue);
        if (header is null || !header.Scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase) || header["realm"] is not { } realm || header["nonce"] is not { } nonce)
        {
            return null;
        }
        var qop = header["qop"]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        return new DigestChallenge(realm, nonce, header["opaque"], header["algorithm"] ?? "MD5", qop,
            string.Equals(header["stale"], "true", StringComparison.OrdinalIgnoreCase));
    }
}
