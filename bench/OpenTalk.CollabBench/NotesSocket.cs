using System.Diagnostics;
using System.Net.WebSockets;
using OpenTalk.Actors.Collab;

namespace OpenTalk.CollabBench;

/// <summary>
/// A notes page's socket (y-websocket's binary protocol), reading everything the node sends and handing each relayed
/// update to <see cref="OnUpdate"/> with the time it arrived (<see cref="Stopwatch.GetTimestamp"/>).
/// </summary>
internal sealed class NotesSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _reading = Task.CompletedTask;

    /// <summary>Called on the socket's reading task for each update that comes in, with its arrival time.</summary>
    public Action<long, byte[]> OnUpdate { get; set; } = (_, _) => { };

    /// <summary>Frames that were neither an update nor the node's opening step 1 (a refusal, say).</summary>
    public int OtherFrames { get; private set; }

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <summary>Opens the socket of the page <paramref name="pageUrl"/> the meeting handed out; returns once the node sent its step 1.</summary>
    public static async Task<NotesSocket> OpenAsync(Uri node, string pageUrl)
    {
        var page = new Uri(pageUrl);
        var segments = page.AbsolutePath.Trim('/').Split('/');
        var token = page.Query.TrimStart('?').Split('&').First(p => p.StartsWith("token=", StringComparison.Ordinal));
        var address = new UriBuilder(node) { Scheme = node.Scheme == "https" ? "wss" : "ws", Path = $"v1/collab/{segments[0]}/{segments[1]}", Query = token };
        var socket = new NotesSocket();
        await socket._socket.ConnectAsync(address.Uri, CancellationToken.None);
        socket._reading = Task.Run(socket.ReadAsync);
        await socket._synced.Task.WaitAsync(TimeSpan.FromSeconds(20));
        return socket;
    }

    public Task SendAsync(byte[] frame) => _socket.SendAsync(frame, WebSocketMessageType.Binary, true, CancellationToken.None);

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                    return;
                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                    continue;
                var at = Stopwatch.GetTimestamp();
                switch (SyncProtocol.Read(frame.GetBuffer().AsSpan(0, (int)frame.Length)))
                {
                    case SyncMessage.Update update:
                        OnUpdate(at, update.Data);
                        break;
                    case SyncMessage.Step1:
                        _synced.TrySetResult();
                        break;
                    default:
                        OtherFrames++;
                        break;
                }
                frame.SetLength(0);
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            _synced.TrySetException(new WebSocketException($"The notes socket closed ({_socket.CloseStatus}: {_socket.CloseStatusDescription})."));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                _socket.Abort();
            }
        }
        await _reading.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
    }
}
