using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace OpenTalk.Host.Observability;

/// <summary>Who may scrape the metrics: callers from the allowed networks, and anyone with the token.</summary>
public sealed class MetricsAccess(IReadOnlyList<IPNetwork> allowed, string? token)
{
    public static IReadOnlyList<IPNetwork> Parse(IEnumerable<string> networks) =>
        [.. networks.Select(n => IPNetwork.TryParse(n, out var network)
            ? network
            : throw new InvalidOperationException($"Observability:MetricsAllowedFrom: '{n}' is not a network in CIDR notation (e.g. 10.0.0.0/8)."))];

    public bool Allows(HttpContext context) => FromAllowedNetwork(context.Connection.RemoteIpAddress) || HasToken(context.Request);

    private bool FromAllowedNetwork(IPAddress? address)
    {
        if (address is null)
            return false;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return allowed.Any(n => n.Contains(address));
    }

    private bool HasToken(HttpRequest request)
    {
        if (string.IsNullOrEmpty(token))
            return false;
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }
}
