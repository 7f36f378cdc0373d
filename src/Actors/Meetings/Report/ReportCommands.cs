using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Meetings;

/// <summary>A moderator asks for the session's attendance report, with the registered users' e-mail addresses or without.</summary>
public sealed record GenerateReport(RoomId RoomId, ParticipantId ParticipantId, bool IncludeEmailAddresses) : IParticipantCommand;

/// <summary>
/// From the node that made a report: it is stored; the room keeps it as an asset. <see cref="RequestedBy"/> is the
/// moderator who asked, null for the report made when the session closed.
/// </summary>
public sealed record AddReport(Guid RoomId, Guid? RequestedBy, RoomAsset Asset) : IWithRoomId;

/// <summary>From the node: the report <see cref="RequestedBy"/> asked for could not be made (<see cref="ReportErrors"/>); nothing is recorded.</summary>
public sealed record ReportFailed(Guid RoomId, Guid RequestedBy, string Error) : IWithRoomId;

/// <summary>
/// On the node's event stream, for its report writer: render <see cref="Session"/> as a PDF and store it as an asset of
/// <see cref="AssetRoomId"/> (a breakout room's reports belong to its main room). <see cref="LanguageOf"/> is the
/// account whose language the report is written in (the requester's, or the owner's for the automatic one).
/// </summary>
public sealed record MeetingReportRequested(
    Guid RoomId,
    Guid AssetRoomId,
    Guid? BreakoutRoomId,
    Guid? RequestedBy,
    Guid? LanguageOf,
    bool IncludeEmailAddresses,
    DateTimeOffset At,
    bool SessionEnded,
    SessionRecord Session);

/// <summary>The meeting asks the node to make a report (<see cref="MeetingReportRequested"/>).</summary>
public sealed record RequestReport(MeetingReportRequested Report) : MeetingEffect;

/// <summary>The <c>meeting_report</c> errors besides the meeting's own (OpenTalk's names).</summary>
public static class ReportErrors
{
    /// <summary>The PDF could not be made.</summary>
    public const string Generate = "generate";

    /// <summary>The PDF was made but could not be stored.</summary>
    public const string Storage = "storage";
}
