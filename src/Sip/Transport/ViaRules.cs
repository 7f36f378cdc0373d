using System.Globalization;
using System.Net;
using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Transport;

/// <summary>The transport's handling of the top Via: stamping what we saw (RFC 3261 §18.2.1, RFC 3581 §4) and where responses go (§18.2.2).</summary>
internal static class ViaRules
{
    /// <summary>
    /// Adds <c>received</c> when the sent-by host is not the address the request came from, and both <c>received</c>
    /// and the source port when the client asked with <c>rport</c>: responses then find a client behind NAT.
    /// </summary>
    public static void Stamp(SipRequest request, IPEndPoint source)
    {
        var vias = request.Headers.GetValues(HeaderNames.Via);
        if (vias.Count == 0 || Via.TryParse(vias[0]) is not { } top)
        {
            return;
        }
        var address = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        var seen = address.ToString();
        var stamped = top;
        if (top.HasRport)
        {
            stamped = stamped.WithParameter("received", seen).WithParameter("rport", source.Port.ToString(CultureInfo.InvariantCulture));
        }
        else if (!top.Host.Trim('[', ']').Equals(seen, StringComparison.OrdinalIgnoreCase))
        {
            stamped = stamped.WithParameter("received", seen);
        }
        if (!ReferenceEquals(stamped, top))
        {
            request.Headers.Set(HeaderNames.Via, string.Join(", ", [stamped.ToString(), .. vias.Skip(1)]));
        }
    }

    /// <summary>Host and port a response goes to when it cannot ride the request's connection.</summary>
    public static (string Host, int Port)? ResponseTarget(SipResponse response)
    {
        if (response.TopVia is not { } via)
        {
            return null;
        }
        var host = via.Received ?? via.Host.Trim('[', ']');
        var port = via.Rport ?? via.Port ?? 5060;
        return (host, port);
    }

    public static async Task<IPEndPoint?> ResolveAsync(string host, int port, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            return new IPEndPoint(address, port);
        }
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            return addresses.Length > 0 ? new IPEndPoint(addresses[0], port) : null;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return null;
        }
    }
}
