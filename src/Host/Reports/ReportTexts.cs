namespace OpenTalk.Host.Reports;

/// <summary>The words of the meeting report, in English and German (picked like the mails' texts).</summary>
public sealed record ReportTexts(
    string Heading,
    string Session,
    string Running,
    string Generated,
    string Participants,
    string Name,
    string Role,
    string Joined,
    string Left,
    string Email,
    string Roles,
    string Polls,
    string PollOpen,
    string Votes,
    string Result,
    string Digest,
    string VoteOpen,
    string Canceled)
{
    public static readonly ReportTexts English = new(
        Heading: "Meeting report",
        Session: "Session: {0} to {1}",
        Running: "Session: since {0} (still running)",
        Generated: "Generated {0}",
        Participants: "Participants ({0})",
        Name: "Name",
        Role: "Role",
        Joined: "Joined (UTC)",
        Left: "Left (UTC)",
        Email: "E-mail",
        Roles: "guest|user|moderator",
        Polls: "Polls",
        PollOpen: "still open",
        Votes: "Votes",
        Result: "Yes: {0}, No: {1}, Abstain: {2}",
        Digest: "Digest of the votes (SHA-256): {0}",
        VoteOpen: "still running",
        Canceled: "Canceled: {0}");

    public static readonly ReportTexts German = new(
        Heading: "Sitzungsbericht",
        Session: "Sitzung: {0} bis {1}",
        Running: "Sitzung: seit {0} (läuft noch)",
        Generated: "Erstellt {0}",
        Participants: "Teilnehmende ({0})",
        Name: "Name",
        Role: "Rolle",
        Joined: "Beigetreten (UTC)",
        Left: "Verlassen (UTC)",
        Email: "E-Mail",
        Roles: "Gast|Teilnehmer|Moderator",
        Polls: "Umfragen",
        PollOpen: "noch offen",
        Votes: "Abstimmungen",
        Result: "Ja: {0}, Nein: {1}, Enthaltung: {2}",
        Digest: "Prüfsumme der Stimmen (SHA-256): {0}",
        VoteOpen: "läuft noch",
        Canceled: "Abgebrochen: {0}");

    public static ReportTexts For(string? language) =>
        language is not null && language.StartsWith("de", StringComparison.OrdinalIgnoreCase) ? German : English;

    public string RoleName(OpenTalk.Actors.Meetings.MeetingRole role) => Roles.Split('|')[(int)role];
}
