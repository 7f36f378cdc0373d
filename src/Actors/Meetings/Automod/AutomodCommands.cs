using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

public enum SelectHow { None, Next, Random, Specific }

public sealed record StartAutomod(Guid RoomId, Guid ParticipantId, SpeakerSelection Strategy, IReadOnlyList<Guid> Playlist,
    TimeSpan? TimeLimit, bool AllowDoubleSelection, int Dice) : IParticipantCommand;

public sealed record EditAutomod(Guid RoomId, Guid ParticipantId, IReadOnlyList<Guid> Playlist) : IParticipantCommand;

public sealed record StopAutomod(Guid RoomId, Guid ParticipantId) : IParticipantCommand;

/// <summary>A moderator passes the stick. <see cref="Dice"/> is the random draw, made outside the pure decider.</summary>
public sealed record SelectSpeaker(Guid RoomId, Guid ParticipantId, SelectHow How, Guid? Participant, int Dice) : IParticipantCommand;

/// <summary>The speaker hands on: in nomination mode to <see cref="Next"/>.</summary>
public sealed record YieldSpeech(Guid RoomId, Guid ParticipantId, Guid? Next, int Dice) : IParticipantCommand;

/// <summary>The room's clock: the speaker's time is up.</summary>
public sealed record SpeakingTimeUp(Guid Speaker, DateTimeOffset Since, int Dice) : IMeetingClockTick;
