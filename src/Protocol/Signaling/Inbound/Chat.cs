using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace OpenTalk.Protocol.Signaling.Inbound;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(SendMessage), ChatActions.SendMessage)]
[JsonDerivedType(typeof(EnableChat), ChatActions.EnableChat)]
[JsonDerivedType(typeof(DisableChat), ChatActions.DisableChat)]
[JsonDerivedType(typeof(ClearHistory), ChatActions.ClearHistory)]
[JsonDerivedType(typeof(SetLastSeenTimestamp), ChatActions.SetLastSeenTimestamp)]
[JsonDerivedType(typeof(GetHistoryChunk), ChatActions.GetHistoryChunk)]
[JsonDerivedType(typeof(SearchHistory), ChatActions.SearchHistory)]
public interface IChatMessage;

/// <summary>
/// A message to everyone (no <c>scope</c>), to one participant (<c>target</c>, an id) or to a group (its name in
/// <c>target</c> or in <c>group</c>).
/// </summary>
public sealed record SendMessage(
    string? Content,
    ChatScope? Scope = null,
    [property: JsonConverter(typeof(LooseString))] string? Target = null,
    [property: JsonConverter(typeof(LooseString))] string? Group = null) : IChatMessage;

public sealed record EnableChat : IChatMessage;

public sealed record DisableChat : IChatMessage;

public sealed record ClearHistory : IChatMessage;

/// <summary>
/// Marks a chat read up to <c>timestamp</c>, kept as text because any date <see cref="DateTimeOffset.TryParse(string?, IFormatProvider?, System.Globalization.DateTimeStyles, out DateTimeOffset)"/>
/// reads is accepted, not only ISO 8601. <c>target</c> is the private peer's id or, as in <see cref="SendMessage"/>, the group's name.
/// </summary>
public sealed record SetLastSeenTimestamp(
    [property: JsonConverter(typeof(LooseString))] string? Timestamp,
    ChatScope? Scope = null,
    [property: JsonConverter(typeof(LooseString))] string? Target = null,
    [property: JsonConverter(typeof(LooseString))] string? Group = null) : IChatMessage;

/// <summary>Older messages; <c>count</c> may be left out but not be <c>null</c>.</summary>
public sealed record GetHistoryChunk(Guid? Before = null, [DisallowNull][property: DisallowNull] int? Count = 50) : IChatMessage;

public sealed record SearchHistory(string? Query) : IChatMessage;
