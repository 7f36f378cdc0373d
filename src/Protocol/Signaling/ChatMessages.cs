namespace OpenTalk.Protocol.Signaling;

public enum ChatScope { Global, Group, Private }

public static class ChatActions
{
    public const string SendMessage = "send_message";
    public const string EnableChat = "enable_chat";
    public const string DisableChat = "disable_chat";
    public const string ClearHistory = "clear_history";
    public const string SetLastSeenTimestamp = "set_last_seen_timestamp";
    public const string GetHistoryChunk = "get_history_chunk";
    public const string SearchHistory = "search_history";
}

/// <summary>One chat message as clients see it. <c>target</c> is the private peer; <c>group</c> the group name.</summary>
public sealed record ChatMessageView(Guid Id, Guid Source, DateTimeOffset Timestamp, string Content, ChatScope Scope, Guid? Target, string? Group);

public sealed record MessageSent(Guid Id, Guid Source, DateTimeOffset Timestamp, string Content, ChatScope Scope, Guid? Target, string? Group)
    : ServerPayload("message_sent");

public sealed record ChatEnabled(Guid IssuedBy) : ServerPayload("chat_enabled");

public sealed record ChatDisabled(Guid IssuedBy) : ServerPayload("chat_disabled");

public sealed record HistoryCleared(Guid IssuedBy) : ServerPayload("history_cleared");

public sealed record HistoryChunk(IReadOnlyList<ChatMessageView> Messages, bool HasMore) : ServerPayload("history_chunk");

public sealed record SearchResults(string Query, IReadOnlyList<ChatMessageView> Messages) : ServerPayload("search_results");

/// <summary>The chat part of <c>join_success</c>: the newest visible messages and your last-seen markers.</summary>
/// <remarks>
/// <see cref="RoomHistory"/> holds every message the participant may see, of every scope (each names its scope and
/// target); <see cref="GroupsHistory"/> and <see cref="PrivateHistory"/> are OpenTalk's split of the same and stay
/// empty, since its apps merge all three. The last-seen markers come both ways: ours by conversation key
/// (<c>global</c>, <c>group:{name}</c>, <c>private:{id}</c>) and OpenTalk's three fields.
/// </remarks>
public sealed record ChatModuleState(
    bool Enabled,
    IReadOnlyList<ChatMessageView> RoomHistory,
    bool HasMoreHistory,
    IReadOnlyDictionary<string, DateTimeOffset> LastSeenTimestamps)
{
    public IReadOnlyList<object> GroupsHistory { get; } = [];

    public IReadOnlyList<object> PrivateHistory { get; } = [];

    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)]
    public DateTimeOffset? LastSeenTimestampGlobal => LastSeenTimestamps.TryGetValue("global", out var at) ? at : null;

    public IReadOnlyDictionary<string, DateTimeOffset> LastSeenTimestampsPrivate => Markers("private:");

    public IReadOnlyDictionary<string, DateTimeOffset> LastSeenTimestampsGroup => Markers("group:");

    private Dictionary<string, DateTimeOffset> Markers(string prefix) => LastSeenTimestamps
        .Where(m => m.Key.StartsWith(prefix, StringComparison.Ordinal))
        .ToDictionary(m => m.Key[prefix.Length..], m => m.Value);
}
