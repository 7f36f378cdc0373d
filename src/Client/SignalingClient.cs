using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using OpenTalk.Protocol;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Client;

/// <summary>A signaling WebSocket: send commands, await the messages you expect.</summary>
public sealed class SignalingClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly Channel<ServerMessage> _inbox = Channel.CreateUnbounded<ServerMessage>();
    private readonly Task _reader;

    private SignalingClient(ClientWebSocket socket)
    {
        _socket = socket;
        _reader = Task.Run(ReadLoopAsync);
    }

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseReason => _socket.CloseStatusDescription;

    public WebSocketState State => _socket.State;

    /// <summary>Opens <c>/signaling</c> on <paramref name="server"/> with the ticket in the subprotocol header.</summary>
    public static async Task<SignalingClient> ConnectAsync(Uri server, string ticket, CancellationToken ct = default)
    {
        var socket = new ClientWebSocket();
        // A node that vanished without closing the connection (its machine gone) is noticed within a minute, not
        // when TCP gives up: pings the server must answer.
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(15);
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(30);
        socket.Options.AddSubProtocol(Subprotocol.Json);
        socket.Options.AddSubProtocol(Subprotocol.TicketPrefix + ticket);
        var uri = new UriBuilder(server) { Scheme = server.Scheme == "https" ? "wss" : "ws", Path = Subprotocol.Path }.Uri;
        try
        {
            await socket.ConnectAsync(uri, ct);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new SignalingClient(socket);
    }

    public Task SendAsync(string ns, string action, object? fields = null, CancellationToken ct = default)
    {
        var payload = new Dictionary<string, object?> { ["action"] = action };
        if (fields is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(fields, WireJson.Options).EnumerateObject())
                payload[property.Name] = property.Value;
        }
        return SendRawAsync(JsonSerializer.Serialize(new { @namespace = ns, payload }, WireJson.Options), ct);
    }

    public Task SendRawAsync(string text, CancellationToken ct = default) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, ct);

    public Task SendBytesAsync(byte[] bytes, WebSocketMessageType type, CancellationToken ct = default) =>
        _socket.SendAsync(bytes, type, true, ct);

    public Task JoinAsync(string displayName, CancellationToken ct = default) =>
        SendAsync(Namespaces.Control, "join", new { display_name = displayName }, ct);

    /// <summary>Waits for the next message that matches, skipping others; throws after <paramref name="timeout"/>.</summary>
    public async Task<ServerMessage> WaitForAsync(Func<ServerMessage, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        var skipped = new List<string>();
        try
        {
            while (true)
            {
                var message = await _inbox.Reader.ReadAsync(cts.Token);
                if (match(message))
                    return message;
                skipped.Add(message.Raw);
            }
        }
        catch (OperationCanceledException)
        {
            // Say what did arrive: that is usually the fastest way to see what went wrong.
            throw new TimeoutException("The expected signaling message did not arrive. Skipped meanwhile:\n" + string.Join("\n", skipped.TakeLast(20)));
        }
        catch (ChannelClosedException)
        {
            throw new WebSocketException($"The socket closed ({CloseStatus}: {CloseReason}) before the expected message arrived.");
        }
    }

    public Task<ServerMessage> WaitForAsync(string ns, string message, TimeSpan? timeout = null) =>
        WaitForAsync(m => m.Namespace == ns && m.Message == message, timeout);

    /// <summary>The next message, in order; null once the socket closed and every message was taken.</summary>
    public async Task<ServerMessage?> ReadAsync(CancellationToken ct = default)
    {
        try
        {
            return await _inbox.Reader.ReadAsync(ct);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>Messages received so far and not yet taken.</summary>
    public IReadOnlyList<ServerMessage> Drain()
    {
        var list = new List<ServerMessage>();
        while (_inbox.Reader.TryRead(out var message))
            list.Add(message);
        return list;
    }

    /// <summary>Waits until the server closes the socket.</summary>
    public async Task WaitForCloseAsync(TimeSpan? timeout = null)
    {
        await _reader.WaitAsync(timeout ?? TimeSpan.FromSeconds(15));
    }

    /// <summary>Drops the connection without a close handshake, like a lost network.</summary>
    public void Abort() => _socket.Abort();

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", cts.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                _socket.Abort();
            }
        }
        await _reader.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (_socket.State == WebSocketState.CloseReceived)
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    return;
                }
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                    continue;
                _inbox.Writer.TryWrite(ServerMessage.Parse(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length)));
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Aborted or broken: the inbox closes and waiters learn the close status.
        }
        finally
        {
            _inbox.Writer.TryComplete();
        }
    }
}
