using System.Text.Json.Serialization;

namespace OpenTalk.Protocol.Signaling.Inbound;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(StartTimer), TimerActions.Start)]
[JsonDerivedType(typeof(StopTimer), TimerActions.Stop)]
[JsonDerivedType(typeof(UpdateReadyStatus), TimerActions.UpdateReadyStatus)]
public interface ITimerMessage;

/// <summary>A countdown or a stopwatch; <c>duration</c> in seconds.</summary>
public sealed record StartTimer(
    [property: JsonConverter(typeof(LooseEnum<TimerKindWire>))] TimerKindWire? Kind,
    [property: JsonConverter(typeof(LooseEnum<TimerStyle>))] TimerStyle? Style = null,
    double? Duration = null,
    [property: JsonConverter(typeof(LooseString))] string? Title = null,
    [property: JsonConverter(typeof(LooseBool))] bool EnableReadyCheck = false,
    [property: JsonConverter(typeof(LooseBool))] bool EndWhenAllReady = false) : ITimerMessage;

public sealed record StopTimer([property: JsonConverter(typeof(LooseGuid))] Guid? TimerId) : ITimerMessage;

public sealed record UpdateReadyStatus([property: JsonConverter(typeof(LooseGuid))] Guid? TimerId, bool? Status) : ITimerMessage;
