using MimeKit;
using OpenTalk.Client;
using OpenTalk.Host.Hosting;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>
/// Invitation mails through a real SMTP server (aiosmtpd): what arrives is parsed with MimeKit and its calendar with
/// Ical.Net, field by field, as a calendar client would read it.
/// </summary>
public sealed class InvitationMailTests : RoomTest
{
    private readonly string _tag = Guid.NewGuid().ToString("N")[..10];

    protected override string[] NodeArguments => Mailbox.NodeArguments(Mailbox.Smtp);

    private string Address(string name) => $"{name}-{_tag}@example.org";

    private static EventRequest Weekly(string title) => new(title, "Quarterly numbers", null, false, false,
        new DateTimeTz(new DateTime(2026, 10, 5, 9, 0, 0), "Europe/Berlin"),
        new DateTimeTz(new DateTime(2026, 10, 5, 10, 0, 0), "Europe/Berlin"), ["RRULE:FREQ=WEEKLY;COUNT=4"]);

    private async Task<(OpenTalkApi Otto, Guid UmaId, EventResource Meeting)> ScheduleAsync(string title = "Board meeting")
    {
        var (otto, _) = await Node.NewUserWithIdAsync("otto", Address("otto"));
        var (uma, umaId) = await Node.NewUserWithIdAsync("uma", Address("uma"), "de");
        await uma.PendingInvitesAsync(); // she has signed in once: the directory knows her address
        var meeting = await otto.CreateEventAsync(Weekly(title));
        return (otto, umaId, meeting);
    }

