namespace OpenTalk.Actors.Sharding;

/// <summary>Messages for a meeting entity; the shard extractor routes by <see cref="RoomId"/>.</summary>
public interface IWithRoomId
{
    Guid RoomId { get; }
}

public interface IWithParticipantId
{
    Guid ParticipantId { get; }
}

public interface IWithTimerId
{
    Guid TimerId { get; }
}
