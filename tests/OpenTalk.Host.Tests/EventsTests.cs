using System.Net;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>Scheduled meetings (REST v1 events) on Postgres: the entity, its room and the dashboard list.</summary>
public sealed class EventsTests : RoomTest
{
    private static EventRequest Weekly(string title) => new(title, "Agenda in the wiki", Password: null, WaitingRoom: false,
        IsTimeIndependent: false, new DateTimeTz(new DateTime(2026, 12, 1, 9, 0, 0), "Europe/Berlin"),
        new DateTimeTz(new DateTime(2026, 12, 1, 10, 0, 0), "Europe/Berlin"), ["RRULE:FREQ=WEEKLY;BYDAY=TU"]);

    /// <summary>Read models follow the journal within moments: ask again until the answer is as expected, or time runs out.</summary>
    private static async Task<T> Eventually<T>(Func<CancellationToken, Task<T>> ask, Func<T, bool> ready)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var answer = await ask(CancellationToken.None);
            if (ready(answer) || DateTime.UtcNow > deadline)
                return answer;
            await Task.Delay(200);
        }
    }

    private async Task<EventPage> ListWhenAsync(Func<EventPage, bool> ready, int? perPage = null, string? after = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = await Olga.ListEventsAsync(perPage, after);
            if (ready(page) || DateTime.UtcNow > deadline)
                return page;
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_scheduled_meeting_owns_a_room_can_be_changed_listed_and_cancelled()
    {
        var created = await Olga.CreateEventAsync(Weekly("Team sync"));
        Assert.Equal("Europe/Berlin", created.StartsAt!.Timezone);
        Assert.Equal(1, created.Revision);
        var owner = await Participant.JoinAsync(Node, created.Room.Id, Olga, "Olga"); // the room is real
        await owner.Socket.DisposeAsync();

        var changed = await Olga.PatchEventAsync(created.Id, new { title = "Team sync (moved)", waiting_room = true });
        Assert.Equal("Team sync (moved)", changed.Title);
        Assert.Equal(created.StartsAt, changed.StartsAt);
        Assert.Equal(2, changed.Revision);
        Assert.True((await Olga.GetRoomAsync(created.Room.Id)).WaitingRoom);

        var listed = await ListWhenAsync(p => p.Items.Any(e => e.Id == created.Id && e.Revision == 2));
        Assert.Equal("Team sync (moved)", Assert.Single(listed.Items, e => e.Id == created.Id).Title);

        await Olga.DeleteEventAsync(created.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<OpenTalkApiException>(() => Olga.GetEventAsync(created.Id))).Status);
        Assert.DoesNotContain((await ListWhenAsync(p => p.Items.All(e => e.Id != created.Id))).Items, e => e.Id == created.Id);
    }

    [Fact]
    public async Task The_list_pages_with_a_cursor_newest_first()
    {
        var ids = new List<Guid>();
        foreach (var title in new[] { "One", "Two", "Three" })
            ids.Add((await Olga.CreateEventAsync(Weekly(title))).Id);

        var first = await ListWhenAsync(p => p.Items.Count == 2 && p.Next is not null, perPage: 2);
        Assert.Equal(["Three", "Two"], first.Items.Select(e => e.Title));
        var second = await Olga.ListEventsAsync(2, first.Next);
        Assert.Equal(["One"], second.Items.Select(e => e.Title));
        Assert.Null(second.Next);
    }

    [Fact]
    public async Task Invalid_fields_are_named_and_nothing_is_created()
    {
        var bad = await Assert.ThrowsAsync<OpenTalkApiException>(() => Olga.CreateEventAsync(Weekly("") with
        {
            EndsAt = new DateTimeTz(new DateTime(2026, 12, 1, 8, 0, 0), "Europe/Berlin"),
            RecurrencePattern = ["RRULE:FREQ=DAILY\r\nATTENDEE:mailto:evil@example.org"],
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.Status);
        Assert.Contains("\"title\"", bad.Body, StringComparison.Ordinal);
        Assert.Contains("\"ends_at\"", bad.Body, StringComparison.Ordinal);
        Assert.Contains("\"recurrence_pattern\"", bad.Body, StringComparison.Ordinal);

        var zone = await Assert.ThrowsAsync<OpenTalkApiException>(() => Olga.CreateEventAsync(Weekly("Sync") with
        {
            StartsAt = new DateTimeTz(new DateTime(2026, 12, 1, 9, 0, 0), "Mars/Olympus_Mons"),
        }));
        Assert.Contains("\"starts_at\"", zone.Body, StringComparison.Ordinal);
        var titleBreak = await Assert.ThrowsAsync<OpenTalkApiException>(() => Olga.CreateEventAsync(Weekly("Sync\r\nBcc: all@example.org")));
        Assert.Contains("\"title\"", titleBreak.Body, StringComparison.Ordinal);
        Assert.Empty((await Olga.ListEventsAsync()).Items);
    }

    [Fact]
    public async Task Invitees_read_the_meeting_and_answer_and_uninvited_people_lose_access()
    {
        var created = await Olga.CreateEventAsync(Weekly("Board"));
        var (uma, umaId) = await Node.NewUserWithIdAsync("uma");
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() => uma.GetEventAsync(created.Id))).Status);

        var invite = await Olga.InviteAsync(created.Id, new EventInviteRequest(umaId, null, InviteRole.Moderator));
        Assert.Equal((InviteRole.Moderator, InviteStatus.Pending), (invite.Profile.Role, invite.Status));
        await Olga.InviteAsync(created.Id, new EventInviteRequest(null, "guest@example.org", InviteRole.Guest));
        var bad = await Assert.ThrowsAsync<OpenTalkApiException>(() => Olga.InviteAsync(created.Id, new EventInviteRequest(null, "x@example.org\r\nBcc: y@example.org")));
        Assert.Equal(ProblemCodes.ValidationFailed, bad.Code);
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() =>
            uma.InviteAsync(created.Id, new EventInviteRequest(null, "friend@example.org")))).Status);

        Assert.Equal("Board", (await uma.GetEventAsync(created.Id)).Title);
        Assert.Contains(await Eventually(uma.PendingInvitesAsync, p => p.Any(e => e.Id == created.Id)), e => e.Id == created.Id);
        await uma.AnswerInviteAsync(created.Id, InviteStatus.Accepted);
        Assert.DoesNotContain(await Eventually(uma.PendingInvitesAsync, p => p.All(e => e.Id != created.Id)), e => e.Id == created.Id);
        var invites = await Olga.ListInvitesAsync(created.Id);
        Assert.Equal(InviteStatus.Accepted, Assert.Single(invites, i => i.Profile.Id == umaId).Status);
        Assert.Contains(invites, i => i.Profile is { Kind: "email", Email: "guest@example.org" });
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() => uma.PatchEventAsync(created.Id, new { title = "Mine" }))).Status);

        await Olga.UninviteAsync(created.Id, umaId);
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() => uma.GetEventAsync(created.Id))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<OpenTalkApiException>(() => uma.AnswerInviteAsync(created.Id, InviteStatus.Declined))).Status);
    }

    [Fact]
    public async Task Nobody_else_reads_changes_or_cancels_a_meeting()
    {
        var created = await Olga.CreateEventAsync(Weekly("Private"));
        var mallory = await Node.NewUserAsync("mallory");
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() => mallory.GetEventAsync(created.Id))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() => mallory.PatchEventAsync(created.Id, new { title = "Mine" }))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() => mallory.DeleteEventAsync(created.Id))).Status);
        Assert.Empty((await mallory.ListEventsAsync()).Items);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Assert.ThrowsAsync<OpenTalkApiException>(() => Node.Anonymous().GetEventAsync(created.Id))).Status);
        Assert.Equal("Private", (await Olga.GetEventAsync(created.Id)).Title);
    }

    [Fact]
    public async Task Every_meeting_endpoint_refuses_a_stranger_and_changes_nothing()
    {
        var created = await Olga.CreateEventAsync(Weekly("Private"));
        var (_, umaId) = await Node.NewUserWithIdAsync("uma");
        await Olga.InviteAsync(created.Id, new EventInviteRequest(umaId, null));
        var mallory = await Node.NewUserAsync("mallory");
        var id = created.Id;
        var instance = "20261201T080000Z";
        (HttpMethod Method, string Path, object? Body, HttpStatusCode Expected)[] attempts =
        [
            (HttpMethod.Get, $"v1/events/{id}", null, HttpStatusCode.Forbidden),
            (HttpMethod.Patch, $"v1/events/{id}", new { title = "Mine" }, HttpStatusCode.Forbidden),
            (HttpMethod.Delete, $"v1/events/{id}", null, HttpStatusCode.Forbidden),
            (HttpMethod.Get, $"v1/events/{id}/invites", null, HttpStatusCode.Forbidden),
            (HttpMethod.Post, $"v1/events/{id}/invites", new { email = "friend@example.org" }, HttpStatusCode.Forbidden),
            (HttpMethod.Delete, $"v1/events/{id}/invites/{umaId}", null, HttpStatusCode.Forbidden),
            (HttpMethod.Delete, $"v1/events/{id}/invites?email=friend@example.org", null, HttpStatusCode.Forbidden),
            (HttpMethod.Patch, $"v1/events/{id}/invite", new { status = "accepted" }, HttpStatusCode.NotFound),
            (HttpMethod.Get, $"v1/events/{id}/instances", null, HttpStatusCode.Forbidden),
            (HttpMethod.Get, $"v1/events/{id}/instances/{instance}", null, HttpStatusCode.Forbidden),
            (HttpMethod.Patch, $"v1/events/{id}/instances/{instance}", new { status = "cancelled" }, HttpStatusCode.Forbidden),
            (HttpMethod.Put, $"v1/users/me/event_favorites/{id}", null, HttpStatusCode.Forbidden),
            (HttpMethod.Get, $"v1/rooms/{created.Room.Id}/streaming_targets", null, HttpStatusCode.Forbidden),
            (HttpMethod.Get, $"v1/rooms/{created.Room.Id}/invites", null, HttpStatusCode.Forbidden),
        ];
        foreach (var (method, path, body, expected) in attempts)
        {
            using var content = body is null ? null : System.Net.Http.Json.JsonContent.Create(body);
            using var response = await mallory.SendRawAsync(method, path, content);
            Assert.True(expected == response.StatusCode, $"{method} {path}: {(int)response.StatusCode}");
            Assert.Contains("\"code\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var after = await Olga.GetEventAsync(id);
        Assert.Equal(("Private", 1), (after.Title, after.Revision));
        Assert.Equal([umaId], (await Olga.ListInvitesAsync(id)).Select(i => i.Profile.Id!.Value));
        Assert.All((await Olga.ListInstancesAsync(id, perPage: 3)).Items, i => Assert.Equal(InstanceStatus.Ok, i.Status));
    }
}
