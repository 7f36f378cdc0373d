using System.Net.WebSockets;
using OpenTalk.Actors.Collab;

namespace OpenTalk.Host.Tests.Collab;

/// <summary>A notes or whiteboard page's socket, as y-websocket speaks it: binary frames of sync and awareness messages.</summary>
internal sealed class CollabSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <summary>Opens the socket of the page <paramref name="pageUrl"/> the meeting handed out (its path and token, on <paramref name="node"/>).</summary>
    public static async Task<CollabSocket> OpenAsync(Uri node, string pageUrl)
    {
        var page = new Uri(pageUrl);
        var segments = page.AbsolutePath.Trim('/').Split('/');
        var address = new UriBuilder(node) { Scheme = node.Scheme == "https" ? "wss" : "ws", Path = $"v1/collab/{segments[0]}/{segments[1]}", Query = page.Query.Split('&')[0] };
        var socket = new CollabSocket();
        await socket._socket.ConnectAsync(address.Uri, CancellationToken.None);
        return socket;
    }

    public Task SendAsync(byte[] frame) => _socket.SendAsync(frame, WebSocketMessageType.Binary, true, CancellationToken.None);

    /// <summary>The next frame's message, or null once the node closed the socket.</summary>
    public async Task<SyncMessage?> ReceiveAsync(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(20));
        using var frame = new MemoryStream();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            frame.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
                return SyncProtocol.Read(frame.ToArray()) ?? new Unknown(frame.ToArray());
        }
    }

    /// <summary>Frames until one matches (or the socket closes: null).</summary>
    public async Task<SyncMessage?> WaitForAsync(Func<SyncMessage, bool> match)
    {
        while (await ReceiveAsync() is { } message)
        {
            if (match(message))
                return message;
        }
        return null;
    }

    /// <summary>A frame our reader does not know (the auth message's "permission denied", say).</summary>
    public sealed record Unknown(byte[] Data) : SyncMessage;

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
            }
            catch (WebSocketException)
            {
            }
        }
        _socket.Dispose();
    }
}
