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

/// <summary>
/// The talking stick's settings with who spoke and who may still speak, as OpenTalk's apps read them. The list is always
/// shown, raised hands are not considered and a random pick is not animated (<c>show_list</c>, <c>consider_hand_raise</c>,
/// <c>animation_on_random</c>: OpenTalk's options we do not offer).
/// </summary>
public sealed record AutomodConfig(SelectionStrategy SelectionStrategy, double? TimeLimit, bool AllowDoubleSelection,
    IReadOnlyList<Guid> History, IReadOnlyList<Guid> Remaining)
{
    public bool ShowList => true;

    public bool ConsiderHandRaise => false;

    public bool AnimationOnRandom => false;
}

/// <summary>The talking stick started, its settings at the top level as OpenTalk's apps read them.</summary>
public sealed record AutomodStartedPayload(SelectionStrategy SelectionStrategy, double? TimeLimit, bool AllowDoubleSelection,
    IReadOnlyList<Guid> History, IReadOnlyList<Guid> Remaining) : ServerPayload("started")
{
    public bool ShowList => true;

    public bool ConsiderHandRaise => false;

    public bool AnimationOnRandom => false;
}

public sealed record SpeakerUpdated(Guid? Speaker, DateTimeOffset? EndsAt, IReadOnlyList<Guid> History, IReadOnlyList<Guid> Remaining)
    : ServerPayload("speaker_updated");

public sealed record RemainingUpdated(IReadOnlyList<Guid> Remaining) : ServerPayload("remaining_updated");

public sealed record AutomodStoppedPayload() : ServerPayload("stopped");

/// <summary>The talking-stick part of <c>join_success</c>: OpenTalk's <c>config</c> and <c>speaker</c>, and ours besides (the others).</summary>
public sealed record AutomodModuleState(AutomodConfig Config, Guid? Speaker, DateTimeOffset? EndsAt, IReadOnlyList<Guid> History, IReadOnlyList<Guid> Remaining);
