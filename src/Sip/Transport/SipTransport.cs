using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Transport;

/// <summary>
/// SIP over UDP and TCP on one address and port (RFC 3261 §18). Every message that parses goes to the handler given
/// to <see cref="Start"/>, requests with their top Via stamped; a request that does not parse gets the status the
/// parser names when it has a Via, anything else is dropped. No peer can stop the loops: each message is handled on
/// its own, and exceptions are logged.
/// </summary>
public sealed partial class SipTransport : ISipTransport, IAsyncDisposable
{
    private readonly SipTransportOptions _options;
    private readonly ILogger _logger;
    private readonly Socket _udp;
    private readonly Socket _tcp;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private Action<SipMessage, SipRemote> _handler = (_, _) => { };

    public SipTransport(SipTransportOptions options, ILogger<SipTransport>? logger = null)
    {
        _options = options;
        _logger = logger ?? NullLogger<SipTransport>.Instance;
        (_udp, _tcp) = Bind(options.Address, options.Port);
    }

    public IPEndPoint UdpEndPoint => (IPEndPoint)_udp.LocalEndPoint!;
    public IPEndPoint TcpEndPoint => (IPEndPoint)_tcp.LocalEndPoint!;

    public IPEndPoint LocalEndPoint(SipTransportKind transport) => transport == SipTransportKind.Udp ? UdpEndPoint : TcpEndPoint;

    /// <summary>Starts the receive loops; <paramref name="handler"/> must not block (it runs on the loops).</summary>
    public void Start(Action<SipMessage, SipRemote> handler)
    {
        _handler = handler;
        _loops.Add(Task.Run(ReceiveUdpAsync));
        _loops.Add(Task.Run(AcceptTcpAsync));
        TransportLog.Listening(_logger, UdpEndPoint, TcpEndPoint);
    }

    /// <summary>Binds UDP, then TCP on the same port; with port 0 a few tries find a number free for both.</summary>
    private static (Socket Udp, Socket Tcp) Bind(IPAddress address, int port)
    {
        for (var attempt = 0; ; attempt++)
        {
            var udp = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            var tcp = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                udp.Bind(new IPEndPoint(address, port));
                tcp.Bind(new IPEndPoint(address, ((IPEndPoint)udp.LocalEndPoint!).Port));
                tcp.Listen(128);
                return (udp, tcp);
            }
            catch (SocketException) when (port == 0 && attempt < 20)
            {
                udp.Dispose();
                tcp.Dispose();
            }
            catch
            {
                udp.Dispose();
                tcp.Dispose();
                throw;
            }
        }
    }

    private async Task ReceiveUdpAsync()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(65535);
        EndPoint any = new IPEndPoint(_options.Address.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var received = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
                var remote = new SipRemote(SipTransportKind.Udp, (IPEndPoint)received.RemoteEndPoint);
                Deliver(SipParser.Parse(buffer.AsSpan(0, received.ReceivedBytes), _options.ParserLimits), remote, null);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                TransportLog.ReceiveFailed(_logger, e, SipTransportKind.Udp);
            }
        }
    }

    /// <summary>Hands a parsed message on, or answers or drops what did not parse.</summary>
    private void Deliver(SipParseResult result, SipRemote remote, TcpConnection? connection)
    {
        try
        {
            switch (result)
            {
                case SipParseResult.Parsed { Message: SipRequest request }:
                    ViaRules.Stamp(request, remote.EndPoint);
                    _handler(request, remote);
                    break;
                case SipParseResult.Parsed { Message: SipResponse response }:
                    _handler(response, remote);
                    break;
                case SipParseResult.Failed { StatusCode: { } status, RequestHeaders: { } headers } failed when headers.Contains(HeaderNames.Via):
                    TransportLog.Refused(_logger, remote, status, failed.Reason);
                    // Straight back to where it came from: its Via may be the very thing that is broken.
                    var refusal = SipResponse.For(headers, status, failed.Reason.Length <= 100 ? $"{ReasonPhrases.For(status)} ({failed.Reason})" : null);
                    _ = SendRawAsync(refusal.ToBytes(), remote, connection);
                    break;
                case SipParseResult.Failed failed:
                    TransportLog.Dropped(_logger, remote, failed.Reason);
                    break;
            }
        }
        catch (Exception e)
        {
            TransportLog.HandlerFailed(_logger, e, remote);
        }
    }

    public async Task SendAsync(SipMessage message, SipRemote remote, CancellationToken cancellationToken = default)
    {
        var bytes = message.ToBytes();
        if (message is SipResponse response)
        {
            if (remote.Transport == SipTransportKind.Tcp && Connection(remote.ConnectionId) is { } open)
            {
                await open.SendAsync(bytes, cancellationToken);
                return;
            }
            // §18.2.2: the connection is gone (or this is UDP): the top Via, as stamped on the way in, says where.
            if (ViaRules.ResponseTarget(response) is { } target
                && await ViaRules.ResolveAsync(target.Host, target.Port, cancellationToken) is { } endPoint)
            {
                remote = remote with { EndPoint = endPoint, ConnectionId = 0 };
            }
        }
        if (remote.Transport == SipTransportKind.Udp)
        {
            await _udp.SendToAsync(bytes, SocketFlags.None, remote.EndPoint, cancellationToken);
            return;
        }
        var connection = Connection(remote.ConnectionId) ?? ConnectionTo(remote.EndPoint) ?? await ConnectAsync(remote.EndPoint, cancellationToken);
        await connection.SendAsync(bytes, cancellationToken);
    }

    private async Task SendRawAsync(byte[] bytes, SipRemote remote, TcpConnection? connection)
    {
        try
        {
            if (connection is not null)
            {
                await connection.SendAsync(bytes, _stop.Token);
            }
            else
            {
                await _udp.SendToAsync(bytes, SocketFlags.None, remote.EndPoint, _stop.Token);
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            TransportLog.SendFailed(_logger, remote, e.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _udp.Dispose();
        _tcp.Dispose();
        foreach (var connection in _connections.Values)
        {
            connection.Dispose();
        }
        try
        {
            await Task.WhenAll(_loops).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or ObjectDisposedException or SocketException)
        {
            // Stopping: the loops end on their own.
        }
        _stop.Dispose();
    }
}
