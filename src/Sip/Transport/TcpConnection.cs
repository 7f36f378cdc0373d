using System.Net;
using System.Net.Sockets;
using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Transport;

/// <summary>
/// One TCP connection: a framer cutting its bytes into messages, writes one at a time, closed when the peer breaks the
/// framing, goes quiet for the idle timeout, or the transport stops.
/// </summary>
internal sealed class TcpConnection(long id, Socket socket, SipParserLimits limits) : IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _closed = new();

    public long Id { get; } = id;
    public IPEndPoint Remote { get; } = (IPEndPoint)socket.RemoteEndPoint!;
    public SipRemote AsRemote => new(SipTransportKind.Tcp, Remote, Id);
    public bool IsOpen => !_closed.IsCancellationRequested;

    /// <summary>Reads until the connection ends, handing every frame to <paramref name="onFrame"/>; returns why it ended.</summary>
    public async Task<string> ReadAsync(Action<SipFrame, TcpConnection> onFrame, TimeSpan idleTimeout, CancellationToken stop)
    {
        var framer = new SipStreamFramer(limits);
        var buffer = new byte[8192];
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, _closed.Token);
        while (true)
        {
            int read;
            using (var idle = CancellationTokenSource.CreateLinkedTokenSource(linked.Token))
            {
                idle.CancelAfter(idleTimeout);
                try
                {
                    read = await socket.ReceiveAsync(buffer, SocketFlags.None, idle.Token);
                }
                catch (OperationCanceledException)
                {
                    return linked.IsCancellationRequested ? "closed" : "idle";
                }
                catch (SocketException e)
                {
                    return e.SocketErrorCode.ToString();
                }
            }
            if (read == 0)
            {
                return "closed by the peer";
            }
            foreach (var frame in framer.Feed(buffer.AsSpan(0, read)))
            {
                if (frame is SipFrame.Broken broken)
                {
                    return broken.Reason;
                }
                onFrame(frame, this);
            }
        }
    }

    public async Task SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            while (!bytes.IsEmpty)
            {
                var sent = await socket.SendAsync(bytes, SocketFlags.None, cancellationToken);
                bytes = bytes[sent..];
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose()
    {
        if (_closed.IsCancellationRequested)
        {
            return;
        }
        _closed.Cancel();
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset by the peer: closing is all that is left.
        }
        catch (ObjectDisposedException)
        {
        }
        socket.Dispose();
    }
}
