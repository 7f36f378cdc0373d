using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests;

/// <summary>
/// Users, tariffs, ICE servers and error bodies in the shapes of OpenTalk's published types (opentalk-types
/// <c>PrivateUserProfile</c>, <c>PublicUserProfile</c>, <c>PatchMeRequestBody</c>, <c>TariffResource</c>, the
/// controller's <c>GET /v1/turn</c> and <c>ErrorBody</c>), as OpenTalk's web app reads them.
/// </summary>
public sealed class OpenTalkUsersContractTests : RoomTest
{
    private const string TurnSecret = "turn-secret-for-tests";

    protected override string[] NodeArguments =>
    [
        "--Turn:TurnUris:0", "turn:127.0.0.1:3478", "--Turn:StunUris:0", "stun:127.0.0.1:3478", "--Turn:TurnSecret", TurnSecret,
        "--Turn:MediaServerKey", MediaServerKey, "--Turn:MediaServerTurnUris:0", "turn:10.0.0.5:3478?transport=udp",
    ];

    private const string MediaServerKey = "media-server-key-for-tests";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [Fact]
    public async Task The_own_profile_has_every_field_of_OpenTalks_private_profile()
    {
        var (uma, _) = await Node.NewUserWithIdAsync("uma", "uma@example.org", "de");
        using var response = await uma.SendRawAsync(HttpMethod.Get, "v1/users/me", null);
        var me = await JsonAsync(response);
        foreach (var field in new[] { "email", "title", "firstname", "lastname", "display_name", "avatar_url", "dashboard_theme", "conference_theme", "language", "tariff_status" })
            Assert.Equal(JsonValueKind.String, me.GetProperty(field).ValueKind);
        Assert.Equal(JsonValueKind.Number, me.GetProperty("used_storage").ValueKind);
        Assert.Equal(("uma@example.org", "de", "default", "system"),
            (me.GetProperty("email").GetString(), me.GetProperty("language").GetString(), me.GetProperty("tariff_status").GetString(), me.GetProperty("dashboard_theme").GetString()));
        Assert.Equal("uma", me.GetProperty("display_name").GetString());
        Assert.Equal("", me.GetProperty("avatar_url").GetString()); // no avatar service configured: nothing leaves the node
    }

    [Fact]
    public async Task People_change_their_settings_and_others_see_their_new_name()
    {
        var (uma, umaId) = await Node.NewUserWithIdAsync("uma", "uma2@example.org");
        using (var changed = await uma.SendRawAsync(HttpMethod.Patch, "v1/users/me", JsonContent.Create(new
               { title = "Dr.", display_name = "Uma Umbridge", language = "de-DE", dashboard_theme = "dark", conference_theme = "light" })))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            var me = await JsonAsync(changed);
            Assert.Equal(("Dr.", "Uma Umbridge", "de-DE", "dark", "light"), (me.GetProperty("title").GetString(), me.GetProperty("display_name").GetString(),
                me.GetProperty("language").GetString(), me.GetProperty("dashboard_theme").GetString(), me.GetProperty("conference_theme").GetString()));
        }
        // Only what is sent changes.
        using (var again = await uma.SendRawAsync(HttpMethod.Patch, "v1/users/me", JsonContent.Create(new { dashboard_theme = "light" })))
            Assert.Equal(("Uma Umbridge", "light"), ((await JsonAsync(again)).GetProperty("display_name").GetString(), (await JsonAsync(again)).GetProperty("dashboard_theme").GetString()));

        using (var seen = await Olga.SendRawAsync(HttpMethod.Get, $"v1/users/{umaId}", null))
        {
            var profile = await JsonAsync(seen);
            Assert.Equal(("Uma Umbridge", "Dr.", "uma2@example.org"),
                (profile.GetProperty("display_name").GetString(), profile.GetProperty("title").GetString(), profile.GetProperty("email").GetString()));
            Assert.False(profile.TryGetProperty("dashboard_theme", out _)); // settings stay private
        }
        using (var unknown = await Olga.SendRawAsync(HttpMethod.Get, $"v1/users/{Guid.NewGuid()}", null))
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        foreach (var bad in new object[] { new { dashboard_theme = "pink" }, new { display_name = " " }, new { language = "en US" }, new { title = new string('x', 300) } })
        {
            using var refused = await uma.SendRawAsync(HttpMethod.Patch, "v1/users/me", JsonContent.Create(bad));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var problem = await JsonAsync(refused);
            Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("message").GetString())); // OpenTalk's ErrorBody.message
        }
        using (var anonymous = await Node.Anonymous().SendRawAsync(HttpMethod.Patch, "v1/users/me", JsonContent.Create(new { title = "x" })))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Users_and_rooms_have_the_tariff_whose_modules_the_apps_offer()
    {
        using var mine = await Olga.SendRawAsync(HttpMethod.Get, "v1/users/me/tariff", null);
        using var room = await Olga.SendRawAsync(HttpMethod.Get, $"v1/rooms/{Room}/tariff", null);
        foreach (var tariff in new[] { await JsonAsync(mine), await JsonAsync(room) })
        {
            Assert.True(tariff.GetProperty("id").TryGetGuid(out _));
            Assert.Equal(JsonValueKind.String, tariff.GetProperty("name").ValueKind);
            Assert.Equal(JsonValueKind.Object, tariff.GetProperty("quotas").ValueKind);
            var modules = tariff.GetProperty("modules");
            foreach (var module in new[] { "chat", "media", "moderation", "polls", "timer", "breakout", "legal_vote", "automod" })
                Assert.Equal(JsonValueKind.Array, modules.GetProperty(module).GetProperty("features").ValueKind);
            Assert.Contains("chat", tariff.GetProperty("enabled_modules").EnumerateArray().Select(m => m.GetString()));
        }
        using var noRoom = await Olga.SendRawAsync(HttpMethod.Get, $"v1/rooms/{Guid.NewGuid()}/tariff", null);
        Assert.Equal(HttpStatusCode.NotFound, noRoom.StatusCode);
        using var assets = await Olga.SendRawAsync(HttpMethod.Get, "v1/users/me/assets", null);
        Assert.Equal(JsonValueKind.Array, (await JsonAsync(assets)).GetProperty("owned_assets").ValueKind);
    }

    [Fact]
    public async Task Members_and_guests_get_time_limited_TURN_credentials_strangers_none()
    {
        using var member = await Olga.SendRawAsync(HttpMethod.Get, "v1/turn", null);
        var servers = (await JsonAsync(member)).EnumerateArray().ToList();
        var turn = Assert.Single(servers, s => s.TryGetProperty("username", out _));
        Assert.Equal(["turn:127.0.0.1:3478"], turn.GetProperty("uris").EnumerateArray().Select(u => u.GetString()));
        var userName = turn.GetProperty("username").GetString()!;
        // The TURN REST scheme: the user name starts with the expiry, the password is its HMAC-SHA1 under the shared secret.
        var expiry = long.Parse(userName.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expiry.ToString(System.Globalization.CultureInfo.InvariantCulture), turn.GetProperty("ttl").GetString());
        Assert.InRange(DateTimeOffset.FromUnixTimeSeconds(expiry), DateTimeOffset.UtcNow.AddMinutes(5), DateTimeOffset.UtcNow.AddDays(8));
#pragma warning disable CA5350 // the TURN REST scheme is HMAC-SHA1
        Assert.Equal(Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(TurnSecret), Encoding.UTF8.GetBytes(userName))),
            turn.GetProperty("password").GetString());
