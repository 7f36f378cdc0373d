namespace OpenTalk.Protocol.Signaling;

public static class PollActions
{
    public const string Start = "start";
    public const string Vote = "vote";
    public const string Finish = "finish";
}

public sealed record PollChoice(int Id, string Content);

public sealed record PollResult(int Id, int Count);

public sealed record PollStartedPayload(Guid Id, string Topic, bool Live, bool MultipleChoice, IReadOnlyList<PollChoice> Choices,
    double Duration, bool AllowEditing, DateTimeOffset EndsAt) : ServerPayload("started");

public sealed record PollLiveUpdate(Guid Id, IReadOnlyList<PollResult> Results) : ServerPayload("live_update");

public sealed record PollDone(Guid Id, IReadOnlyList<PollResult> Results, string Reason) : ServerPayload("done");

/// <summary>
/// The polls part of <c>join_success</c> while a poll runs, flat as OpenTalk's apps read it (the poll, and when it
/// <c>started</c>); ours besides: your vote (<c>my_choices</c>) and the live results if the poll shows them.
/// </summary>
public sealed record PollModuleState(Guid Id, string Topic, bool Live, bool MultipleChoice, IReadOnlyList<PollChoice> Choices,
    DateTimeOffset Started, double Duration, bool AllowEditing, DateTimeOffset EndsAt, IReadOnlyList<int> MyChoices, IReadOnlyList<PollResult>? Results);
