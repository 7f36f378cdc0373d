using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenTalk.Protocol.Signaling.Inbound;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(Publish), MediaActions.Publish)]
[JsonDerivedType(typeof(PublishComplete), MediaActions.PublishComplete)]
[JsonDerivedType(typeof(Unpublish), MediaActions.Unpublish)]
[JsonDerivedType(typeof(UpdateMediaSession), MediaActions.UpdateMediaSession)]
[JsonDerivedType(typeof(Subscribe), MediaActions.Subscribe)]
[JsonDerivedType(typeof(Resubscribe), MediaActions.Resubscribe)]
[JsonDerivedType(typeof(Configure), MediaActions.Configure)]
[JsonDerivedType(typeof(SdpAnswer), MediaActions.SdpAnswer)]
[JsonDerivedType(typeof(SdpCandidate), MediaActions.SdpCandidate)]
[JsonDerivedType(typeof(SdpEndOfCandidates), MediaActions.SdpEndOfCandidates)]
[JsonDerivedType(typeof(ModeratorMute), MediaActions.ModeratorMute)]
[JsonDerivedType(typeof(AllowUnmute), MediaActions.AllowUnmute)]
[JsonDerivedType(typeof(GrantPresenterRole), MediaActions.GrantPresenterRole)]
[JsonDerivedType(typeof(RevokePresenterRole), MediaActions.RevokePresenterRole)]
[JsonDerivedType(typeof(RequirePresenterRole), MediaActions.RequirePresenterRole)]
[JsonDerivedType(typeof(UpdateSpeakingState), MediaActions.UpdateSpeakingState)]
[JsonDerivedType(typeof(ModeratorEnableForceMute), MediaActions.ModeratorEnableForceMute)]
[JsonDerivedType(typeof(ModeratorDisableForceMute), MediaActions.ModeratorDisableForceMute)]
public interface IMediaMessage;

/// <summary>
/// An offer to publish; a whisper session names its group in <c>whisper_id</c>. Clients also send a <c>target</c>,
/// which is ignored: everyone publishes as themselves.
/// </summary>
public sealed record Publish(
    [property: JsonConverter(typeof(LooseEnum<MediaSessionType>))] MediaSessionType? MediaSessionType,
    string? Sdp,
    [property: JsonConverter(typeof(LooseGuid))] Guid? WhisperId = null,
    [property: JsonConverter(typeof(LooseGuid))] Guid? Target = null) : IMediaMessage;

/// <summary>
/// <c>media_session_state</c> is <c>{audio, video}</c>, or that nested under the session's type (<c>screen</c> for a
/// screen, <c>video</c> otherwise) as OpenTalk clients send it; it stays raw JSON because the session type decides the shape.
/// </summary>
public sealed record PublishComplete(
    [property: JsonConverter(typeof(LooseEnum<MediaSessionType>))] MediaSessionType? MediaSessionType,
    JsonElement? MediaSessionState) : IMediaMessage;

public sealed record Unpublish(
    [property: JsonConverter(typeof(LooseEnum<MediaSessionType>))] MediaSessionType? MediaSessionType) : IMediaMessage;

/// <summary><c>media_session_state</c> as in <see cref="PublishComplete"/>.</summary>
public sealed record UpdateMediaSession(
    [property: JsonConverter(typeof(LooseEnum<MediaSessionType>))] MediaSessionType? MediaSessionType,
    JsonElement? MediaSessionState) : IMediaMessage;

public sealed record Subscribe(
    [property: JsonConverter(typeof(LooseEnum<MediaSessionType>))] MediaSessionType? MediaSessionType,
    Guid? Target,
    [property: JsonConverter(typeof(LooseBool))] bool WithoutVideo = false) : IMediaMessage;

public sealed record Resubscribe(
    [property: JsonConverter(typeof(LooseEnum<MediaSessionType>))] MediaSessionType? MediaSessionType,
    Guid? Target) : IMediaMessage;

/// <summary>What to receive of a subscription: the video at all, and which simulcast layer (0 the lowest, 2 the highest).</summary>
public sealed record Configure(
    [property: JsonConverter(typeof(LooseEnum<MediaSessionType>))] MediaSessionType? MediaSessionType,
    Guid? Target,
    SubscriberConfiguration? Configuration) : IMediaMessage;

/// <summary>At least one of the two is given; a layer out of range counts as not given.</summary>
public sealed record SubscriberConfiguration(
    [property: JsonConverter(typeof(LooseNullableBool))] bool? Video = null,
    [property: JsonConverter(typeof(Substream)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Substream = null);

/// <summary>The browser's answer to the server's offer for <c>target</c>'s session.</summary>
public sealed record SdpAnswer(
    [property: JsonConverter(typeof(LooseEnum<MediaSessionType>))] MediaSessionType? MediaSessionType,
    Guid? Target,
    string? Sdp) : IMediaMessage;

public sealed record SdpCandidate(
    [property: JsonConverter(typeof(LooseEnum<MediaSessionType>))] MediaSessionType? MediaSessionType,
    Guid? Target,
    IceCandidate? Candidate) : IMediaMessage;

/// <summary>An ICE candidate as browsers give it, in their spelling.</summary>
public sealed record IceCandidate(
    [property: JsonPropertyName("candidate")] string? Candidate,
    [property: JsonPropertyName("sdpMLineIndex")] int? SdpMLineIndex,
    [property: JsonPropertyName("sdpMid"), JsonConverter(typeof(LooseString))] string? SdpMid = null);

public sealed record SdpEndOfCandidates(
    [property: JsonConverter(typeof(LooseEnum<MediaSessionType>))] MediaSessionType? MediaSessionType,
    Guid? Target) : IMediaMessage;

/// <summary><see cref="Mute"/>, sent in this namespace by OpenTalk clients.</summary>
public sealed record ModeratorMute([property: JsonConverter(typeof(LooseBool))] bool Force = false) : IMediaMessage
{
    // A property, as no parameter can default to an empty list; an absent list (everyone) is not a null one (refused).
    [DisallowNull]
    public IReadOnlyList<Guid>? Targets { get; init; } = [];
}

/// <summary>Lets force-muted participants unmute again.</summary>
public sealed record AllowUnmute(IReadOnlyList<Guid>? ParticipantIds) : IMediaMessage;

public sealed record GrantPresenterRole(IReadOnlyList<Guid>? ParticipantIds) : IMediaMessage;

public sealed record RevokePresenterRole(IReadOnlyList<Guid>? ParticipantIds) : IMediaMessage;

/// <summary>Whether sharing a screen needs the presenter role in this room.</summary>
public sealed record RequirePresenterRole(bool? Required) : IMediaMessage;

/// <summary>
/// OpenTalk's apps report whether their own microphone hears speech. Read, and without effect: the node tells who speaks
/// from the audio the SFU receives (<c>speaker_updated</c>), which a client cannot claim for itself.
/// </summary>
public sealed record UpdateSpeakingState([property: JsonConverter(typeof(LooseNullableBool))] bool? IsSpeaking) : IMediaMessage;

/// <summary>Locks every microphone but those of moderators and <c>allow_list</c> (OpenTalk's force mute).</summary>
public sealed record ModeratorEnableForceMute(IReadOnlyList<Guid>? AllowList) : IMediaMessage;

/// <summary>Lifts the microphone lock.</summary>
public sealed record ModeratorDisableForceMute() : IMediaMessage;
