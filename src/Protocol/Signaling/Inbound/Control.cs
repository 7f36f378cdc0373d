using System.Text.Json.Serialization;

namespace OpenTalk.Protocol.Signaling.Inbound;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(Join), ControlActions.Join)]
[JsonDerivedType(typeof(EnterRoom), ControlActions.EnterRoom)]
[JsonDerivedType(typeof(RaiseHand), ControlActions.RaiseHand)]
[JsonDerivedType(typeof(LowerHand), ControlActions.LowerHand)]
[JsonDerivedType(typeof(GrantModeratorRole), ControlActions.GrantModeratorRole)]
[JsonDerivedType(typeof(RevokeModeratorRole), ControlActions.RevokeModeratorRole)]
[JsonDerivedType(typeof(Leave), ControlActions.Leave)]
public interface IControlMessage;

public sealed record Join(string? DisplayName) : IControlMessage;

public sealed record EnterRoom : IControlMessage;

public sealed record RaiseHand : IControlMessage;

public sealed record LowerHand : IControlMessage;

public sealed record GrantModeratorRole(Guid? Target) : IControlMessage;

public sealed record RevokeModeratorRole(Guid? Target) : IControlMessage;

public sealed record Leave : IControlMessage;
