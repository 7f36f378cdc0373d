using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

public enum SelectHow { None, Next, Random, Specific }

public sealed record StartAutomod(RoomId RoomId, ParticipantId ParticipantId, SpeakerSelection Strategy, IReadOnlyList<Guid> Playlist,
    TimeSpan? TimeLimit, bool AllowDoubleSelection, int Dice) : IParticipantCommand;

public sealed record EditAutomod(RoomId RoomId, ParticipantId ParticipantId, IReadOnlyList<Guid> Playlist) : IParticipantCommand;

public sealed record StopAutomod(RoomId RoomId, ParticipantId ParticipantId) : IParticipantCommand;

/// <summary>A moderator passes the stick. <see cref="Dice"/> is the random draw, made outside the pure decider.</summary>
public sealed record SelectSpeaker(RoomId RoomId, ParticipantId ParticipantId, SelectHow How, Guid? Participant, int Dice) : IParticipantCommand;

/// <summary>The speaker hands on: in nomination mode to <see cref="Next"/>.</summary>
public sealed record YieldSpeech(RoomId RoomId, ParticipantId ParticipantId, Guid? Next, int Dice) : IParticipantCommand;

/// <summary>The room's clock: the speaker's time is up.</summary>
public sealed record SpeakingTimeUp(Guid Speaker, DateTimeOffset Since, int Dice) : IMeetingClockTick;
