using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenTalk.Media.Janus;

/// <summary>What a request waits for: Janus' immediate <c>success</c>, or the <c>event</c> after an <c>ack</c> (async plugin requests).</summary>
public enum JanusReply { Success, Event }

/// <summary>
/// One WebSocket to one Janus instance (subprotocol <c>janus-protocol</c>). Requests get a transaction id and wait for
/// their answer, up to a timeout; messages that answer no request (plugin events, webrtcup, hangup, ...) go to
/// <see cref="Events"/> handlers. Every request carries the API secret. Thread-safe.
/// </summary>
public sealed class JanusConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly string _apiSecret;
    private readonly TimeSpan _timeout;
    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _receiving;
    private long _nextTransaction;

    private JanusConnection(ClientWebSocket socket, string apiSecret, TimeSpan timeout)
    {
        _socket = socket;
        _apiSecret = apiSecret;
        _timeout = timeout;
        _receiving = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>Messages that answer no request: <c>event</c> (plugin), <c>webrtcup</c>, <c>media</c>, <c>slowlink</c>, <c>hangup</c>, <c>detached</c>, <c>timeout</c>.</summary>
    public event Action<JsonElement>? Events;

    /// <summary>The socket closed or failed; every waiting request has failed with <see cref="JanusUnavailableException"/>.</summary>
    public event Action<Exception?>? Closed;

    public bool IsOpen => _socket.State == WebSocketState.Open;

    public static async Task<JanusConnection> ConnectAsync(Uri url, string apiSecret, TimeSpan timeout, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("janus-protocol");
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(10);
        using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        connectTimeout.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(url, connectTimeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            socket.Dispose();
            throw new JanusUnavailableException($"Janus at {url} cannot be reached.", e);
        }
        return new JanusConnection(socket, apiSecret, timeout);
    }

    /// <summary>Sends a request (its <c>janus</c> verb and fields) and returns Janus' answer, or throws <see cref="JanusException"/>.</summary>
    public async Task<JsonElement> RequestAsync(JsonObject request, JanusReply reply = JanusReply.Success, CancellationToken ct = default)
    {
        var transaction = Interlocked.Increment(ref _nextTransaction).ToString(System.Globalization.CultureInfo.InvariantCulture);
        request["transaction"] = transaction;
        request["apisecret"] = _apiSecret;
        var pending = new Pending(reply);
        _pending[transaction] = pending;
        try
        {
            await SendAsync(request, ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct, _closing.Token);
            timeout.CancelAfter(_timeout);
            using (timeout.Token.Register(() => pending.Answer.TrySetException(_closing.IsCancellationRequested
                ? new JanusUnavailableException("The Janus connection closed.")
                : new JanusUnavailableException($"Janus did not answer '{request["janus"]}' in time."))))
            {
                var answer = await pending.Answer.Task;
                return Check(answer);
            }
        }
        finally
        {
            _pending.TryRemove(transaction, out _);
        }
    }

    /// <summary>Sends a message whose answer nobody waits for (trickle candidates are acknowledged only).</summary>
    public Task SendAsync(JsonObject message, CancellationToken ct = default)
    {
        message["apisecret"] ??= _apiSecret;
        message["transaction"] ??= "t" + Interlocked.Increment(ref _nextTransaction).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return SendFrameAsync(message, ct);
    }

    private async Task SendFrameAsync(JsonObject message, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sendLock.WaitAsync(ct);
        try
        {
            if (_socket.State != WebSocketState.Open)
                throw new JanusUnavailableException("The Janus connection is closed.");
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        catch (WebSocketException e)
        {
            throw new JanusUnavailableException("Sending to Janus failed.", e);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>A core <c>error</c>, or a plugin answer carrying <c>error_code</c>, becomes a <see cref="JanusException"/>.</summary>
    private static JsonElement Check(JsonElement answer)
    {
        if (answer.GetProperty("janus").GetString() == "error" && answer.TryGetProperty("error", out var error))
            throw new JanusException(error.GetProperty("code").GetInt32(), error.GetProperty("reason").GetString() ?? "");
        if (answer.TryGetProperty("plugindata", out var plugin) && plugin.TryGetProperty("data", out var data)
            && data.TryGetProperty("error_code", out var code))
            throw new JanusException(code.GetInt32(), data.TryGetProperty("error", out var reason) ? reason.GetString() ?? "" : "");
        return answer;
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        Exception? failure = null;
        try
        {
            using var message = new MemoryStream();
            while (!_closing.IsCancellationRequested)
            {
                var frame = await _socket.ReceiveAsync(buffer, _closing.Token);
                if (frame.MessageType == WebSocketMessageType.Close)
                    break;
                message.Write(buffer, 0, frame.Count);
                if (!frame.EndOfMessage)
                    continue;
                Dispatch(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
                message.SetLength(0);
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is WebSocketException or JsonException)
        {
            failure = e;
        }
        foreach (var pending in _pending.Values)
            pending.Answer.TrySetException(new JanusUnavailableException("The Janus connection closed.", failure));
        Closed?.Invoke(failure);
    }

    private void Dispatch(JsonElement message)
    {
        var verb = message.GetProperty("janus").GetString();
        if (message.TryGetProperty("transaction", out var t) && t.GetString() is { } transaction
            && _pending.TryGetValue(transaction, out var pending))
        {
            // An async request is first acknowledged, then answered by an event with the same transaction.
            if (verb == "ack" && pending.Reply == JanusReply.Event)
                return;
            if (pending.Answer.TrySetResult(message))
                return;
            // Answered already by its ack (sent without waiting for the event), and the event followed before the
            // request was forgotten: it is an event like any other, not lost.
        }
        if (verb is not ("ack" or "success"))
            Events?.Invoke(message);
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", quick.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Closing a socket that is already broken: nothing more to do.
        }
        await _receiving;
        _socket.Dispose();
        _sendLock.Dispose();
        _closing.Dispose();
    }

    private sealed record Pending(JanusReply Reply)
    {
        public TaskCompletionSource<JsonElement> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