    [Fact]
    public async Task Invitees_and_the_creator_get_an_invitation_with_calendar_part_and_attachment_in_their_language()
    {
        var (otto, umaId, meeting) = await ScheduleAsync();
        var sip = await otto.PutSipAsync(meeting.Room.Id, "1234567890");
        await otto.InviteAsync(meeting.Id, new EventInviteRequest(umaId, null, InviteRole.Moderator));
        await otto.InviteAsync(meeting.Id, new EventInviteRequest(null, Address("gast"), InviteRole.Guest));

        var toUma = Assert.Single(await Mailbox.ForAsync(Address("uma")));
        Assert.Equal("Einladung: Board meeting", toUma.Subject);
        Assert.Equal("meetings@opentalk.test", toUma.From.Mailboxes.Single().Address);
        Assert.Contains("Moderator", toUma.TextBody, StringComparison.Ordinal);
        Assert.Contains(sip.GetProperty("sip_id").GetString()!, toUma.TextBody, StringComparison.Ordinal);
        Assert.Contains("1234567890", toUma.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://meet.opentalk.test/room/{meeting.Room.Id}", toUma.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("invite.ics", Assert.Single(toUma.Attachments).ContentDisposition!.FileName);

        var (method, calendar, text) = Mailbox.CalendarOf(toUma);
        Assert.Equal("REQUEST", method);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal("Europe/Berlin", Assert.Single(calendar.TimeZones).TzId);
        var series = Assert.Single(calendar.Events);
        Assert.Equal($"{meeting.Id}@opentalk", series.Uid);
        Assert.Equal(("Europe/Berlin", new DateTime(2026, 10, 5, 9, 0, 0)), (series.DtStart!.TzId, series.DtStart.Value));
        Assert.Equal(("Europe/Berlin", new DateTime(2026, 10, 5, 10, 0, 0)), (series.DtEnd!.TzId, series.DtEnd.Value));
        Assert.Contains("RRULE:FREQ=WEEKLY;COUNT=4", text, StringComparison.Ordinal);
        Assert.Equal("Board meeting", series.Summary);
        Assert.Equal(1, series.Sequence);
        Assert.Equal($"mailto:{Address("otto")}", series.Organizer!.Value!.ToString());
        Assert.Equal("otto", series.Organizer.CommonName);
        var attendees = series.Attendees.ToDictionary(a => a.Value!.ToString(), a => (a.ParticipationStatus, a.Rsvp));
        Assert.Equal(("NEEDS-ACTION", true), attendees[$"mailto:{Address("uma")}"]);
        Assert.Equal(("NEEDS-ACTION", true), attendees[$"mailto:{Address("gast")}"]);
        Assert.Equal($"https://meet.opentalk.test/room/{meeting.Room.Id}", series.Location);
        Assert.Contains("1234567890", series.Description, StringComparison.Ordinal);

        var toGuest = Assert.Single(await Mailbox.ForAsync(Address("gast")));
        Assert.Equal("Invitation: Board meeting", toGuest.Subject); // unknown language: the default, English
        var guestLink = System.Text.RegularExpressions.Regex.Match(toGuest.TextBody!, @"https://meet\.opentalk\.test/invite/(\S+)");
        Assert.True(guestLink.Success, "an e-mail invitee gets a guest link of their own");
        var code = Uri.UnescapeDataString(guestLink.Groups[1].Value);
        Assert.Equal(meeting.Room.Id, (await Node.Anonymous().VerifyInviteAsync(code)).RoomId);
        var copies = await Mailbox.ForAsync(Address("otto"), count: 2);
        Assert.Equal(2, copies.Count);
        Assert.All(copies, c => Assert.Equal("Invitation: Board meeting (your copy)", c.Subject));
    }

    [Fact]
    public async Task A_moved_and_a_cancelled_occurrence_reach_calendars_with_a_higher_sequence()
    {
        var (otto, umaId, meeting) = await ScheduleAsync("Review");
        await otto.InviteAsync(meeting.Id, new EventInviteRequest(umaId, null));
        await Mailbox.ForAsync(Address("uma"));

        await otto.PatchInstanceAsync(meeting.Id, "20261012T070000Z", new InstancePatchRequest("Review (Tuesday)", null,
            new DateTimeTz(new DateTime(2026, 10, 13, 14, 0, 0), "Europe/Berlin"), null, null));
        await otto.PatchInstanceAsync(meeting.Id, "20261019T070000Z", new InstancePatchRequest(null, null, null, null, InstanceStatus.Cancelled));

        var mails = await Mailbox.ForAsync(Address("uma"), count: 3);
        Assert.Equal(["Einladung: Review", "Geändert: Review", "Geändert: Review"], mails.Select(m => m.Subject));
        var (method, calendar, text) = Mailbox.CalendarOf(mails[^1]);
        Assert.Equal("REQUEST", method);
        var series = Assert.Single(calendar.Events, e => e.RecurrenceIdentifier is null);
        Assert.Equal(3, series.Sequence);
        Assert.Contains("EXDATE;TZID=Europe/Berlin:20261019T090000", text, StringComparison.Ordinal);
        var moved = Assert.Single(calendar.Events, e => e.RecurrenceIdentifier is not null);
        Assert.Equal(series.Uid, moved.Uid);
        Assert.Equal(("Europe/Berlin", new DateTime(2026, 10, 12, 9, 0, 0)), (moved.RecurrenceIdentifier!.StartTime.TzId, moved.RecurrenceIdentifier.StartTime.Value));
        Assert.Equal(new DateTime(2026, 10, 13, 14, 0, 0), moved.DtStart!.Value);
        Assert.Equal(new DateTime(2026, 10, 13, 15, 0, 0), moved.DtEnd!.Value);
        Assert.Equal("Review (Tuesday)", moved.Summary);
        Assert.Equal(3, moved.Sequence);
    }

    [Fact]
    public async Task Uninviting_and_cancelling_send_a_cancellation()
    {
        var (otto, umaId, meeting) = await ScheduleAsync("Offsite");
        await otto.InviteAsync(meeting.Id, new EventInviteRequest(umaId, null));
        await otto.InviteAsync(meeting.Id, new EventInviteRequest(null, Address("gast"), InviteRole.Guest));
        var code = System.Text.RegularExpressions.Regex.Match((await Mailbox.ForAsync(Address("gast")))[0].TextBody!, @"/invite/(\S+)").Groups[1].Value;
        await Node.Anonymous().VerifyInviteAsync(Uri.UnescapeDataString(code));

        using (await otto.SendRawAsync(HttpMethod.Delete, $"v1/events/{meeting.Id}/invites?email={Uri.EscapeDataString(Address("gast"))}", null)) { }
        var withdrawn = (await Mailbox.ForAsync(Address("gast"), count: 2))[^1];
        Assert.Equal("Invitation withdrawn: Offsite", withdrawn.Subject);
        Assert.Equal("cancel.ics", Assert.Single(withdrawn.Attachments).ContentDisposition!.FileName);
        var (method, calendar, _) = Mailbox.CalendarOf(withdrawn);
        Assert.Equal("CANCEL", method);
        var cancelledForGuest = Assert.Single(calendar.Events);
        Assert.Equal("CANCELLED", cancelledForGuest.Status);
        Assert.Equal([$"mailto:{Address("gast")}"], cancelledForGuest.Attendees.Select(a => a.Value!.ToString()));
        await Assert.ThrowsAsync<OpenTalkApiException>(() => Node.Anonymous().VerifyInviteAsync(Uri.UnescapeDataString(code))); // the link is revoked

        await otto.DeleteEventAsync(meeting.Id);
        var cancelled = (await Mailbox.ForAsync(Address("uma"), count: 2))[^1];
        Assert.Equal("Abgesagt: Offsite", cancelled.Subject);
        var (cancelMethod, cancelCalendar, _) = Mailbox.CalendarOf(cancelled);
        Assert.Equal("CANCEL", cancelMethod);
        var series = Assert.Single(cancelCalendar.Events);
        Assert.Equal(("CANCELLED", 2), (series.Status, series.Sequence));
        Assert.Single(await Mailbox.ForAsync(Address("gast"), count: 3, seconds: 2), m => m.Subject!.StartsWith("Invitation:", StringComparison.Ordinal));
        Assert.Equal(2, (await Mailbox.ForAsync(Address("gast"), count: 3, seconds: 2)).Count); // the uninvited guest hears nothing more
    }

    [Fact]
    public async Task Suppressed_notifications_send_nothing_and_titles_cannot_break_headers_or_the_calendar()
    {
        var (otto, _, meeting) = await ScheduleAsync("Budget; Q3, \"final\" \\ Überblick");
        using (var quiet = await otto.SendRawAsync(HttpMethod.Post, $"v1/events/{meeting.Id}/invites?suppress_email_notification=true",
            System.Net.Http.Json.JsonContent.Create(new { email = Address("quiet"), role = "user" })))
            Assert.True(quiet.IsSuccessStatusCode);
        await otto.InviteAsync(meeting.Id, new EventInviteRequest(null, Address("loud")));

        var loud = Assert.Single(await Mailbox.ForAsync(Address("loud")));
        Assert.Equal("Invitation: Budget; Q3, \"final\" \\ Überblick", loud.Subject);
        var (_, calendar, text) = Mailbox.CalendarOf(loud);
        Assert.Equal("Budget; Q3, \"final\" \\ Überblick", Assert.Single(calendar.Events).Summary);
        Assert.Contains(@"SUMMARY:Budget\; Q3\, ""final"" \\ Überblick", text.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(await Mailbox.ForAsync(Address("quiet"), seconds: 1)); // queued in order: the louder, later one already arrived
    }

    [Fact]
    public async Task Rebuilding_the_mail_projection_sends_no_mail_a_second_time()
    {
        var (otto, umaId, meeting) = await ScheduleAsync();
        await otto.InviteAsync(meeting.Id, new EventInviteRequest(umaId, null, InviteRole.User));
        Assert.Single(await Mailbox.ForAsync(Address("uma")));

        await RestartAsync(async () =>
            Assert.Equal(0, await Commands.RunAsync(["projections", "rebuild", "mail", "--OpenTalk:Postgres", Postgres])));
        await otto.InviteAsync(meeting.Id, new EventInviteRequest(null, Address("later")));

        // The rebuilt projection went through Uma's invitation again before it reached this one, and mails go out in order.
        Assert.Single(await Mailbox.ForAsync(Address("later")));
        Assert.Single(await Mailbox.ForAsync(Address("uma"), count: 2, seconds: 2));
        Assert.Equal(2, (await Mailbox.ForAsync(Address("otto"), count: 3, seconds: 2)).Count);
    }
}
