using Akka.Cluster.Sharding;

namespace OpenTalk.Actors.Sharding;

/// <summary>
/// Routes by the marker interfaces (<see cref="IWithRoomId"/> and friends). The shard is a stable
/// hash of the id, so every node agrees where an entity lives.
/// </summary>
public sealed class EntityMessageExtractor<TMarker>(Func<TMarker, Guid> idOf, int maxShards = 100)
    : HashCodeMessageExtractor(maxShards)
{
    public override string? EntityId(object message) => message switch
    {
        TMarker marked => idOf(marked).ToString(),
        _ => null,
    };
}

public static class EntityExtractors
{
    public static EntityMessageExtractor<IWithRoomId> Meeting() => new(m => m.RoomId);

    public static EntityMessageExtractor<IWithParticipantId> Participant() => new(m => m.ParticipantId);

    public static EntityMessageExtractor<IWithTimerId> Timer() => new(m => m.TimerId);

    public static EntityMessageExtractor<IWithEventId> Event() => new(m => m.EventId);

    public static EntityMessageExtractor<IWithSipId> Sip() => new(m => m.SipEntityId);

    public static EntityMessageExtractor<Collab.IWithDocumentId> Document() => new(m => m.DocumentId);
}
