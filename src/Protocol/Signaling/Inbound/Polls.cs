using System.Text.Json.Serialization;

namespace OpenTalk.Protocol.Signaling.Inbound;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(StartPoll), PollActions.Start)]
[JsonDerivedType(typeof(VoteInPoll), PollActions.Vote)]
[JsonDerivedType(typeof(FinishPoll), PollActions.Finish)]
public interface IPollsMessage;

/// <summary>A poll that ends after <c>duration</c> seconds.</summary>
public sealed record StartPoll(
    string? Topic,
    IReadOnlyList<string?>? Choices,
    double? Duration,
    [property: JsonConverter(typeof(LooseBool))] bool Live = false,
    [property: JsonConverter(typeof(LooseBool))] bool MultipleChoice = false,
    [property: JsonConverter(typeof(LooseBool))] bool AllowEditing = false) : IPollsMessage;

/// <summary>
/// The choices voted for: <c>choices</c> when it is a list, else <c>choice_ids</c> (OpenTalk's apps for several choices),
/// else the single <c>choice_id</c>.
/// </summary>
public sealed record VoteInPoll(
    [property: JsonConverter(typeof(LooseGuid))] Guid? PollId,
    [property: JsonConverter(typeof(LooseArray<int>))] IReadOnlyList<int>? Choices = null,
    [property: JsonConverter(typeof(LooseInt))] int? ChoiceId = null,
    [property: JsonConverter(typeof(LooseArray<int>))] IReadOnlyList<int>? ChoiceIds = null) : IPollsMessage;

/// <summary>The poll is named by <c>id</c> or, as the other poll messages do, by <c>poll_id</c>.</summary>
public sealed record FinishPoll(
    [property: JsonConverter(typeof(LooseGuid))] Guid? Id = null,
    [property: JsonConverter(typeof(LooseGuid))] Guid? PollId = null) : IPollsMessage;
