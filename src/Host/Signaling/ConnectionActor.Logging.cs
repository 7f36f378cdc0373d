namespace OpenTalk.Host.Signaling;

/// <summary>What a socket's connection logs, each line with the meeting's and the participant's ids as fields.</summary>
public sealed partial class ConnectionActor
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting {MeetingId} is back; participant {ParticipantId} re-attached after {Seconds:0.0} s")]
    private partial void LogReattached(Guid meetingId, Guid participantId, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing the socket of participant {ParticipantId} in meeting {MeetingId}: {Reason}")]
    private partial void LogClosing(Guid meetingId, Guid participantId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting {MeetingId} moved; participant {ParticipantId} re-attaches")]
    private partial void LogMeetingMoved(Guid meetingId, Guid participantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting {MeetingId} is being handed to another node; participant {ParticipantId} follows it")]
    private partial void LogMeetingMoving(Guid meetingId, Guid participantId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Meeting {MeetingId} refused command {Number} of participant {ParticipantId}, which is settled already: {Error}")]
    private partial void LogRefusedWhenSettled(Guid meetingId, Guid participantId, long number, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Media actor of participant {ParticipantId} in meeting {MeetingId} failed; it goes on")]
    private partial void LogMediaFault(Exception exception, Guid meetingId, Guid participantId);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Meeting {MeetingId} did not confirm {Count} commands of participant {ParticipantId}: refused as meeting_unavailable")]
    private partial void LogUnconfirmed(Guid meetingId, Guid participantId, int count);
}
