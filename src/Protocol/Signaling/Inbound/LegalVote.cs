using System.Text.Json.Serialization;

namespace OpenTalk.Protocol.Signaling.Inbound;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(StartLegalVote), LegalVoteActions.Start)]
[JsonDerivedType(typeof(CastLegalVote), LegalVoteActions.Vote)]
[JsonDerivedType(typeof(StopLegalVote), LegalVoteActions.Stop)]
[JsonDerivedType(typeof(CancelLegalVote), LegalVoteActions.Cancel)]
public interface ILegalVoteMessage;

/// <summary>A formal vote among <c>allowed_participants</c>; <c>duration</c> in seconds.</summary>
public sealed record StartLegalVote(
    string? Name,
    [property: JsonConverter(typeof(LooseEnum<LegalVoteKind>))] LegalVoteKind? Kind = null,
    IReadOnlyList<Guid>? AllowedParticipants = null,
    double? Duration = null,
    [property: JsonConverter(typeof(LooseBool))] bool EnableAbstain = false,
    [property: JsonConverter(typeof(LooseBool))] bool AutoClose = false) : ILegalVoteMessage;

/// <summary>A ballot; a pseudonymous vote needs the <c>token</c> the voter was sent.</summary>
public sealed record CastLegalVote(
    [property: JsonConverter(typeof(LooseGuid))] Guid? LegalVoteId,
    [property: JsonConverter(typeof(LooseEnum<VoteOption>))] VoteOption? Option,
    [property: JsonConverter(typeof(LooseString))] string? Token = null) : ILegalVoteMessage;

public sealed record StopLegalVote([property: JsonConverter(typeof(LooseGuid))] Guid? LegalVoteId) : ILegalVoteMessage;

public sealed record CancelLegalVote(
    [property: JsonConverter(typeof(LooseGuid))] Guid? LegalVoteId,
    [property: JsonConverter(typeof(LooseString))] string? Reason = null) : ILegalVoteMessage;
