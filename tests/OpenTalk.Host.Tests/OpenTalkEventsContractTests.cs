using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests;

/// <summary>
/// Meetings as OpenTalk's web app sends and reads them (opentalk-types <c>PostEventsBody</c>, <c>EventResource</c>,
/// <c>EventExceptionResource</c>, <c>EventInstance</c>, <c>EventInvitee</c>; the controller's cursor paging), checked
/// on the raw JSON the app gets.
/// </summary>
public sealed class OpenTalkEventsContractTests : RoomTest
{
    /// <summary>The list once the read model has caught up with what was just written (it follows the journal).</summary>
    private async Task<(List<JsonElement> Entries, string? Link)> ListedAsync(string path, Func<List<JsonElement>, bool> caughtUp)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await Olga.SendRawAsync(HttpMethod.Get, path, null);
            var entries = (await response.JsonOkAsync()).EnumerateArray().ToList();
            if (caughtUp(entries) || attempt >= 100)
                return (entries, response.Headers.TryGetValues("Link", out var link) ? link.Single() : null);
            await Task.Delay(100);
        }
    }

    /// <summary>What the app's meeting form posts: times as RFC 3339 with an offset, keys it sends that we do not keep.</summary>
    private static StringContent AppMeeting(string title, string rule) => new($$"""
        {"title":"{{title}}","description":"","password":null,"waiting_room":false,"is_time_independent":false,"is_all_day":false,
         "starts_at":{"datetime":"2027-03-01T10:00:00+01:00","timezone":"Europe/Berlin"},
         "ends_at":{"datetime":"2027-03-01T11:00:00+01:00","timezone":"Europe/Berlin"},
         "recurrence_pattern":[{{rule}}],"is_adhoc":false,"has_shared_folder":false,"show_meeting_details":false,"streaming_targets":[]}
        """, Encoding.UTF8, "application/json");

    [Fact]
    public async Task An_all_day_meeting_with_a_stream_keeps_both_and_shows_how_to_join_in_the_room()
    {
        using var created = await Olga.SendRawAsync(HttpMethod.Post, "v1/events", new StringContent("""
            {"title":"Open day","description":"","is_time_independent":false,"is_all_day":true,
             "starts_at":{"datetime":"2027-05-03T00:00:00+02:00","timezone":"Europe/Berlin"},
             "ends_at":{"datetime":"2027-05-04T00:00:00+02:00","timezone":"Europe/Berlin"},
             "show_meeting_details":true,
             "streaming_targets":[{"name":"Video site","kind":"custom","streaming_endpoint":"rtmp://127.0.0.1/live",
                                   "streaming_key":"key-1","public_url":"https://videos.example/open-day"}]}
            """, Encoding.UTF8, "application/json"));
        var e = await created.JsonOkAsync();
        var (id, roomId) = (e.GetProperty("id").GetGuid(), e.GetProperty("room").GetProperty("id").GetGuid());
        Assert.True(e.GetProperty("is_all_day").GetBoolean());
        Assert.True(e.GetProperty("show_meeting_details").GetBoolean());
        var target = Assert.Single(e.GetProperty("streaming_targets").EnumerateArray());
        Assert.Equal(("Video site", "custom", "key-1"),
            (target.GetProperty("name").GetString(), target.GetProperty("kind").GetString(), target.GetProperty("streaming_key").GetString()));
        Assert.Single(await Olga.ListStreamingTargetsAsync(roomId)); // the room's own targets

        // An invitee reads the meeting, but not the stream's key.
        var (uma, umaId) = await Node.NewUserWithIdAsync("uma");
        await Olga.InviteAsync(id, new(umaId, null));
        using (var read = await uma.SendRawAsync(HttpMethod.Get, $"v1/events/{id}", null))
        {
            var seen = await read.JsonOkAsync();
            Assert.True(seen.GetProperty("is_all_day").GetBoolean());
            Assert.False(seen.TryGetProperty("streaming_targets", out _));
        }

        // The room shows how to join: the guest link for everyone that does not expire (not the older one made for
        // someone invited by e-mail), the call-in, the stream's page.
        await Olga.InviteAsync(id, new(null, "gus@example.org"));
        var link = await Olga.CreateInviteAsync(roomId);
        var sip = await Olga.PutSipAsync(roomId);
        using (var info = await uma.SendRawAsync(HttpMethod.Get, $"v1/rooms/{roomId}/event", null))
        {
            var details = (await info.JsonOkAsync()).GetProperty("meeting_details");
            Assert.Equal(link.InviteCode, details.GetProperty("invite_code_id").GetString());
            Assert.Equal(sip.GetProperty("sip_id").GetString(), details.GetProperty("call_in").GetProperty("id").GetString());
            var stream = Assert.Single(details.GetProperty("streaming_links").EnumerateArray());
            Assert.Equal(("Video site", "https://videos.example/open-day"), (stream.GetProperty("name").GetString(), stream.GetProperty("url").GetString()));
        }
        // A guest who still needs the room's password sees the meeting's title, not how to join (the call-in PIN).
        using (await Olga.SendRawAsync(HttpMethod.Patch, $"v1/rooms/{roomId}", JsonContent.Create(new { password = "pass-1" }))) { }
        using (var lobby = new HttpRequestMessage(HttpMethod.Get, $"v1/rooms/{roomId}/event"))
        {
            lobby.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("InviteCode", link.InviteCode);
            using var http = new HttpClient { BaseAddress = Node.BaseUri };
            using var seen = await http.SendAsync(lobby);
            var info = await seen.JsonOkAsync();
            Assert.Equal("Open day", info.GetProperty("title").GetString());
            Assert.False(info.TryGetProperty("meeting_details", out _));
        }

        // Replaced by an empty list, details hidden again.
        using (var changed = await Olga.SendRawAsync(HttpMethod.Patch, $"v1/events/{id}",
                   JsonContent.Create(new { show_meeting_details = false, streaming_targets = Array.Empty<object>() })))
        {
            var after = await changed.JsonOkAsync();
            Assert.False(after.TryGetProperty("streaming_targets", out _));
            Assert.True(after.GetProperty("is_all_day").GetBoolean()); // not sent: kept
        }
        Assert.Empty(await Olga.ListStreamingTargetsAsync(roomId));
        using var plain = await uma.SendRawAsync(HttpMethod.Get, $"v1/rooms/{roomId}/event", null);
        Assert.False((await plain.JsonOkAsync()).TryGetProperty("meeting_details", out _));
    }

    [Fact]
    public async Task A_meeting_without_a_time_is_not_all_day_and_a_bad_stream_is_named_by_its_place()
    {
        using (var refused = await Olga.SendRawAsync(HttpMethod.Post, "v1/events",
                   JsonContent.Create(new { title = "Anytime", description = "", is_time_independent = true, is_all_day = true })))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("is_all_day", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var badStream = await Olga.SendRawAsync(HttpMethod.Post, "v1/events", JsonContent.Create(new
        {
            title = "Anytime", description = "", is_time_independent = true,
            streaming_targets = new object?[] { new { name = "Site", streaming_endpoint = "http://not-rtmp", streaming_key = "k" }, null },
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badStream.StatusCode);
        var errors = (await badStream.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("validation_errors");
        Assert.True(errors.TryGetProperty("streaming_targets[0].streaming_endpoint", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("streaming_targets[1]", out _), errors.ToString());
    }

    [Fact]
    public async Task A_meeting_planned_in_the_app_reads_back_as_OpenTalks_event_resource()
    {
        using var created = await Olga.SendRawAsync(HttpMethod.Post, "v1/events", AppMeeting("Planning", "\"RRULE:FREQ=WEEKLY;COUNT=4\""));
        var e = await created.JsonOkAsync();
        var id = e.GetProperty("id").GetGuid();

        Assert.Equal(("2027-03-01T09:00:00Z", "Europe/Berlin"), (e.GetProperty("starts_at").GetProperty("datetime").GetString(), e.GetProperty("starts_at").GetProperty("timezone").GetString()));
        Assert.Equal("recurring", e.GetProperty("type").GetString());
        Assert.Equal(("accepted", true, false), (e.GetProperty("invite_status").GetString(), e.GetProperty("can_edit").GetBoolean(), e.GetProperty("is_all_day").GetBoolean()));
        var room = e.GetProperty("room");
        Assert.True(room.GetProperty("id").TryGetGuid(out _));
        Assert.False(room.GetProperty("waiting_room").GetBoolean());
        foreach (var who in new[] { "created_by", "updated_by" })
        {
            var profile = e.GetProperty(who);
            foreach (var field in new[] { "id", "email", "title", "firstname", "lastname", "display_name", "avatar_url" })
                Assert.Equal(JsonValueKind.String, profile.GetProperty(field).ValueKind);
            Assert.Equal("olga", profile.GetProperty("display_name").GetString());
        }
        Assert.EndsWith("Z", e.GetProperty("created_at").GetString());

        // One occurrence cancelled the way the app does it (body not snake-cased; status only).
        using (var cancelled = await Olga.SendRawAsync(HttpMethod.Patch, $"v1/events/{id}/instances/20270308T090000Z",
                   new StringContent("""{"status":"cancelled"}""", Encoding.UTF8, "application/json")))
            Assert.Equal("cancelled", (await cancelled.JsonOkAsync()).GetProperty("status").GetString());

        // The list: a bare array, the meeting followed by its exception, whose original start the app matches exactly.
        var (entries, _) = await ListedAsync("v1/events?per_page=4&adhoc=false", l => l.Any(x => x.GetProperty("type").GetString() == "exception"));
        var at = entries.FindIndex(x => x.GetProperty("id").GetString() == id.ToString());
        var exception = entries[at + 1];
        Assert.Equal(("exception", $"{id}_20270308T090000Z", "cancelled"),
            (exception.GetProperty("type").GetString(), exception.GetProperty("id").GetString(), exception.GetProperty("status").GetString()));
        Assert.Equal(id, exception.GetProperty("recurring_event_id").GetGuid());
        Assert.Equal(("2027-03-08T09:00:00Z", "Europe/Berlin"),
            (exception.GetProperty("original_starts_at").GetProperty("datetime").GetString(), exception.GetProperty("original_starts_at").GetProperty("timezone").GetString()));

        // Occurrences: a bare array of EventInstance, times in UTC with Z.
        using var instances = await Olga.SendRawAsync(HttpMethod.Get, $"v1/events/{id}/instances?per_page=2", null);
        var page = (await instances.JsonOkAsync()).EnumerateArray().ToList();
        Assert.Equal(2, page.Count);
        Assert.Equal(("instance", "20270301T090000Z", $"{id}_20270301T090000Z", "2027-03-01T09:00:00Z"),
            (page[0].GetProperty("type").GetString(), page[0].GetProperty("instance_id").GetString(), page[0].GetProperty("id").GetString(),
             page[0].GetProperty("starts_at").GetProperty("datetime").GetString()));
        Assert.Contains("rel=\"after\"", instances.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_pages_with_a_Link_header_and_filters_time_independent_meetings()
    {
        for (var i = 0; i < 3; i++)
            using (var made = await Olga.SendRawAsync(HttpMethod.Post, "v1/events", AppMeeting($"Timed {i}", "")))
                await made.JsonOkAsync();
        using (var anyTime = await Olga.SendRawAsync(HttpMethod.Post, "v1/events", JsonContent.Create(new { title = "Open door", description = "", is_time_independent = true })))
            Assert.Equal("single", (await anyTime.JsonOkAsync()).GetProperty("type").GetString());

        // The list follows the journal: once the last meeting written is listed, all are.
        await ListedAsync("v1/events?time_independent=true", l => l.Count == 1);
        var (firstPage, link) = await ListedAsync("v1/events?per_page=2&time_independent=false", _ => true);
        Assert.Equal(2, firstPage.Count);
        Assert.NotNull(link);
        var next = System.Text.RegularExpressions.Regex.Match(link, "^<([^>]+)>; rel=\"after\"$");
        Assert.True(next.Success, link);
        Assert.Contains("time_independent=false", next.Groups[1].Value, StringComparison.Ordinal); // the filters stay
        var nextUrl = new Uri(next.Groups[1].Value);
        using var second = await Olga.SendRawAsync(HttpMethod.Get, nextUrl.PathAndQuery.TrimStart('/'), null);
        var secondPage = (await second.JsonOkAsync()).EnumerateArray().ToList();
        Assert.Equal("Timed 0", Assert.Single(secondPage).GetProperty("title").GetString());
        Assert.False(second.Headers.Contains("Link"));

        using var timeIndependent = await Olga.SendRawAsync(HttpMethod.Get, "v1/events?time_independent=true", null);
        Assert.Equal(["Open door"], (await timeIndependent.JsonOkAsync()).EnumerateArray().Select(x => x.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Invitees_are_profiles_and_the_apps_invite_calls_work()
    {
        var (uma, umaId) = await Node.NewUserWithIdAsync("uma", "uma@example.org");
        using var made = await Olga.SendRawAsync(HttpMethod.Post, "v1/events", AppMeeting("Board", ""));
        var id = (await made.JsonOkAsync()).GetProperty("id").GetGuid();
        using (var invited = await Olga.SendRawAsync(HttpMethod.Post, $"v1/events/{id}/invites", JsonContent.Create(new { invitee = umaId, role = "user" })))
            Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        using (var byEmail = await Olga.SendRawAsync(HttpMethod.Post, $"v1/events/{id}/invites", JsonContent.Create(new { email = "guest@example.org" })))
            Assert.Equal(HttpStatusCode.Created, byEmail.StatusCode);

        // The moderator toggle, and accepting without a body.
        using (var promoted = await Olga.SendRawAsync(HttpMethod.Patch, $"v1/events/{id}/invites/{umaId}", JsonContent.Create(new { role = "moderator" })))
            Assert.Equal(HttpStatusCode.NoContent, promoted.StatusCode);
        using (var accepted = await uma.SendRawAsync(HttpMethod.Patch, $"v1/events/{id}/invite", null))
            Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);

        using var listed = await Olga.SendRawAsync(HttpMethod.Get, $"v1/events/{id}/invites", null);
        var invitees = (await listed.JsonOkAsync()).EnumerateArray().ToList();
        Assert.Equal(2, invitees.Count);
        var registered = invitees[0].GetProperty("profile"); // registered users first
        Assert.Equal(("registered", umaId, "uma", "moderator", "accepted"),
            (registered.GetProperty("kind").GetString(), registered.GetProperty("id").GetGuid(), registered.GetProperty("display_name").GetString(),
             registered.GetProperty("role").GetString(), invitees[0].GetProperty("status").GetString()));
        Assert.Equal(("email", "guest@example.org"), (invitees[1].GetProperty("profile").GetProperty("kind").GetString(), invitees[1].GetProperty("profile").GetProperty("email").GetString()));

        // The invitee sees the meeting as accepted, not editable.
        using (var seen = await uma.SendRawAsync(HttpMethod.Get, $"v1/events/{id}", null))
        {
            var e = await seen.JsonOkAsync();
            Assert.Equal(("accepted", false), (e.GetProperty("invite_status").GetString(), e.GetProperty("can_edit").GetBoolean()));
        }

        // Removing an address: OpenTalk's app names it in a JSON body.
        using (var removed = await Olga.SendRawAsync(HttpMethod.Delete, $"v1/events/{id}/invites/email", JsonContent.Create(new { email = "guest@example.org" })))
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        using var after = await Olga.SendRawAsync(HttpMethod.Get, $"v1/events/{id}/invites", null);
        Assert.Single((await after.JsonOkAsync()).EnumerateArray());

        // Only the creator changes roles.
        using var refused = await uma.SendRawAsync(HttpMethod.Patch, $"v1/events/{id}/invites/{umaId}", JsonContent.Create(new { role = "user" }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
