using System.Globalization;
using OpenTalk.Actors.Meetings;
using OpenTalk.Host.Collab;

namespace OpenTalk.Host.Reports;

/// <summary>What the report shows beyond the meeting's record: the meeting's title, the e-mail addresses asked for.</summary>
public sealed record ReportDetails(string? Title, IReadOnlyDictionary<Guid, string> Emails, ReportTexts Texts, DateTimeOffset GeneratedAt);

/// <summary>The meeting report as a PDF: title, times, a table of attendees, then the polls and the formal votes.</summary>
public static class MeetingReportPdf
{
    private static readonly double[] Columns = [0.34, 0.18, 0.24, 0.24];
    private static readonly double[] ColumnsWithEmail = [0.22, 0.13, 0.17, 0.17, 0.31];

    public static byte[] Render(MeetingReportRequested request, ReportDetails details)
    {
        var texts = details.Texts;
        var session = request.Session;
        using var pdf = new PdfText(details.Title is { Length: > 0 } t ? $"{texts.Heading}: {t}" : texts.Heading);
        pdf.Paragraph([new TextSpan(texts.Heading, Bold: true)], size: 18);
        if (details.Title is { Length: > 0 } title)
            pdf.Paragraph([new TextSpan(title, Bold: true)], size: 14);
        pdf.Gap(6);
        pdf.Paragraph([new TextSpan(request.SessionEnded
            ? string.Format(CultureInfo.InvariantCulture, texts.Session, Stamp(session.StartedAt), Stamp(request.At))
            : string.Format(CultureInfo.InvariantCulture, texts.Running, Stamp(session.StartedAt)))]);
        pdf.Paragraph([new TextSpan(string.Format(CultureInfo.InvariantCulture, texts.Generated, Stamp(details.GeneratedAt)), Italic: true)], size: 9);

        var emails = request.IncludeEmailAddresses;
        var columns = emails ? ColumnsWithEmail : Columns;
        pdf.Gap(12);
        pdf.Paragraph([new TextSpan(string.Format(CultureInfo.InvariantCulture, texts.Participants, session.Attendees.Count))], size: 13, bold: true);
        pdf.Row(emails ? [texts.Name, texts.Role, texts.Joined, texts.Left, texts.Email] : [texts.Name, texts.Role, texts.Joined, texts.Left], columns, bold: true);
        foreach (var a in session.Attendees.OrderBy(a => a.JoinedAt))
        {
            string[] cells = [a.DisplayName, texts.RoleName(a.Role), Time(a.JoinedAt, session.StartedAt), a.LeftAt is { } left ? Time(left, session.StartedAt) : "–"];
            pdf.Row(emails ? [.. cells, a.UserId is { } user ? details.Emails.GetValueOrDefault(user, "") : ""] : cells, columns);
        }

        if (session.Polls.Count > 0)
        {
            pdf.Gap(12);
            pdf.Paragraph([new TextSpan(texts.Polls)], size: 13, bold: true);
            foreach (var poll in session.Polls)
            {
                pdf.Gap(4);
                pdf.Paragraph([new TextSpan(poll.Topic, Bold: true)]);
                if (poll.Tally is not { } tally)
                    pdf.Paragraph([new TextSpan(texts.PollOpen, Italic: true)], indent: 14);
                else
                    for (var i = 0; i < poll.Choices.Count; i++)
                        pdf.Paragraph([new TextSpan($"{poll.Choices[i]}: {(i < tally.Count ? tally[i] : 0)}")], indent: 14, prefix: "•");
            }
        }

        if (session.Votes.Count > 0)
        {
            pdf.Gap(12);
            pdf.Paragraph([new TextSpan(texts.Votes)], size: 13, bold: true);
            foreach (var vote in session.Votes)
            {
                pdf.Gap(4);
                pdf.Paragraph([new TextSpan(vote.Name, Bold: true)]);
                if (vote.Canceled is { } reason)
                    pdf.Paragraph([new TextSpan(string.Format(CultureInfo.InvariantCulture, texts.Canceled, reason))], indent: 14);
                else if (vote.VotesDigest is not { } digest)
                    pdf.Paragraph([new TextSpan(texts.VoteOpen, Italic: true)], indent: 14);
                else
                {
                    pdf.Paragraph([new TextSpan(string.Format(CultureInfo.InvariantCulture, texts.Result, vote.Yes, vote.No, vote.Abstain))], indent: 14);
                    pdf.Paragraph([new TextSpan(string.Format(CultureInfo.InvariantCulture, texts.Digest, digest))], size: 8, indent: 14);
                }
            }
        }
        return pdf.ToArray();
    }

    /// <summary>A time in the table: the time of day on the session's first day (the heading gives the date), else with its date.</summary>
    private static string Time(DateTimeOffset at, DateTimeOffset sessionStart) =>
        at.UtcDateTime.ToString(at.UtcDateTime.Date == sessionStart.UtcDateTime.Date ? "HH:mm:ss" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}
