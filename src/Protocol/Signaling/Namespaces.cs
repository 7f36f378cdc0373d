namespace OpenTalk.Protocol.Signaling;

public static class Namespaces
{
    public const string Control = "control";
    public const string Echo = "echo";
    public const string Moderation = "moderation";
    public const string Media = "media";
    public const string Chat = "chat";
    public const string Timer = "timer";
    public const string Polls = "polls";
    public const string Automod = "automod";
    public const string LegalVote = "legal_vote";
    public const string SubroomAudio = "subroom_audio";
    public const string Breakout = "breakout";
    public const string Recording = "recording";

    /// <summary>(ours) Between the meeting and its recorder, which alone may speak in it (OpenTalk's recorder has one of the same name).</summary>
    public const string RecordingService = "recording_service";

    /// <summary>(ours) The phone gateway's requests for its caller's audio; only a participant of kind <c>sip</c> may speak in it.</summary>
    public const string CallIn = "call_in";

    /// <summary>(ours) A moderator calls a phone into the meeting through the phone gateway's trunk.</summary>
    public const string DialOut = "dial_out";

    /// <summary>OpenTalk's meeting notes, edited on the node's own collaborative editor.</summary>
    public const string MeetingNotes = "meeting_notes";

    /// <summary>OpenTalk's whiteboard, drawn on the node's own board.</summary>
    public const string Whiteboard = "whiteboard";

    /// <summary>OpenTalk's shared folder: the room's files, opened on a page of the node's web app.</summary>
    public const string SharedFolder = "shared_folder";

    /// <summary>OpenTalk's meeting report: a PDF of who attended the session and what it decided, as a room asset.</summary>
    public const string MeetingReport = "meeting_report";
}
