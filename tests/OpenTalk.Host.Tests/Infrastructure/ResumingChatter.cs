using System.Collections.Concurrent;
using System.Net.WebSockets;
using OpenTalk.Client;

namespace OpenTalk.Host.Tests.Infrastructure;

/// <summary>
/// One participant chatting at a steady pace who, when its node closes the socket with <c>server_shutting_down</c>
/// (a drain), resumes on another node as the web app does: a new ticket with its resumption token, a new socket, the
/// same id. Records every message it receives, when its own were echoed, and every join it got.
/// </summary>
public sealed class ResumingChatter
{
    private readonly Func<Task<SignalingClient>> _resume;
    private readonly ConcurrentQueue<ServerMessage> _received = new();
    private readonly ConcurrentQueue<DateTimeOffset> _echoedAt = new();
    private readonly List<string> _sent = [];
    private volatile SignalingClient _socket;

    /// <param name="resume">Opens a socket on a node that stays and sends <c>join</c> (the resumption is in the ticket).</param>
    public ResumingChatter(string name, Guid id, SignalingClient socket, Func<Task<SignalingClient>> resume)
    {
        Name = name;
        Id = id;
        _socket = socket;
        _resume = resume;
    }

    public string Name { get; }

    public Guid Id { get; }

    public IReadOnlyList<string> Sent => _sent;

    /// <summary>How the sockets this participant had were closed by the server.</summary>
    public ConcurrentQueue<string?> Closes { get; } = new();

    /// <summary>Reads the socket until <paramref name="ct"/> ends, resuming whenever the server closes it for a drain.</summary>
    public async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var socket = _socket;
            ServerMessage? message;
            try
            {
                message = await socket.ReadAsync(ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (message is not null)
            {
                _received.Enqueue(message);
                if (message.Message == "message_sent" && message.Payload.GetProperty("source").GetGuid() == Id)
                    _echoedAt.Enqueue(DateTimeOffset.UtcNow);
                continue;
            }
            // The server closed the socket: only a drain (or a node's stop) may do that here.
            Closes.Enqueue(socket.CloseReason);
            if (socket.CloseReason != "server_shutting_down")
                return;
            try
            {
                _socket = await _resume();
            }
            catch (Exception e)
            {
                ResumeFailure = e;
                return;
            }
        }
    }

    /// <summary>Why resuming failed, if it did.</summary>
    public Exception? ResumeFailure { get; private set; }

    /// <summary>
    /// Sends <paramref name="count"/> messages, one every <paramref name="every"/>; a message the closing socket did
    /// not take is sent again on the resumed one (as the web app queues what it could not send).
    /// </summary>
    public async Task ChatAsync(int count, TimeSpan every)
    {
        for (var i = 0; i < count; i++)
        {
            var content = $"{Name}-{i}";
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                var socket = _socket;
                try
                {
                    if (socket.State == WebSocketState.Open)
                    {
                        await socket.SendAsync("chat", "send_message", new { content, scope = "global" });
                        _sent.Add(content);
                        break;
                    }
                }
                catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
                {
                }
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"{Name} could not send for a minute: no socket to resume on.", ResumeFailure);
                await Task.Delay(50);
            }
            await Task.Delay(every);
        }
    }

    /// <summary>My messages the meeting confirmed: echoed live, or in the chat history of a later join_success.</summary>
    public HashSet<string> Acknowledged() => ChatLog.Acknowledged(_received, Id);

    public int Refused => ChatLog.Refused(_received);

    public List<(Guid Source, string Content)> LiveMessages() => ChatLog.Live(_received);

    public List<(Guid Source, string Content)> HistoryMessages() => ChatLog.History(_received);

    /// <summary>The join_success messages of the resumed sockets: (id, resumed).</summary>
    public List<(Guid Id, bool Resumed)> Resumptions() => [.. _received
        .Where(m => m.Namespace == "control" && m.Message == "join_success")
        .Select(m => (m.Payload.GetProperty("id").GetGuid(), m.Payload.TryGetProperty("resumed", out var r) && r.GetBoolean()))];

    public int LeftSeen() => _received.Count(m => m.Namespace == "control" && m.Message == "left");

    /// <summary>The longest time between two of my messages being echoed: how long the meeting was silent for me.</summary>
    public TimeSpan LongestGap() => _echoedAt.Zip(_echoedAt.Skip(1), (a, b) => b - a).DefaultIfEmpty().Max();

    /// <summary>The median time between two echoes: the chat's own pace.</summary>
    public TimeSpan MedianGap()
    {
        var gaps = _echoedAt.Zip(_echoedAt.Skip(1), (a, b) => b - a).Order().ToList();
        return gaps.Count == 0 ? TimeSpan.Zero : gaps[gaps.Count / 2];
    }

    public async Task CloseAsync() => await _socket.DisposeAsync();
}
