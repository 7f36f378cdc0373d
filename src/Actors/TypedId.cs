using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenTalk.Actors;

/// <summary>
/// An id with a type of its own (<see cref="Meetings.RoomId"/>, <see cref="Meetings.ParticipantId"/>,
/// <see cref="Scheduling.ScheduledEventId"/>, <see cref="Scheduling.UserId"/>): explicit to make from a <see cref="Guid"/>,
/// read as one anywhere.
/// </summary>
public interface ITypedId<TSelf> where TSelf : struct, ITypedId<TSelf>
{
    Guid Value { get; }

    static abstract TSelf From(Guid value);
}

/// <summary>Writes a typed id as the plain id, as the <see cref="Guid"/> it replaced was: nodes of both versions read each other.</summary>
public sealed class TypedIdJson<TId> : JsonConverter<TId> where TId : struct, ITypedId<TId>
{
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => TId.From(reader.GetGuid());

    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
