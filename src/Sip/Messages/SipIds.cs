using System.Security.Cryptography;

namespace OpenTalk.Sip.Messages;

/// <summary>Fresh identifiers: branches (RFC 3261 §8.1.1.7), tags (§19.3) and Call-IDs (§8.1.1.4), all random.</summary>
public static class SipIds
{
    /// <summary>A branch unique across space and time, starting with the magic cookie.</summary>
    public static string NewBranch() => Via.MagicCookie + RandomHex(12);

    /// <summary>A tag with at least 32 bits of randomness, as §19.3 asks.</summary>
    public static string NewTag() => RandomHex(6);

    public static SipCallId NewCallId(string? host = null) => new(host is null ? RandomHex(16) : RandomHex(12) + "@" + host);

    private static string RandomHex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
