using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

public sealed record StartPoll(RoomId RoomId, ParticipantId ParticipantId, Guid PollId, string Topic, bool Live, bool MultipleChoice,
    IReadOnlyList<string> Choices, TimeSpan Duration, bool AllowEditing) : IParticipantCommand;

public sealed record VoteInPoll(RoomId RoomId, ParticipantId ParticipantId, Guid PollId, IReadOnlyList<int> Choices) : IParticipantCommand;

public sealed record FinishPoll(RoomId RoomId, ParticipantId ParticipantId, Guid PollId) : IParticipantCommand;

/// <summary>The room's own clock says the poll's time is up.</summary>
public sealed record ExpirePoll(Guid PollId) : IMeetingClockTick;
