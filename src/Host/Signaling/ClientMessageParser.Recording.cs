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
            In.ForwardMedia { Target: { } target, MediaSessionType: MediaSessionType.Video or MediaSessionType.Screen, Host: { } host } forward
                when IsForwardHost(host) && (forward.AudioPort is not null || forward.VideoPort is not null)
                    && IsPort(forward.AudioPort) && IsPort(forward.VideoPort) =>
                new ParsedMessage.ForMedia(new OpenTalk.Media.MediaCommand.Forward(target, forward.MediaSessionType.Value, host, forward.AudioPort, forward.VideoPort)),
            In.StopForwardMedia { Target: { } target, MediaSessionType: { } type } =>
                new ParsedMessage.ForMedia(new OpenTalk.Media.MediaCommand.StopForward(target, type)),
            In.RequestKeyframe { Target: { } target, MediaSessionType: MediaSessionType.Video or MediaSessionType.Screen } keyframe =>
                new ParsedMessage.ForMedia(new OpenTalk.Media.MediaCommand.Keyframe(target, keyframe.MediaSessionType.Value)),
            _ => InvalidPayload(ns),
        };
    }

    /// <summary>(ours) A moderator calls a phone; a number longer than any phone's is a client's mistake.</summary>
    private static ParsedMessage DialOut(string action, In.IDialOutMessage message, Sender s) => message switch
    {
        In.DialPhone { Number: { Length: <= 64 } number } =>
            new ParsedMessage.ForMeeting(Namespaces.DialOut, action, new DialPhone(s.Room, s.Me, number)),
        _ => InvalidPayload(Namespaces.DialOut),
    };

    /// <summary>(ours) The phone gateway's requests for its caller; the meeting refuses them from anyone but a caller.</summary>
    private static ParsedMessage CallIn(string action, In.ICallInMessage message, Sender s) => message switch
    {
        In.PublishCall => new ParsedMessage.ForMedia(new OpenTalk.Media.MediaCommand.PublishCall()),
        In.UnpublishCall => new ParsedMessage.ForMedia(new OpenTalk.Media.MediaCommand.Unpublish(MediaSessionType.Video)),
        In.ForwardToCall { Target: { } target, Host: { } host, AudioPort: { } port } when IsForwardHost(host) && IsPort(port) =>
            new ParsedMessage.ForMedia(new OpenTalk.Media.MediaCommand.ForwardToCall(target, host, port)),
        In.StopForwardToCall { Target: { } target } =>
            new ParsedMessage.ForMedia(new OpenTalk.Media.MediaCommand.StopForward(target, MediaSessionType.Video)),
        _ => InvalidPayload(Namespaces.CallIn),
    };

    /// <summary>An IPv4 address in dotted form: Janus forwards to an address, never to a name it would have to look up.</summary>
    private static bool IsForwardHost(string host) =>
        System.Net.IPAddress.TryParse(host, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
        && address.ToString() == host;

    private static bool IsPort(int? port) => port is null or (>= 1024 and <= 65535);
}
