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
