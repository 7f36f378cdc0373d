using System.Net;
using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Transport;

/// <summary>The transports we speak (RFC 3261 §18): datagrams, and streams where each connection carries many messages.</summary>
public enum SipTransportKind
{
    Udp,
    Tcp,
}

/// <summary>
/// The other end of a message: where a request came from or where one goes. <paramref name="ConnectionId"/> names
/// the TCP connection a request arrived on, so that its responses go back over it (RFC 3261 §18.2.2); 0 for none.
/// </summary>
public sealed record SipRemote(SipTransportKind Transport, IPEndPoint EndPoint, long ConnectionId = 0)
{
    /// <summary>Reliable transports need no retransmissions and zero the waiting timers (RFC 3261 §17).</summary>
    public bool IsReliable => Transport != SipTransportKind.Udp;

    /// <summary>The transport as a Via writes it.</summary>
    public string ViaTransport => Transport == SipTransportKind.Udp ? "UDP" : "TCP";

    public override string ToString() => $"{ViaTransport}:{EndPoint}";
}

/// <summary>What the transaction layer and user agent need of a transport; a fake in tests.</summary>
public interface ISipTransport
{
    /// <summary>
    /// Sends a request to <paramref name="remote"/>, or a response back towards the requester: over the connection the
    /// request came on when it is still open, else to its top Via (<c>received</c>, <c>rport</c>).
    /// </summary>
    Task SendAsync(SipMessage message, SipRemote remote, CancellationToken cancellationToken = default);

    /// <summary>Where we listen on that transport: the port goes into Via and Contact.</summary>
    IPEndPoint LocalEndPoint(SipTransportKind transport);
}
