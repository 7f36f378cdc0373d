namespace OpenTalk.Protocol.Signaling;

public enum SelectionStrategy { Playlist, Random, Nomination }

/// <summary>How a moderator's <c>select</c> picks the next speaker.</summary>
public enum SpeakerSelect { None, Next, Random, Specific }

public static class AutomodActions
{
    public const string Start = "start";
    public const string Edit = "edit";
    public const string Stop = "stop";
    public const string Select = "select";
    public const string Yield = "yield";
}

public sealed record AutomodConfig(SelectionStrategy SelectionStrategy, double? TimeLimit, bool AllowDoubleSelection);

public sealed record AutomodStartedPayload(AutomodConfig Config, IReadOnlyList<Guid> Remaining) : ServerPayload("started");

public sealed record SpeakerUpdated(Guid? Speaker, DateTimeOffset? EndsAt, IReadOnlyList<Guid> History, IReadOnlyList<Guid> Remaining)
    : ServerPayload("speaker_updated");

public sealed record RemainingUpdated(IReadOnlyList<Guid> Remaining) : ServerPayload("remaining_updated");

public sealed record AutomodStoppedPayload() : ServerPayload("stopped");

/// <summary>The talking-stick part of <c>join_success</c>.</summary>
public sealed record AutomodModuleState(AutomodConfig Config, Guid? Speaker, DateTimeOffset? EndsAt, IReadOnlyList<Guid> History, IReadOnlyList<Guid> Remaining);
