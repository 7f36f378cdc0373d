using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Scheduling;
using OpenTalk.Projections.Mail;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Mail;

/// <summary>Everything one invitation mail says, resolved: who gets it, in which language, and what the meeting is.</summary>
public sealed record InvitationMail(
    MailKind Kind,
    EventState Event,
    CalendarPerson Recipient,
    InviteeRole? RecipientRole,
    bool IsCreatorCopy,
    CalendarPerson Organizer,
    IReadOnlyList<(CalendarPerson Person, string PartStat)> Attendees,
    SipSettings? CallIn,
    string Language);

/// <summary>
/// Builds the MIME message: text and HTML, an inline <c>text/calendar</c> part (METHOD REQUEST or CANCEL) and the same
/// calendar as an <c>invite.ics</c>/<c>cancel.ics</c> attachment, so both mail clients that read the inline part and
/// those that only show attachments offer "add to calendar". Headers are encoded by MimeKit (titles never break them).
/// </summary>
public static class InvitationMessage
{
    public static MimeMessage Build(InvitationMail mail, MailSettings settings, DateTimeOffset now)
    {
        var texts = MailTexts.For(mail.Language);
        var details = mail.Event.Details!;
        // Someone invited by e-mail has no account: their link is the guest link made for them.
        var guestCode = mail.IsCreatorCopy ? null : mail.Event.Invitees.Values.FirstOrDefault(i => i.Email == mail.Recipient.Email)?.GuestCode;
        var joinUrl = guestCode is null
            ? $"{settings.PublicUrl.TrimEnd('/')}/room/{mail.Event.RoomId}"
            : $"{settings.PublicUrl.TrimEnd('/')}/invite/{Uri.EscapeDataString(guestCode)}";
        var cancelling = mail.Kind is MailKind.Cancel or MailKind.Uninvite;

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(new MailboxAddress(mail.Recipient.Name, mail.Recipient.Email));
        message.Subject = string.Format(CultureInfo.InvariantCulture, texts.Subject(mail.Kind), details.Title)
            + (mail.IsCreatorCopy ? " " + texts.CopyMarker : "");
        message.Date = now;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(new Uri(settings.PublicUrl).Host is { Length: > 0 } host ? host : "opentalk");
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var lines = Lines(mail, texts, joinUrl, settings.CallInNumber);
        var text = new TextPart("plain") { Text = string.Join("\n", lines.Select(l => l.Label is null ? l.Value : $"{l.Label}: {l.Value}")) + "\n" };
        var html = new TextPart("html") { Text = Html(lines, joinUrl, texts) };
        var alternative = new MultipartAlternative { text, html };

        if (details.IsTimeIndependent)
        {
            message.Body = alternative; // no date, nothing for a calendar
            return message;
        }
        var method = cancelling ? "CANCEL" : "REQUEST";
        var description = string.Join("\n", lines.Skip(1).Select(l => l.Label is null ? l.Value : $"{l.Label}: {l.Value}"));
        var ics = InvitationCalendar.Build(mail.Event, method, mail.Organizer, mail.Attendees, description, joinUrl, now);
        var inline = new TextPart("calendar") { Content = Utf8(ics) };
        inline.ContentType.Parameters.Add("method", method);
        inline.ContentType.Charset = "utf-8";
        alternative.Add(inline);
        var attachment = new MimePart("application", "ics")
        {
            Content = Utf8(ics),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = cancelling ? "cancel.ics" : "invite.ics",
        };
        message.Body = new Multipart("mixed") { alternative, attachment };
        return message;
    }

    private static MimeContent Utf8(string text) => new(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    /// <summary>The body as label/value lines; the first is the lead sentence.</summary>
    private static List<(string? Label, string Value)> Lines(InvitationMail mail, MailTexts texts, string joinUrl, string? callInNumber)
    {
        var d = mail.Event.Details!;
        var lines = new List<(string?, string)>
        {
            (null, string.Format(CultureInfo.InvariantCulture, texts.Lead(mail.Kind), mail.Organizer.Name)),
            (null, d.Title),
        };
        lines.Add((texts.When, d.IsTimeIndependent ? texts.TimeIndependent : When(d, texts)));
        if (d.RecurrencePattern.Count > 0)
            lines.Add((texts.Repeats, string.Join("; ", d.RecurrencePattern)));
        if (mail.RecipientRole is { } role)
            lines.Add((texts.YourRole, texts.Role(role)));
        if (mail.Kind is MailKind.Invite or MailKind.Update)
        {
            lines.Add((texts.Join, joinUrl));
            if (mail.CallIn is { } sip)
            {
                lines.Add((texts.CallIn, callInNumber ?? "SIP"));
                lines.Add((texts.ConferenceId, sip.SipId));
                lines.Add((texts.Pin, sip.Pin));
            }
        }
        if (d.Description.Length > 0)
            lines.Add((null, d.Description));
        return lines;
    }

    private static string When(EventDetails d, MailTexts texts)
    {
        static string Time(DateTime t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
        var (start, end) = (d.StartsAt!.Value, d.EndsAt!.Value);
        var until = end.Date == start.Date ? Time(end) : $"{texts.Date(end)}, {Time(end)}";
        return $"{texts.Date(start)}, {Time(start)} – {until} ({d.StartsTimezone})";
    }

    private static string Html(List<(string? Label, string Value)> lines, string joinUrl, MailTexts texts)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        html.Append("<p>").Append(WebUtility.HtmlEncode(lines[0].Value)).Append("</p>");
        html.Append("<h2>").Append(WebUtility.HtmlEncode(lines[1].Value)).Append("</h2><table>");
        foreach (var (label, value) in lines.Skip(2).Where(l => l.Label is not null))
        {
            var shown = value == joinUrl
                ? $"<a href=\"{WebUtility.HtmlEncode(joinUrl)}\">{WebUtility.HtmlEncode(joinUrl)}</a>"
                : WebUtility.HtmlEncode(value);
            html.Append("<tr><th align=\"left\">").Append(WebUtility.HtmlEncode(label)).Append("</th><td>").Append(shown).Append("</td></tr>");
        }
        html.Append("</table>");
        foreach (var (_, value) in lines.Skip(2).Where(l => l.Label is null))
            html.Append("<p>").Append(WebUtility.HtmlEncode(value).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        html.Append("<p style=\"color:#666\">").Append(WebUtility.HtmlEncode(texts.Footer)).Append("</p></body></html>");
        return html.ToString();
    }
}
