using OpenTalk.Client;

namespace OpenTalk.Host.Tests.Infrastructure;

/// <summary>What one participant's sockets received, read for chat: its own messages confirmed, refusals, the others'.</summary>
public static class ChatLog
{
    /// <summary>My messages the meeting confirmed: echoed live, or in the chat history of a later join_success.</summary>
    public static HashSet<string> Acknowledged(IEnumerable<ServerMessage> received, Guid me)
    {
        var all = received.ToList();
        return [.. Live(all).Where(m => m.Source == me).Select(m => m.Content).Concat(History(all).Where(m => m.Source == me).Select(m => m.Content))];
    }

    public static int Refused(IEnumerable<ServerMessage> received) => received.Count(m => m.Namespace == "chat" && m.Message == "error");

    /// <summary>Everyone's messages as they arrived live.</summary>
    public static List<(Guid Source, string Content)> Live(IEnumerable<ServerMessage> received) => [.. received
        .Where(m => m.Message == "message_sent")
        .Select(m => (m.Payload.GetProperty("source").GetGuid(), m.Payload.GetProperty("content").GetString()!))];

    /// <summary>Everyone's messages as listed in the history of each (resumed) join_success.</summary>
    public static List<(Guid Source, string Content)> History(IEnumerable<ServerMessage> received) => [.. received
        .Where(m => m.Message == "join_success" && m.Payload.TryGetProperty("chat", out _))
        .SelectMany(m => m.Payload.GetProperty("chat").GetProperty("room_history").EnumerateArray())
        .Select(e => (e.GetProperty("source").GetGuid(), e.GetProperty("content").GetString()!))];
}
