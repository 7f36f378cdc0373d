using System.Text.Json.Serialization;
using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Scheduling;

/// <summary>A scheduled meeting's id; like <see cref="Meetings.RoomId"/>, explicit to make and read as a <see cref="Guid"/> anywhere.</summary>
[JsonConverter(typeof(TypedIdJson<ScheduledEventId>))]
public readonly record struct ScheduledEventId(Guid Value) : ITypedId<ScheduledEventId>
{
    public static ScheduledEventId From(Guid value) => new(value);

    public static implicit operator Guid(ScheduledEventId id) => id.Value;

    public override string ToString() => Value.ToString();
}

/// <summary>An account's id (who acts on a scheduled meeting), not a participant's.</summary>
[JsonConverter(typeof(TypedIdJson<UserId>))]
public readonly record struct UserId(Guid Value) : ITypedId<UserId>
{
    public static UserId From(Guid value) => new(value);

    public static implicit operator Guid(UserId id) => id.Value;

    public override string ToString() => Value.ToString();
}

/// <summary>A command for a scheduled meeting: its id and who acts are typed, so that they cannot be given swapped.</summary>
public interface IEventCommand : IWithEventId
{
    new ScheduledEventId EventId { get; }

    Guid IWithEventId.EventId => EventId;
}
