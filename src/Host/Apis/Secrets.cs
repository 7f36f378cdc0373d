using System.Security.Cryptography;
using System.Text;

namespace OpenTalk.Host.Apis;

/// <summary>Tickets, resumption tokens and invite codes: random secrets, stored only as hashes.</summary>
public static class Secrets
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Splits <c>{participant id}.{secret}</c>; null when it is not of that shape.</summary>
    public static (Guid Id, string Secret)? Split(string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        return dot == 32 && Guid.TryParseExact(token[..dot], "N", out var id) && token.Length > dot + 1
            ? (id, token[(dot + 1)..])
            : null;
    }

    /// <summary>Invite codes name their room, so any node can check one without an index.</summary>
    public static string NewInviteCode(Guid roomId) => $"{roomId:N}{New()[..22]}";

    public static Guid? RoomOfInvite(string? code) =>
        code is { Length: > 32 } && Guid.TryParseExact(code[..32], "N", out var room) ? room : null;
}
