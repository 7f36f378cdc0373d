using System.Collections.Concurrent;
using System.Net.WebSockets;
using OpenTalk.Client;

namespace OpenTalk.Host.Tests.Infrastructure;

/// <summary>
/// One participant chatting at a steady pace while faults happen, recording everything its socket
/// receives: which of its own messages were echoed, how many were refused, and what it saw of others.
/// </summary>
public sealed class ChatTraffic(string name, Guid id, SignalingClient socket)
{
    private readonly ConcurrentQueue<ServerMessage> _received = new();
    private readonly ConcurrentQueue<DateTimeOffset> _echoedAt = new();
    private readonly List<string> _sent = [];

    public string Name { get; } = name;

    public Guid Id { get; } = id;

    public IReadOnlyList<string> Sent => _sent;

    public IReadOnlyCollection<ServerMessage> Received => _received;

    /// <summary>Reads the socket until it closes or <paramref name="ct"/> ends.</summary>
    public async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var message = await socket.WaitForAsync(_ => true, TimeSpan.FromSeconds(1));
                _received.Enqueue(message);
                if (message.Message == "message_sent" && message.Payload.GetProperty("source").GetGuid() == Id)
                    _echoedAt.Enqueue(DateTimeOffset.UtcNow);
            }
            catch (TimeoutException)
            {
            }
            catch (WebSocketException)
            {
                return;
            }
        }
    }

    /// <summary>Sends <paramref name="count"/> messages, one every <paramref name="every"/>.</summary>
    public async Task ChatAsync(int count, TimeSpan every)
    {
        for (var i = 0; i < count; i++)
        {
            var content = $"{Name}-{i}";
            _sent.Add(content);
            try
            {
                await socket.SendAsync("chat", "send_message", new { content, scope = "global" });
            }
            catch (WebSocketException)
            {
                return;
            }
            await Task.Delay(every);
        }
    }

    /// <summary>My messages the meeting confirmed: echoed live, or in the chat history of a later join_success.</summary>
    public HashSet<string> Acknowledged() => ChatLog.Acknowledged(_received, Id);

    public int Refused => ChatLog.Refused(_received);

    public List<(Guid Source, string Content)> LiveMessages() => ChatLog.Live(_received);

    public List<(Guid Source, string Content)> HistoryMessages() => ChatLog.History(_received);

    /// <summary>The longest time between two of my messages being echoed: how long the meeting was silent for me.</summary>
    public TimeSpan LongestSilence() => Gaps().DefaultIfEmpty().Max();

    /// <summary>The median time between two echoes before <paramref name="until"/>: the pace of a healthy meeting.</summary>
    public TimeSpan MedianGapBefore(DateTimeOffset until)
    {
        var echoes = _echoedAt.Where(t => t < until).ToList();
        var gaps = echoes.Zip(echoes.Skip(1), (a, b) => b - a).Order().ToList();
        return gaps.Count == 0 ? TimeSpan.Zero : gaps[gaps.Count / 2];
    }

    /// <summary>
    /// From <paramref name="fault"/> to the echo that ended the longest silence after it: how long the meeting was
    /// gone for me. (Echoes just after the fault are the dying node's last words, not the meeting coming back.)
    /// </summary>
    public TimeSpan BackAfter(DateTimeOffset fault) => _echoedAt.Zip(_echoedAt.Skip(1), (a, b) => (Gap: b - a, End: b))
        .Where(g => g.End > fault).DefaultIfEmpty((Gap: TimeSpan.Zero, End: fault)).MaxBy(g => g.Gap).End - fault;

    private IEnumerable<TimeSpan> Gaps() => _echoedAt.Zip(_echoedAt.Skip(1), (a, b) => b - a);

    /// <summary>Sends one more message until it is echoed (the meeting is back); false after <paramref name="attempts"/> tries a second apart.</summary>
    public async Task<bool> ConfirmedAgainAsync(int attempts)
    {
        for (var i = 0; i < attempts; i++)
        {
            var content = $"{Name}-again-{i}";
            _sent.Add(content);
            await socket.SendAsync("chat", "send_message", new { content, scope = "global" });
            await Task.Delay(TimeSpan.FromSeconds(1));
            if (Acknowledged().Contains(content))
                return true;
        }
        return false;
    }

    public int LeftSeen(Guid who) => _received.Count(m => m.Message == "left" && m.Payload.GetProperty("id").GetGuid() == who);
}
