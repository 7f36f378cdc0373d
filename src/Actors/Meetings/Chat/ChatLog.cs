using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

public sealed record ChatEntry(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("source")] Guid Source,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("scope")] MessageScope Scope,
    [property: JsonPropertyName("target")] Guid? Target,
    [property: JsonPropertyName("group")] string? Group)
{
    public ChatMessageView View() => new(Id, Source, At, Content, Scope.ToWire(), Target, Group);
}

/// <summary>The room's chat: on/off, the messages, where the visible history starts, and read markers.</summary>
public sealed record ChatLog(
    [property: JsonPropertyName("enabled")] bool Enabled,
    [property: JsonPropertyName("messages")] ImmutableList<ChatEntry> Messages,
    [property: JsonPropertyName("cleared_at")] DateTimeOffset? ClearedAt,
    [property: JsonPropertyName("last_seen")] ImmutableDictionary<Guid, ImmutableDictionary<string, DateTimeOffset>> LastSeen)
{
    public const int MaxContentLength = 4096;
    public const int HistoryInJoin = 100;

    public static readonly ChatLog Empty = new(true, [], null, ImmutableDictionary<Guid, ImmutableDictionary<string, DateTimeOffset>>.Empty);

    /// <summary>Messages this participant may read, oldest first: not cleared, and meant for them.</summary>
    public IEnumerable<ChatEntry> VisibleTo(MeetingParticipant reader) =>
        Messages.Where(m => (ClearedAt is null || m.At > ClearedAt) && m.Scope switch
        {
            MessageScope.Global => true,
            MessageScope.Private => m.Source == reader.Id || m.Target == reader.Id,
            _ => m.Group is { } g && reader.Identity.IsInGroup(g),
        });

    public static string Conversation(MessageScope scope, Guid? target, string? group) => scope switch
    {
        MessageScope.Private => $"private:{target}",
        MessageScope.Group => $"group:{group}",
        _ => "global",
    };
}
