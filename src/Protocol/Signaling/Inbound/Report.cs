using System.Text.Json.Serialization;

namespace OpenTalk.Protocol.Signaling.Inbound;

public static class MeetingReportActions
{
    public const string GenerateAttendanceReport = "generate_attendance_report";
}

/// <summary>OpenTalk's meeting report: a moderator asks for the attendance report of the session, as a PDF asset of the room.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(GenerateAttendanceReport), MeetingReportActions.GenerateAttendanceReport)]
public interface IMeetingReportMessage;

/// <summary><c>include_email_addresses</c> is required: whether the registered users' e-mail addresses are listed.</summary>
public sealed record GenerateAttendanceReport(bool? IncludeEmailAddresses) : IMeetingReportMessage;