#pragma warning restore CA5350
        var stun = Assert.Single(servers, s => !s.TryGetProperty("username", out _));
        Assert.Equal(["stun:127.0.0.1:3478"], stun.GetProperty("uris").EnumerateArray().Select(u => u.GetString()));

        // OpenTalk's app sends a guest's invite code as its bearer token.
        var invite = await Olga.CreateInviteAsync(Room);
        using var http = new HttpClient { BaseAddress = Node.BaseUri };
        using (var guest = new HttpRequestMessage(HttpMethod.Get, "v1/turn"))
        {
            guest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", invite.InviteCode);
            using var answer = await http.SendAsync(guest);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
        foreach (var token in new[] { null, invite.InviteCode[..^2] + "00", Guid.NewGuid().ToString("N") + "ffffffffffff" })
        {
            using var stranger = new HttpRequestMessage(HttpMethod.Get, "v1/turn");
            if (token is not null)
                stranger.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var refused = await http.SendAsync(stranger);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
    }

    [Fact]
    public async Task Media_servers_get_TURN_credentials_with_the_key_as_Janus_asks_for_them()
    {
        using var http = new HttpClient { BaseAddress = Node.BaseUri };
        // Janus' TURN REST client: GET with the key in the query (as `api` and `key`), or POST with it in a form body.
        using var byGet = await http.GetAsync($"v1/turn/media-server?service=turn&api={MediaServerKey}&key={MediaServerKey}&username=janus");
        using var byPost = await http.PostAsync("v1/turn/media-server",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["service"] = "turn", ["key"] = MediaServerKey }));
        foreach (var answer in new[] { byGet, byPost })
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var credentials = await JsonAsync(answer);
            // draft-uberti-rtcweb-turn-rest: ttl is a lifetime in seconds (Janus refuses anything but an integer).
            Assert.Equal(12 * 3600, credentials.GetProperty("ttl").GetInt32());
            Assert.Equal(["turn:10.0.0.5:3478?transport=udp"], credentials.GetProperty("uris").EnumerateArray().Select(u => u.GetString()));
            var userName = credentials.GetProperty("username").GetString()!;
            var expiry = DateTimeOffset.FromUnixTimeSeconds(long.Parse(userName.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture));
            Assert.InRange(expiry, DateTimeOffset.UtcNow.AddHours(11), DateTimeOffset.UtcNow.AddHours(13));
#pragma warning disable CA5350 // the TURN REST scheme is HMAC-SHA1
            Assert.Equal(Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(TurnSecret), Encoding.UTF8.GetBytes(userName))),
                credentials.GetProperty("password").GetString());
#pragma warning restore CA5350
        }

        // Without the key, or with a wrong one, or as a signed-in person: no credentials.
        foreach (var query in new[] { "service=turn", "service=turn&key=wrong", $"service=turn&key={MediaServerKey[..^1]}" })
        {
            using var refused = await http.GetAsync($"v1/turn/media-server?{query}");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        using var asPerson = await Olga.SendRawAsync(HttpMethod.Get, "v1/turn/media-server", null);
        Assert.Equal(HttpStatusCode.Forbidden, asPerson.StatusCode);
    }

    [Fact]
    public async Task Without_ICE_servers_configured_the_answer_is_no_content()
    {
        await using var plain = await TestNode.StartAsync(postgres: null);
        var api = await plain.AsAdminAsync();
        using var answer = await api.SendRawAsync(HttpMethod.Get, "v1/turn", null);
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        // No key configured: media servers are told so rather than refused.
        using var http = new HttpClient { BaseAddress = plain.BaseUri };
        using var off = await http.GetAsync("v1/turn/media-server?service=turn&key=anything");
        Assert.Equal(HttpStatusCode.NotFound, off.StatusCode);
        Assert.Contains("Turn:MediaServerKey", await off.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
