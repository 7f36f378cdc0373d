using System.Net;
using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Transport;

/// <summary>Where a <see cref="SipTransport"/> listens and how much it lets peers hold.</summary>
public sealed record SipTransportOptions
{
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>One port for UDP and TCP alike; 0 lets the system pick (UDP first, TCP on the same number when free).</summary>
    public int Port { get; init; } = 5060;

    public int MaxTcpConnections { get; init; } = 256;

    /// <summary>A connection with nothing read for this long is closed (RFC 5626 keep-alives count as reads).</summary>
    public TimeSpan TcpIdleTimeout { get; init; } = TimeSpan.FromMinutes(3);

    public TimeSpan TcpConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public SipParserLimits ParserLimits { get; init; } = SipParserLimits.Default;
}
