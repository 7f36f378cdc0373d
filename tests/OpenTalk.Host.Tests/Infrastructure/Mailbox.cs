using MimeKit;

namespace OpenTalk.Host.Tests.Infrastructure;

/// <summary>
/// What the real SMTP server that <c>./test</c> starts (aiosmtpd, OPENTALK_TEST_SMTP) received: it stores each message
/// in a Maildir (OPENTALK_TEST_MAILDIR). Tests find their mails by recipient address, unique per test.
/// </summary>
public static class Mailbox
{
    public static string Smtp =>
        Environment.GetEnvironmentVariable("OPENTALK_TEST_SMTP")
        ?? throw new InvalidOperationException("OPENTALK_TEST_SMTP is not set: run the tests through ./test, which starts an SMTP server.");

    public static string Folder =>
        Environment.GetEnvironmentVariable("OPENTALK_TEST_MAILDIR")
        ?? throw new InvalidOperationException("OPENTALK_TEST_MAILDIR is not set: run the tests through ./test.");

    /// <summary>Node settings that send mail to the test SMTP server, checking the outbox often.</summary>
    public static string[] NodeArguments(string smtp)
    {
        var (host, port) = (smtp.Split(':')[0], smtp.Split(':')[1]);
        return ["--Mail:SmtpHost", host, "--Mail:SmtpPort", port, "--Mail:SmtpSecurity", "none", "--Mail:PollIntervalMilliseconds", "200",
            "--Mail:From", "OpenTalk <meetings@opentalk.test>", "--Mail:PublicUrl", "https://meet.opentalk.test"];
    }

    /// <summary>Every message to <paramref name="address"/>, oldest first, once at least <paramref name="count"/> arrived (or time ran out).</summary>
    public static async Task<IReadOnlyList<MimeMessage>> ForAsync(string address, int count = 1, string? folder = null, int seconds = 30) =>
        await Poll.UntilAsync(() => Task.FromResult(Read(folder ?? Path.Combine(Folder, "new"), address)), m => m.Count >= count, seconds);

    public static IReadOnlyList<MimeMessage> Read(string folder, string address)
    {
        if (!Directory.Exists(folder))
            return [];
        return [.. Directory.EnumerateFiles(folder)
            .Where(f => !f.EndsWith(".part", StringComparison.Ordinal))
            .OrderBy(File.GetLastWriteTimeUtc)
            .ThenBy(f => f, StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>The calendar of a message: its inline <c>text/calendar</c> part (which must agree with the attachment).</summary>
    public static (string Method, Ical.Net.Calendar Calendar, string Text) CalendarOf(MimeMessage message)
    {
        var inline = message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));
        var attachment = message.Attachments.OfType<MimePart>().Single(a => a.FileName is "invite.ics" or "cancel.ics");
        using var stream = new MemoryStream();
        attachment.Content!.DecodeTo(stream);
        var attached = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        // Text parts travel with canonical line ends (the Maildir stores LF); the base64 attachment keeps iCalendar's CRLF.
        if (!attached.Contains("\r\n", StringComparison.Ordinal) || attached.Replace("\r\n", "\n", StringComparison.Ordinal) != inline.Text.Replace("\r\n", "\n", StringComparison.Ordinal))
            throw new InvalidOperationException("The .ics attachment differs from the inline calendar part.");
        return (inline.ContentType.Parameters["method"] ?? "", Ical.Net.Calendar.Load(inline.Text)!, inline.Text);
    }
}
