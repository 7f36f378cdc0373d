using OpenTalk.Actors.Collab;
using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;
using In = OpenTalk.Protocol.Signaling.Inbound;

namespace OpenTalk.Host.Signaling;

public static partial class ClientMessageParser
{
    /// <summary>More writers at once than a room holds people is a client's mistake.</summary>
    private const int MaxWritersAtOnce = 1000;

    private static ParsedMessage MeetingNotes(string action, In.IMeetingNotesMessage message, Sender s) => message switch
    {
        In.SelectWriter { ParticipantIds: { Count: <= MaxWritersAtOnce } ids } =>
            new ParsedMessage.ForMeeting(Namespaces.MeetingNotes, action, new SelectNotesWriters(s.Room, s.Me, ids)),
        In.DeselectWriter { ParticipantIds: { Count: <= MaxWritersAtOnce } ids } =>
            new ParsedMessage.ForMeeting(Namespaces.MeetingNotes, action, new DeselectNotesWriters(s.Room, s.Me, ids)),
        In.GenerateNotesPdf => new ParsedMessage.ForMeeting(Namespaces.MeetingNotes, action, new ExportDocument(s.Room, s.Me, DocumentKind.Notes)),
        _ => InvalidPayload(Namespaces.MeetingNotes),
    };

    private static ParsedMessage Whiteboard(string action, In.IWhiteboardMessage message, Sender s) => message switch
    {
        In.InitializeWhiteboard => new ParsedMessage.ForMeeting(Namespaces.Whiteboard, action, new OpenWhiteboard(s.Room, s.Me)),
        In.GenerateWhiteboardPdf => new ParsedMessage.ForMeeting(Namespaces.Whiteboard, action, new ExportDocument(s.Room, s.Me, DocumentKind.Whiteboard)),
        _ => InvalidPayload(Namespaces.Whiteboard),
    };
}
