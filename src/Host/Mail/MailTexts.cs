using OpenTalk.Projections.Mail;

namespace OpenTalk.Host.Mail;

/// <summary>The words of invitation mails, in English and German. Placeholders are filled by <see cref="InvitationMessage"/>.</summary>
public sealed record MailTexts(
    string Invite,
    string Update,
    string Cancel,
    string Uninvite,
    string CopyMarker,
    string InvitedBy,
    string UpdatedBy,
    string CancelledBy,
    string UninvitedBy,
    string When,
    string TimeIndependent,
    string Repeats,
    string Join,
    string CallIn,
    string ConferenceId,
    string Pin,
    string YourRole,
    string Roles,
    string Footer,
    string Days,
    string Months,
    string DateFormat)
{
    public static readonly MailTexts English = new(
        Invite: "Invitation: {0}",
        Update: "Updated: {0}",
        Cancel: "Cancelled: {0}",
        Uninvite: "Invitation withdrawn: {0}",
        CopyMarker: "(your copy)",
        InvitedBy: "{0} invites you to a video meeting.",
        UpdatedBy: "{0} changed this video meeting.",
        CancelledBy: "{0} cancelled this video meeting.",
        UninvitedBy: "{0} withdrew your invitation to this video meeting.",
        When: "When",
        TimeIndependent: "Any time (no fixed date)",
        Repeats: "Repeats",
        Join: "Join the meeting",
        CallIn: "Join by phone",
        ConferenceId: "Conference ID",
        Pin: "PIN",
        YourRole: "Your role",
        Roles: "participant|moderator|guest",
        Footer: "Sent by OpenTalk. Reply to the calendar invitation to accept or decline.",
        Days: "Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday",
        Months: "January|February|March|April|May|June|July|August|September|October|November|December",
        DateFormat: "{0}, {1} {2} {3}");

    public static readonly MailTexts German = new(
        Invite: "Einladung: {0}",
        Update: "Geändert: {0}",
        Cancel: "Abgesagt: {0}",
        Uninvite: "Einladung zurückgezogen: {0}",
        CopyMarker: "(Ihre Kopie)",
        InvitedBy: "{0} lädt Sie zu einer Videokonferenz ein.",
        UpdatedBy: "{0} hat diese Videokonferenz geändert.",
        CancelledBy: "{0} hat diese Videokonferenz abgesagt.",
        UninvitedBy: "{0} hat Ihre Einladung zu dieser Videokonferenz zurückgezogen.",
        When: "Wann",
        TimeIndependent: "Jederzeit (ohne festen Termin)",
        Repeats: "Wiederholung",
        Join: "An der Konferenz teilnehmen",
        CallIn: "Per Telefon teilnehmen",
        ConferenceId: "Konferenz-ID",
        Pin: "PIN",
        YourRole: "Ihre Rolle",
        Roles: "Teilnehmer|Moderator|Gast",
        Footer: "Gesendet von OpenTalk. Antworten Sie auf die Kalendereinladung, um zu- oder abzusagen.",
        Days: "Sonntag|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag",
        Months: "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember",
        DateFormat: "{0}, {1}. {2} {3}");

    /// <summary>German for any <c>de</c> locale (de, de-DE, de-AT, ...), English otherwise.</summary>
    public static MailTexts For(string? language) =>
        language is not null && language.StartsWith("de", StringComparison.OrdinalIgnoreCase) ? German : English;

    public string Subject(MailKind kind) => kind switch
    {
        MailKind.Invite => Invite,
        MailKind.Update => Update,
        MailKind.Cancel => Cancel,
        _ => Uninvite,
    };

    public string Lead(MailKind kind) => kind switch
    {
        MailKind.Invite => InvitedBy,
        MailKind.Update => UpdatedBy,
        MailKind.Cancel => CancelledBy,
        _ => UninvitedBy,
    };

    public string Role(Actors.Scheduling.InviteeRole role) => Roles.Split('|')[(int)role];

    /// <summary>"Monday, 5 October 2026" / "Montag, 5. Oktober 2026": spelled out here, since servers often run without ICU.</summary>
    public string Date(DateTime value) => string.Format(System.Globalization.CultureInfo.InvariantCulture, DateFormat,
        Days.Split('|')[(int)value.DayOfWeek], value.Day, Months.Split('|')[value.Month - 1], value.Year);
}
