using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;
using In = OpenTalk.Protocol.Signaling.Inbound;

namespace OpenTalk.Host.Signaling;

/// <summary>The <c>recording</c> namespace, and the recorder's own <c>recording_service</c>.</summary>
public static partial class ClientMessageParser
{
    /// <summary>More streams than a room has in a start, pause or stop: a client's mistake, not a command.</summary>
    private const int MaxStreamsNamed = 100;

    private static ParsedMessage Recording(string action, In.IRecordingMessage message, Sender s)
    {
        const string ns = Namespaces.Recording;
        ParsedMessage For(IParticipantCommand command) => new ParsedMessage.ForMeeting(ns, action, command);
        return message switch
        {
            In.StartStream { TargetIds: { Count: <= MaxStreamsNamed } targets } => For(new StartStreams(s.Room, s.Me, targets)),
            In.PauseStream { TargetIds: { Count: <= MaxStreamsNamed } targets } => For(new PauseStreams(s.Room, s.Me, targets)),
            In.StopStream { TargetIds: { Count: <= MaxStreamsNamed } targets } => For(new StopStreams(s.Room, s.Me, targets)),
            In.SetConsent { Consent: { } consent } => For(new SetRecordingConsent(s.Room, s.Me, consent)),
            _ => InvalidPayload(ns),
        };
    }

    private static ParsedMessage RecordingService(string action, In.IRecordingServiceMessage message, Sender s)
    {
        const string ns = Namespaces.RecordingService;
        return message switch
        {
            In.ReportStream { TargetId: { } target, Status: { } status } report
                when status != StreamStatus.Error || report.Reason is { Code: not null, Message: not null } =>
                new ParsedMessage.ForMeeting(ns, action, new ReportStreamPhase(s.Room, s.Me, target, status.ToMeeting(),
                    report.Reason?.Code, report.Reason?.Message)),
            _ => InvalidPayload(ns),
        };
    }
}
