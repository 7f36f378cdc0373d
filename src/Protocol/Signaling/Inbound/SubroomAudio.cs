using System.Text.Json.Serialization;

namespace OpenTalk.Protocol.Signaling.Inbound;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(CreateWhisperGroup), WhisperActions.Create)]
[JsonDerivedType(typeof(InviteToWhisperGroup), WhisperActions.Invite)]
[JsonDerivedType(typeof(AcceptWhisperInvite), WhisperActions.Accept)]
[JsonDerivedType(typeof(DeclineWhisperInvite), WhisperActions.Decline)]
[JsonDerivedType(typeof(KickWhisperParticipants), WhisperActions.Kick)]
[JsonDerivedType(typeof(LeaveWhisperGroup), WhisperActions.Leave)]
public interface ISubroomAudioMessage;

/// <summary>A whisper group of the sender and <c>participant_ids</c> (at least one).</summary>
public sealed record CreateWhisperGroup(IReadOnlyList<Guid>? ParticipantIds) : ISubroomAudioMessage;

public sealed record InviteToWhisperGroup(
    [property: JsonConverter(typeof(LooseGuid))] Guid? WhisperId,
    IReadOnlyList<Guid>? ParticipantIds) : ISubroomAudioMessage;

public sealed record AcceptWhisperInvite([property: JsonConverter(typeof(LooseGuid))] Guid? WhisperId) : ISubroomAudioMessage;

public sealed record DeclineWhisperInvite([property: JsonConverter(typeof(LooseGuid))] Guid? WhisperId) : ISubroomAudioMessage;

public sealed record KickWhisperParticipants(
    [property: JsonConverter(typeof(LooseGuid))] Guid? WhisperId,
    IReadOnlyList<Guid>? ParticipantIds) : ISubroomAudioMessage;

public sealed record LeaveWhisperGroup([property: JsonConverter(typeof(LooseGuid))] Guid? WhisperId) : ISubroomAudioMessage;
