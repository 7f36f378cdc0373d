using System.Net;
using Microsoft.Extensions.Logging;

namespace OpenTalk.Sip.Transport;

internal static partial class TransportLog
{
    [LoggerMessage(1, LogLevel.Information, "SIP listening on UDP {Udp} and TCP {Tcp}")]
    public static partial void Listening(ILogger logger, IPEndPoint udp, IPEndPoint tcp);

    [LoggerMessage(2, LogLevel.Debug, "Dropped bytes from {Remote}: {Reason}")]
    public static partial void Dropped(ILogger logger, SipRemote remote, string reason);

    [LoggerMessage(3, LogLevel.Debug, "Refused a request from {Remote} with {Status}: {Reason}")]
    public static partial void Refused(ILogger logger, SipRemote remote, int status, string reason);

    [LoggerMessage(4, LogLevel.Warning, "Receiving on {Transport} failed; listening on")]
    public static partial void ReceiveFailed(ILogger logger, Exception exception, SipTransportKind transport);

    [LoggerMessage(5, LogLevel.Warning, "Handling a message from {Remote} failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, SipRemote remote);

    [LoggerMessage(6, LogLevel.Information, "Closed TCP connection {Id} to {Remote}: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, long id, IPEndPoint remote, string reason);

    [LoggerMessage(7, LogLevel.Warning, "Refused a TCP connection from {Remote}: already {Count} connections")]
    public static partial void TooManyConnections(ILogger logger, EndPoint? remote, int count);

    [LoggerMessage(8, LogLevel.Debug, "Sending to {Remote} failed: {Reason}")]
    public static partial void SendFailed(ILogger logger, SipRemote remote, string reason);
}
