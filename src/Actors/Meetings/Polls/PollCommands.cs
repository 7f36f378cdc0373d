using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

public sealed record StartPoll(Guid RoomId, Guid ParticipantId, Guid PollId, string Topic, bool Live, bool MultipleChoice,
    IReadOnlyList<string> Choices, TimeSpan Duration, bool AllowEditing) : IParticipantCommand;

public sealed record VoteInPoll(Guid RoomId, Guid ParticipantId, Guid PollId, IReadOnlyList<int> Choices) : IParticipantCommand;

public sealed record FinishPoll(Guid RoomId, Guid ParticipantId, Guid PollId) : IParticipantCommand;

/// <summary>The room's own clock says the poll's time is up.</summary>
public sealed record ExpirePoll(Guid PollId) : IMeetingClockTick;
