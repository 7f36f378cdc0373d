using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests;

/// <summary>
/// Rooms and guest links as OpenTalk's web app reads them (opentalk-types <c>RoomResource</c>, <c>InviteResource</c>,
/// <c>EventInfo</c>; <c>PATCH</c>/<c>DELETE /v1/rooms/{id}</c>), on the raw JSON.
/// </summary>
public sealed class OpenTalkRoomsContractTests : RoomTest
{
    [Fact]
    public async Task A_guest_link_that_never_expires_says_so_with_null_so_the_app_does_not_make_another()
    {
        using (var made = await Olga.SendRawAsync(HttpMethod.Post, $"v1/rooms/{Room}/invites", JsonContent.Create(new { })))
        {
            var answer = await made.JsonOkAsync();
            Assert.True(answer.GetProperty("created").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
            Assert.Equal(JsonValueKind.Null, answer.GetProperty("expiration").ValueKind);
        }
        using var listed = await Olga.SendRawAsync(HttpMethod.Get, $"v1/rooms/{Room}/invites", null);
        var invite = Assert.Single((await listed.JsonOkAsync()).EnumerateArray());
        Assert.Equal(JsonValueKind.Null, invite.GetProperty("expiration").ValueKind); // present, and null
        Assert.True(invite.GetProperty("active").GetBoolean());
        Assert.Equal(Room, invite.GetProperty("room_id").GetGuid());
        Assert.Equal("olga", invite.GetProperty("created_by").GetProperty("display_name").GetString());

        // When it was made comes from the rooms read model, a moment later.
        for (var attempt = 0; attempt < 100 && !invite.TryGetProperty("created", out _); attempt++)
        {
            await Task.Delay(100);
            using var again = await Olga.SendRawAsync(HttpMethod.Get, $"v1/rooms/{Room}/invites", null);
            invite = Assert.Single((await again.JsonOkAsync()).EnumerateArray());
        }
        Assert.InRange(invite.GetProperty("created").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Each_owner_lists_their_own_rooms_a_page_at_a_time_with_when_each_was_made()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        var second = (await Olga.CreateRoomAsync(new(Password: "pass-2", WaitingRoom: true))).Id;
        var third = (await Olga.CreateRoomAsync(new(null))).Id;
        var mallory = await Node.NewUserAsync("mallory");
        var hers = (await mallory.CreateRoomAsync(new(null))).Id;
        using (var deleted = await Olga.SendRawAsync(HttpMethod.Delete, $"v1/rooms/{third}", null))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        // The list is a read model: wait until it has seen the deletion.
        List<JsonElement> rooms = [];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var listed = await Olga.SendRawAsync(HttpMethod.Get, "v1/rooms", null);
            rooms = [.. (await listed.JsonOkAsync()).EnumerateArray()];
            if (rooms.Count == 2 && !rooms.Any(r => r.GetProperty("id").GetGuid() == third))
                break;
            await Task.Delay(100);
        }
        Assert.Equal([Room, second], rooms.Select(r => r.GetProperty("id").GetGuid()));
        Assert.All(rooms, r => Assert.Equal("olga", r.GetProperty("created_by").GetProperty("display_name").GetString()));
        Assert.All(rooms, r => Assert.InRange(r.GetProperty("created_at").GetDateTimeOffset(), before, DateTimeOffset.UtcNow));
        Assert.Equal(("pass-2", true), (rooms[1].GetProperty("password").GetString(), rooms[1].GetProperty("waiting_room").GetBoolean()));

        // Page paging as OpenTalk's: the second of two pages links back to the first.
        using (var first = await Olga.SendRawAsync(HttpMethod.Get, "v1/rooms?per_page=1", null))
        {
            Assert.Equal(Room, Assert.Single((await first.JsonOkAsync()).EnumerateArray()).GetProperty("id").GetGuid());
            var link = string.Join(",", first.Headers.GetValues("Link"));
            Assert.Contains("per_page=1&page=2>; rel=\"next\"", link, StringComparison.Ordinal);
            Assert.Contains("page=2>; rel=\"last\"", link, StringComparison.Ordinal);
        }
        using (var last = await Olga.SendRawAsync(HttpMethod.Get, "v1/rooms?per_page=1&page=2", null))
        {
            Assert.Equal(second, Assert.Single((await last.JsonOkAsync()).EnumerateArray()).GetProperty("id").GetGuid());
            var link = string.Join(",", last.Headers.GetValues("Link"));
            Assert.Contains("page=1>; rel=\"first\"", link, StringComparison.Ordinal);
            Assert.DoesNotContain("rel=\"next\"", link, StringComparison.Ordinal);
        }
        using (var theirs = await mallory.SendRawAsync(HttpMethod.Get, "v1/rooms", null))
            Assert.Equal(hers, Assert.Single((await theirs.JsonOkAsync()).EnumerateArray()).GetProperty("id").GetGuid());
        using var room = await Olga.SendRawAsync(HttpMethod.Get, $"v1/rooms/{second}", null);
        Assert.Equal(rooms[1].GetProperty("created_at").GetDateTimeOffset(), (await room.JsonOkAsync()).GetProperty("created_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_owner_reads_changes_and_deletes_the_room_others_may_not()
    {
        using (var room = await Olga.SendRawAsync(HttpMethod.Get, $"v1/rooms/{Room}", null))
        {
            var r = await room.JsonOkAsync();
            Assert.Equal("olga", r.GetProperty("created_by").GetProperty("display_name").GetString());
        }
        using (var changed = await Olga.SendRawAsync(HttpMethod.Patch, $"v1/rooms/{Room}", JsonContent.Create(new { password = "secret-1", waiting_room = true })))
        {
            var r = await changed.JsonOkAsync();
            Assert.Equal(("secret-1", true), (r.GetProperty("password").GetString(), r.GetProperty("waiting_room").GetBoolean()));
        }
        using (var cleared = await Olga.SendRawAsync(HttpMethod.Patch, $"v1/rooms/{Room}", new StringContent("""{"password":null}""", System.Text.Encoding.UTF8, "application/json")))
        {
            var r = await cleared.JsonOkAsync();
            Assert.False(r.TryGetProperty("password", out _));
            Assert.True(r.GetProperty("waiting_room").GetBoolean()); // not sent: kept
        }

        var mallory = await Node.NewUserAsync("mallory");
        foreach (var (method, content) in new[] { (HttpMethod.Get, (HttpContent?)null), (HttpMethod.Patch, JsonContent.Create(new { password = "mine" })), (HttpMethod.Delete, null) })
        {
            using var refused = await mallory.SendRawAsync(method, $"v1/rooms/{Room}", content);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        using (var assets = await Olga.SendRawAsync(HttpMethod.Get, $"v1/rooms/{Room}/assets", null))
            Assert.Empty((await assets.JsonOkAsync()).EnumerateArray());

        using (var deleted = await Olga.SendRawAsync(HttpMethod.Delete, $"v1/rooms/{Room}", null))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await Olga.SendRawAsync(HttpMethod.Get, $"v1/rooms/{Room}", null);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task The_lobby_shows_the_meeting_of_a_room_to_members_and_to_guests_with_its_invite_code()
    {
        using var made = await Olga.SendRawAsync(HttpMethod.Post, "v1/events", JsonContent.Create(new { title = "Town hall", description = "", is_time_independent = true }));
        var meeting = await made.JsonOkAsync();
        var (eventId, roomId) = (meeting.GetProperty("id").GetGuid(), meeting.GetProperty("room").GetProperty("id").GetGuid());
        var invite = await Olga.CreateInviteAsync(roomId);

        using var http = new HttpClient { BaseAddress = Node.BaseUri };
        JsonElement? info = null;
        for (var attempt = 0; attempt < 100 && info is null; attempt++) // the room's meeting is found through the read model
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/rooms/{roomId}/event");
            request.Headers.Authorization = new AuthenticationHeaderValue("InviteCode", invite.InviteCode);
            using var answer = await http.SendAsync(request);
            if (answer.StatusCode == HttpStatusCode.OK)
                info = await answer.JsonOkAsync();
            else
                await Task.Delay(100);
        }
        Assert.NotNull(info);
        Assert.Equal((eventId, roomId, "Town hall", false), (info.Value.GetProperty("id").GetGuid(), info.Value.GetProperty("room_id").GetGuid(),
            info.Value.GetProperty("title").GetString(), info.Value.GetProperty("is_adhoc").GetBoolean()));
        using (var member = await Olga.SendRawAsync(HttpMethod.Get, $"v1/rooms/{roomId}/event", null))
            Assert.Equal(eventId, (await member.JsonOkAsync()).GetProperty("id").GetGuid());

        // A code of another room, or none, opens nothing; a room of its own has no meeting.
        var otherInvite = await Olga.CreateInviteAsync(Room);
        foreach (var header in new[] { $"InviteCode {otherInvite.InviteCode}", "InviteCode nonsense", null })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/rooms/{roomId}/event");
            if (header is not null)
                request.Headers.TryAddWithoutValidation("Authorization", header);
            using var refused = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        using var noMeeting = await Olga.SendRawAsync(HttpMethod.Get, $"v1/rooms/{Room}/event", null);
        Assert.Equal(HttpStatusCode.NotFound, noMeeting.StatusCode);
    }
}
