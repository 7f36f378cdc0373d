namespace OpenTalk.Actors.Telemetry;

/// <summary>
/// One meeting's share of <see cref="OpenTalkTelemetry.ActiveMeetings"/> and <see cref="OpenTalkTelemetry.Participants"/>:
/// the meeting reports its participants after each change and zero when it stops, and the node's totals move by the
/// difference, so a meeting that moves to another node takes its share with it.
/// </summary>
public sealed class MeetingPresence
{
    private int _participants;

    public void Report(int participants)
    {
        if (participants == _participants)
            return;
        if (_participants == 0)
            OpenTalkTelemetry.ActiveMeetings.Add(1);
        else if (participants == 0)
            OpenTalkTelemetry.ActiveMeetings.Add(-1);
        OpenTalkTelemetry.Participants.Add(participants - _participants);
        _participants = participants;
    }
}
