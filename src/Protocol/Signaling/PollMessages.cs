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

/// <summary>The polls part of <c>join_success</c>: the running poll, your vote, and live results if the poll shows them.</summary>
public sealed record PollModuleState(PollStartedPayload Poll, IReadOnlyList<int> MyChoices, IReadOnlyList<PollResult>? Results);
