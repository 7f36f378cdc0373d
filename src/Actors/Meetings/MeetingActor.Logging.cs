using Microsoft.Extensions.Logging;
using OpenTalk.Actors.Telemetry;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// What a meeting logs: who came and went, each line with the meeting's and the participant's ids as fields, so that
/// a structured log (JSON console) can be searched by either.
/// </summary>
public sealed partial class MeetingActor
{
    private readonly ILogger _logger = EngineLoggers.For<MeetingActor>(Context.System);

    [LoggerMessage(Level = LogLevel.Information, Message = "Participant {ParticipantId} joined meeting {MeetingId}: {Outcome}")]
    private partial void LogJoined(Guid meetingId, Guid participantId, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting {MeetingId} refused participant {ParticipantId}: {Error}")]
    private partial void LogJoinRefused(Guid meetingId, Guid participantId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Participant {ParticipantId} left meeting {MeetingId}: {Reason}")]
    private partial void LogLeft(Guid meetingId, Guid participantId, LeaveReason reason);
}
