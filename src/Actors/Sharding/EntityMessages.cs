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
