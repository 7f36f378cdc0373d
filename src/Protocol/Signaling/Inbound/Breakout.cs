using System.Text.Json.Serialization;

namespace OpenTalk.Protocol.Signaling.Inbound;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(StartBreakout), BreakoutActions.Start)]
[JsonDerivedType(typeof(StopBreakout), BreakoutActions.Stop)]
public interface IBreakoutMessage;

/// <summary>Breakout rooms for <c>duration</c> seconds.</summary>
public sealed record StartBreakout(IReadOnlyList<BreakoutRoom?>? Rooms, double? Duration = null) : IBreakoutMessage;

/// <summary>One room and the participants sent to it.</summary>
public sealed record BreakoutRoom(
    [property: JsonConverter(typeof(LooseString))] string? Name,
    IReadOnlyList<Guid>? Assignments = null);

public sealed record StopBreakout : IBreakoutMessage;
