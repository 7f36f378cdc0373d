using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// A room's id. Commands name their room and their people with types of their own, so that a room's id given where a
/// participant's belongs (or the sender where the target belongs) does not compile. Either reads as its
/// <see cref="Guid"/> wherever one is wanted (state, events, logs); making one from a <see cref="Guid"/> is explicit.
/// </summary>
[JsonConverter(typeof(RoomIdJson))]
public readonly record struct RoomId(Guid Value)
{
    public static implicit operator Guid(RoomId id) => id.Value;

    public override string ToString() => Value.ToString();
}

/// <summary>A participant's id (someone in a meeting, not an account); see <see cref="RoomId"/>.</summary>
[JsonConverter(typeof(ParticipantIdJson))]
public readonly record struct ParticipantId(Guid Value)
{
    public static implicit operator Guid(ParticipantId id) => id.Value;

    public override string ToString() => Value.ToString();
}

/// <summary>Written as the plain id, as the <see cref="Guid"/> it replaced was: nodes of both versions read each other.</summary>
public sealed class RoomIdJson : JsonConverter<RoomId>
{
    public override RoomId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetGuid());

    public override void Write(Utf8JsonWriter writer, RoomId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}

/// <summary>Written as the plain id; see <see cref="RoomIdJson"/>.</summary>
public sealed class ParticipantIdJson : JsonConverter<ParticipantId>
{
    public override ParticipantId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetGuid());

    public override void Write(Utf8JsonWriter writer, ParticipantId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
