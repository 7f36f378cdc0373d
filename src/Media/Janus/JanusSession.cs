using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenTalk.Media.Janus;

/// <summary>
/// A Janus session on one connection: kept alive by a timer, with plugin handles whose events are routed to their
/// owners by sender id. When keep-alives fail or the connection closes, <see cref="Lost"/> fires once.
/// </summary>
public sealed class JanusSession : IAsyncDisposable
{
    private readonly JanusConnection _connection;
    private readonly ConcurrentDictionary<long, JanusHandle> _handles = new();
    private readonly PeriodicTimer _keepAlive;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _keepingAlive;
    private int _lost;

    private JanusSession(JanusConnection connection, long id, TimeSpan keepAlive)
    {
        _connection = connection;
        Id = id;
        _keepAlive = new PeriodicTimer(keepAlive);
        connection.Events += Route;
        connection.Closed += e => Lose(new JanusUnavailableException("The Janus connection closed.", e));
        _keepingAlive = Task.Run(KeepAliveAsync);
    }

    public long Id { get; }

    public int HandleCount => _handles.Count;

    /// <summary>The session is gone (connection closed, keep-alive unanswered, or Janus timed it out).</summary>
    public event Action<Exception>? Lost;

    public static async Task<JanusSession> CreateAsync(JanusConnection connection, TimeSpan keepAlive, CancellationToken ct)
    {
        var created = await connection.RequestAsync(new JsonObject { ["janus"] = "create" }, ct: ct);
        return new JanusSession(connection, created.GetProperty("data").GetProperty("id").GetInt64(), keepAlive);
    }

    /// <summary>Attaches a plugin handle (e.g. <c>janus.plugin.videoroom</c>); its events go to <paramref name="onEvent"/>.</summary>
    public async Task<JanusHandle> AttachAsync(string plugin, Action<JsonElement> onEvent, CancellationToken ct)
    {
        var attached = await RequestAsync(new JsonObject { ["janus"] = "attach", ["plugin"] = plugin }, JanusReply.Success, ct);
        var handle = new JanusHandle(this, attached.GetProperty("data").GetProperty("id").GetInt64(), onEvent);
        _handles[handle.Id] = handle;
        return handle;
    }

    internal Task<JsonElement> RequestAsync(JsonObject request, JanusReply reply, CancellationToken ct)
    {
        request["session_id"] = Id;
        return _connection.RequestAsync(request, reply, ct);
    }

    internal Task SendAsync(JsonObject message, CancellationToken ct)
    {
        message["session_id"] = Id;
        return _connection.SendAsync(message, ct);
    }

    internal void Forget(long handleId) => _handles.TryRemove(handleId, out _);

    private void Route(JsonElement message)
    {
        if (!message.TryGetProperty("session_id", out var session) || session.GetInt64() != Id)
            return;
        if (message.GetProperty("janus").GetString() == "timeout")
        {
            Lose(new JanusUnavailableException($"Janus timed out session {Id}."));
            return;
        }
        if (message.TryGetProperty("sender", out var sender) && _handles.TryGetValue(sender.GetInt64(), out var handle))
            handle.Deliver(message);
    }

    private async Task KeepAliveAsync()
    {
        try
        {
            while (await _keepAlive.WaitForNextTickAsync(_stop.Token))
                await _connection.RequestAsync(new JsonObject { ["janus"] = "keepalive", ["session_id"] = Id }, ct: _stop.Token);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is JanusException or JanusUnavailableException)
        {
            Lose(e);
        }
    }

    private void Lose(Exception reason)
    {
        if (Interlocked.Exchange(ref _lost, 1) == 0)
            Lost?.Invoke(reason);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _connection.Events -= Route;
        try
        {
            if (_connection.IsOpen && _lost == 0)
                await _connection.RequestAsync(new JsonObject { ["janus"] = "destroy", ["session_id"] = Id }, ct: CancellationToken.None);
        }
        catch (Exception e) when (e is JanusException or JanusUnavailableException)
        {
            // Janus may have destroyed it already.
        }
        await _keepingAlive;
        _keepAlive.Dispose();
        _stop.Dispose();
    }
}
