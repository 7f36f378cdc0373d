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
