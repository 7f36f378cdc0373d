using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;
using In = OpenTalk.Protocol.Signaling.Inbound;

namespace OpenTalk.Host.Signaling;

public static partial class ClientMessageParser
{
    private static ParsedMessage MeetingReport(string action, In.IMeetingReportMessage message, Sender s) => message switch
    {
        In.GenerateAttendanceReport { IncludeEmailAddresses: { } emails } =>
            new ParsedMessage.ForMeeting(Namespaces.MeetingReport, action, new GenerateReport(s.Room, s.Me, emails)),
        _ => InvalidPayload(Namespaces.MeetingReport),
    };
}
