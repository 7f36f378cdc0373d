using System.Text.Json;
using System.Text.Json.Serialization;
using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Scheduling;

/// <summary>A scheduled meeting's id; like <see cref="Meetings.RoomId"/>, explicit to make and read as a <see cref="Guid"/> anywhere.</summary>
[JsonConverter(typeof(ScheduledEventIdJson))]
public readonly record struct ScheduledEventId(Guid Value)
{
    public static implicit operator Guid(ScheduledEventId id) => id.Value;

    public override string ToString() => Value.ToString();
}

/// <summary>An account's id (who acts on a scheduled meeting), not a participant's.</summary>
[JsonConverter(typeof(UserIdJson))]
public readonly record struct UserId(Guid Value)
{
    public static implicit operator Guid(UserId id) => id.Value;

    public override string ToString() => Value.ToString();
}

/// <summary>A command for a scheduled meeting: its id and who acts are typed, so that they cannot be given swapped.</summary>
public interface IEventCommand : IWithEventId
{
    new ScheduledEventId EventId { get; }

    Guid IWithEventId.EventId => EventId;
}

/// <summary>Written as the plain id, as the <see cref="Guid"/> it replaced was.</summary>
public sealed class ScheduledEventIdJson : JsonConverter<ScheduledEventId>
{
    public override ScheduledEventId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetGuid());

    public override void Write(Utf8JsonWriter writer, ScheduledEventId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}

/// <summary>Written as the plain id.</summary>
public sealed class UserIdJson : JsonConverter<UserId>
{
    public override UserId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetGuid());

    public override void Write(Utf8JsonWriter writer, UserId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
