namespace OpenTalk.Actors.Sharding;

/// <summary>Messages for a meeting entity; the shard extractor routes by <see cref="RoomId"/>.</summary>
public interface IWithRoomId : IEngineMessage
{
    Guid RoomId { get; }
}

public interface IWithParticipantId : IEngineMessage
{
    Guid ParticipantId { get; }
}

public interface IWithTimerId : IEngineMessage
{
    Guid TimerId { get; }
}

public interface IWithEventId : IEngineMessage
{
    Guid EventId { get; }
}

public interface IWithSipId : IEngineMessage
{
    Guid SipEntityId { get; }
}

/// <summary>
/// What a shard sends its entities when it hands them to another node (a drain, a rebalance). It is an ordinary
/// command, not a PoisonPill: it waits behind a write in progress and the commands held back during it, so every
/// command the entity took is stored and answered before it stops, and the ones that follow go to its new home.
/// </summary>
public sealed class HandOffStop
{
    public static readonly HandOffStop Instance = new();

    private HandOffStop()
    {
    }
}
