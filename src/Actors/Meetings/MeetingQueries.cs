using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>Answers questions that write nothing. Pure: the reply is computed from the state.</summary>
public static class MeetingQueries
{
    public const int MaxChunk = 100;

    /// <summary>The most messages a welcome brings back to a client that missed them (a meeting that moved).</summary>
    public const int MaxSince = 1000;
    public const int MaxSearchResults = 50;

    /// <summary>The answer, or null when the asker is not in the room (refused <c>not_joined</c>).</summary>
    public static Notification? Answer(MeetingState state, IMeetingQuery query)
    {
        if (state.Find(query.ParticipantId) is not { IsInRoom: true } me)
            return null;
        return query switch
        {
            GetChatHistoryChunk c => new Notification(me.Id, Namespaces.Chat, Chunk(state, me, c.Before, c.Count)),
            SearchChatHistory c => new Notification(me.Id, Namespaces.Chat, Search(state, me, c.Query)),
            _ => throw new ArgumentException($"Unknown query {query.GetType().Name}.", nameof(query)),
        };
    }

    /// <summary>Up to <paramref name="count"/> messages older than <paramref name="before"/> (or the newest), oldest first.</summary>
    public static HistoryChunk Chunk(MeetingState state, MeetingParticipant reader, Guid? before, int count)
    {
        var visible = state.Chat.VisibleTo(reader).ToList();
        var end = before is { } id ? visible.FindIndex(m => m.Id == id) : visible.Count;
        if (end < 0)
            end = visible.Count;
        var take = Math.Clamp(count, 1, MaxChunk);
        var start = Math.Max(0, end - take);
        return new HistoryChunk([.. visible.Skip(start).Take(end - start).Select(m => m.View())], start > 0);
    }

    /// <summary>
    /// The newest <paramref name="atLeast"/> visible messages, and further back to just after
    /// <paramref name="after"/> when the reader has missed more than that (bounded by <see cref="MaxSince"/>).
    /// </summary>
    public static HistoryChunk Since(MeetingState state, MeetingParticipant reader, Guid? after, int atLeast)
    {
        var visible = state.Chat.VisibleTo(reader).ToList();
        var start = Math.Max(0, visible.Count - atLeast);
        if (after is { } id && visible.FindIndex(m => m.Id == id) is var seen and >= 0)
            start = Math.Max(Math.Min(start, seen + 1), visible.Count - MaxSince);
        return new HistoryChunk([.. visible.Skip(start).Select(m => m.View())], start > 0);
    }

    private static SearchResults Search(MeetingState state, MeetingParticipant reader, string query) =>
        new(query, [.. state.Chat.VisibleTo(reader)
            .Where(m => m.Content.Contains(query, StringComparison.OrdinalIgnoreCase))
            .Reverse()
            .Take(MaxSearchResults)
            .Select(m => m.View())]);
}
