using System.Collections.Immutable;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

public sealed record ChatEntry(Guid Id, Guid Source, DateTimeOffset At, string Content, ChatScope Scope, Guid? Target, string? Group)
{
    public ChatMessageView View() => new(Id, Source, At, Content, Scope, Target, Group);
}

/// <summary>The room's chat: on/off, the messages, where the visible history starts, and read markers.</summary>
public sealed record ChatLog(
    bool Enabled,
    ImmutableList<ChatEntry> Messages,
    DateTimeOffset? ClearedAt,
    ImmutableDictionary<Guid, ImmutableDictionary<string, DateTimeOffset>> LastSeen)
{
    public const int MaxContentLength = 4096;
    public const int HistoryInJoin = 100;

    public static readonly ChatLog Empty = new(true, [], null, ImmutableDictionary<Guid, ImmutableDictionary<string, DateTimeOffset>>.Empty);

    /// <summary>Messages this participant may read, oldest first: not cleared, and meant for them.</summary>
    public IEnumerable<ChatEntry> VisibleTo(MeetingParticipant reader) =>
        Messages.Where(m => (ClearedAt is null || m.At > ClearedAt) && m.Scope switch
        {
            ChatScope.Global => true,
            ChatScope.Private => m.Source == reader.Id || m.Target == reader.Id,
            _ => m.Group is { } g && reader.Identity.IsInGroup(g),
        });

    public static string Conversation(ChatScope scope, Guid? target, string? group) => scope switch
    {
        ChatScope.Private => $"private:{target}",
        ChatScope.Group => $"group:{group}",
        _ => "global",
    };
}
