using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace OpenTalk.Protocol.Signaling.Inbound;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(Accept), ModerationActions.Accept)]
[JsonDerivedType(typeof(AcceptAll), ModerationCommandNames.AcceptAll)]
[JsonDerivedType(typeof(Kick), ModerationCommandNames.Kick)]
[JsonDerivedType(typeof(Ban), ModerationCommandNames.Ban)]
[JsonDerivedType(typeof(SendToWaitingRoom), ModerationCommandNames.SendToWaitingRoom)]
[JsonDerivedType(typeof(Debrief), ModerationCommandNames.Debrief)]
[JsonDerivedType(typeof(ChangeDisplayName), ModerationCommandNames.ChangeDisplayName)]
[JsonDerivedType(typeof(EnableWaitingRoom), ModerationCommandNames.EnableWaitingRoom)]
[JsonDerivedType(typeof(DisableWaitingRoom), ModerationCommandNames.DisableWaitingRoom)]
[JsonDerivedType(typeof(EnableRaiseHands), ModerationCommandNames.EnableRaiseHands)]
[JsonDerivedType(typeof(DisableRaiseHands), ModerationCommandNames.DisableRaiseHands)]
[JsonDerivedType(typeof(ResetRaisedHands), ModerationCommandNames.ResetRaisedHands)]
[JsonDerivedType(typeof(Mute), ModerationCommandNames.Mute)]
public interface IModerationMessage;

/// <summary>Lets one participant in from the waiting room.</summary>
public sealed record Accept(Guid? Target) : IModerationMessage;

public sealed record AcceptAll : IModerationMessage;

public sealed record Kick(Guid? Target) : IModerationMessage;

public sealed record Ban(Guid? Target) : IModerationMessage;

public sealed record SendToWaitingRoom(Guid? Target) : IModerationMessage;

/// <summary>Begins the debriefing; <c>kick_scope</c> says who must leave.</summary>
public sealed record Debrief([property: JsonConverter(typeof(LooseEnum<KickScope>))] KickScope? KickScope) : IModerationMessage;

public sealed record ChangeDisplayName(Guid? Target, string? NewName) : IModerationMessage;

public sealed record EnableWaitingRoom : IModerationMessage;

public sealed record DisableWaitingRoom : IModerationMessage;

public sealed record EnableRaiseHands : IModerationMessage;

public sealed record DisableRaiseHands : IModerationMessage;

/// <summary>Lowers the hands of <c>target</c> (one participant or a list, as OpenTalk's apps send it), or every hand when there is none.</summary>
public sealed record ResetRaisedHands([property: JsonConverter(typeof(OneOrManyGuids))] IReadOnlyList<Guid>? Target = null) : IModerationMessage;

/// <summary>Asks <c>targets</c> to mute, everyone else when the field is left out.</summary>
public sealed record Mute([property: JsonConverter(typeof(LooseBool))] bool Force = false) : IModerationMessage
{
    // A property, as no parameter can default to an empty list; an absent list (everyone) is not a null one (refused).
    [DisallowNull]
    public IReadOnlyList<Guid>? Targets { get; init; } = [];
}
