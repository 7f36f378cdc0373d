using System.Text.Json.Serialization;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// A room's id. Commands name their room and their people with types of their own, so that a room's id given where a
/// participant's belongs (or the sender where the target belongs) does not compile. Either reads as its
/// <see cref="Guid"/> wherever one is wanted (state, events, logs); making one from a <see cref="Guid"/> is explicit.
/// </summary>
[JsonConverter(typeof(TypedIdJson<RoomId>))]
public readonly record struct RoomId(Guid Value) : ITypedId<RoomId>
{
    public static RoomId From(Guid value) => new(value);

    public static implicit operator Guid(RoomId id) => id.Value;

    public override string ToString() => Value.ToString();
}

/// <summary>A participant's id (someone in a meeting, not an account); see <see cref="RoomId"/>.</summary>
[JsonConverter(typeof(TypedIdJson<ParticipantId>))]
public readonly record struct ParticipantId(Guid Value) : ITypedId<ParticipantId>
{
    public static ParticipantId From(Guid value) => new(value);

    public static implicit operator Guid(ParticipantId id) => id.Value;

    public override string ToString() => Value.ToString();
}
