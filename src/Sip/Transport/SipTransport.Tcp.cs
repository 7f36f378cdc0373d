using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Transport;

/// <summary>The TCP side: accepting (up to a cap), connecting out, and one read loop per connection.</summary>
public sealed partial class SipTransport
{
    private static readonly byte[] Pong = "\r\n"u8.ToArray();
    private readonly ConcurrentDictionary<long, TcpConnection> _connections = new();
    private long _nextConnectionId;

    public int TcpConnectionCount => _connections.Count;

    private async Task AcceptTcpAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _tcp.AcceptAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e)
            {
                TransportLog.ReceiveFailed(_logger, e, SipTransportKind.Tcp);
                continue;
            }
            if (_connections.Count >= _options.MaxTcpConnections)
            {
                TransportLog.TooManyConnections(_logger, socket.RemoteEndPoint, _connections.Count);
                socket.Dispose();
                continue;
            }
            Adopt(socket);
        }
    }

    private TcpConnection Adopt(Socket socket)
    {
        socket.NoDelay = true;
        var connection = new TcpConnection(Interlocked.Increment(ref _nextConnectionId), socket, _options.ParserLimits);
        _connections[connection.Id] = connection;
        _ = Task.Run(() => ServeAsync(connection));
        return connection;
    }

    private async Task ServeAsync(TcpConnection connection)
    {
        var reason = "failed";
        try
        {
            reason = await connection.ReadAsync(OnFrame, _options.TcpIdleTimeout, _stop.Token);
        }
        catch (Exception e)
        {
            TransportLog.ReceiveFailed(_logger, e, SipTransportKind.Tcp);
        }
        finally
        {
            _connections.TryRemove(connection.Id, out _);
            connection.Dispose();
            TransportLog.ConnectionClosed(_logger, connection.Id, connection.Remote, reason);
        }
    }

    private void OnFrame(SipFrame frame, TcpConnection connection)
    {
        switch (frame)
        {
            case SipFrame.Message message:
                Deliver(message.Result, connection.AsRemote, connection);
                break;
            case SipFrame.Ping:
                _ = SendRawAsync(Pong, connection.AsRemote, connection);
                break;
        }
    }

    private TcpConnection? Connection(long id) =>
        id != 0 && _connections.TryGetValue(id, out var connection) && connection.IsOpen ? connection : null;

    private TcpConnection? ConnectionTo(IPEndPoint remote) =>
        _connections.Values.FirstOrDefault(c => c.IsOpen && c.Remote.Equals(remote));

    private async Task<TcpConnection> ConnectAsync(IPEndPoint remote, CancellationToken cancellationToken)
    {
        if (_connections.Count >= _options.MaxTcpConnections)
        {
            throw new SocketException((int)SocketError.TooManyOpenSockets);
        }
        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
            timeout.CancelAfter(_options.TcpConnectTimeout);
            await socket.ConnectAsync(remote, timeout.Token);
            return Adopt(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
