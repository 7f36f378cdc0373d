using System.Text.Json.Serialization;

namespace OpenTalk.Protocol.Signaling.Inbound;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(StartAutomod), AutomodActions.Start)]
[JsonDerivedType(typeof(EditAutomod), AutomodActions.Edit)]
[JsonDerivedType(typeof(StopAutomod), AutomodActions.Stop)]
[JsonDerivedType(typeof(SelectSpeaker), AutomodActions.Select)]
[JsonDerivedType(typeof(YieldSpeech), AutomodActions.Yield)]
public interface IAutomodMessage;

/// <summary>The talking stick; <c>time_limit</c> in seconds per speaker.</summary>
public sealed record StartAutomod(
    [property: JsonConverter(typeof(LooseEnum<SelectionStrategy>))] SelectionStrategy? SelectionStrategy,
    IReadOnlyList<Guid>? Playlist = null,
    double? TimeLimit = null,
    [property: JsonConverter(typeof(LooseBool))] bool AllowDoubleSelection = false) : IAutomodMessage;

public sealed record EditAutomod(IReadOnlyList<Guid>? Playlist = null) : IAutomodMessage;

public sealed record StopAutomod : IAutomodMessage;

public sealed record SelectSpeaker(
    [property: JsonConverter(typeof(LooseEnum<SpeakerSelect>))] SpeakerSelect? How,
    [property: JsonConverter(typeof(LooseGuid))] Guid? Participant = null) : IAutomodMessage;

public sealed record YieldSpeech([property: JsonConverter(typeof(LooseGuid))] Guid? Next = null) : IAutomodMessage;
