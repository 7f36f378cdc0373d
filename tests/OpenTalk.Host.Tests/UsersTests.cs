using System.Net;
using System.Text.Json;
using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests;

/// <summary>The signed-in user, and finding people to invite among those who signed in before.</summary>
public sealed class UsersTests : RoomTest
{
    [Fact]
    public async Task Users_see_themselves_and_find_others_by_name_or_address()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (uma, umaId) = await Node.NewUserWithIdAsync($"uma{tag}", $"uma-{tag}@example.org", "de");

        using (var me = await uma.SendRawAsync(HttpMethod.Get, "v1/users/me", null))
        {
            var body = JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal((umaId, $"uma-{tag}@example.org", "de", false),
                (body.GetProperty("id").GetGuid(), body.GetProperty("email").GetString(), body.GetProperty("language").GetString(), body.GetProperty("is_admin").GetBoolean()));
        }

        foreach (var query in new[] { $"UMA{tag}", $"-{tag}@example" })
        {
            using var found = await Olga.SendRawAsync(HttpMethod.Get, $"v1/users/find?q={Uri.EscapeDataString(query)}", null);
            var people = JsonDocument.Parse(await found.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(umaId, Assert.Single(people.EnumerateArray()).GetProperty("id").GetGuid());
        }
        using (var wildcard = await Olga.SendRawAsync(HttpMethod.Get, "v1/users/find?q=%25%25", null))
            Assert.Empty(JsonDocument.Parse(await wildcard.Content.ReadAsStringAsync()).RootElement.EnumerateArray()); // % is literal
        using (var tooShort = await Olga.SendRawAsync(HttpMethod.Get, "v1/users/find?q=u", null))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, tooShort.StatusCode);
        using (var anonymous = await Node.Anonymous().SendRawAsync(HttpMethod.Get, $"v1/users/find?q=uma{tag}", null))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Users_see_their_groups_for_group_chats()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var admin = await Node.AsAdminAsync();
        await admin.CreateAccountAsync($"gus{tag}", "password-gus", groups: ["board", "sales"]);
        var gus = await Node.AsAsync($"gus{tag}", "password-gus");
        using var me = await gus.SendRawAsync(HttpMethod.Get, "v1/users/me", null);
        var groups = JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement.GetProperty("groups");
        Assert.Equal(["board", "sales"], groups.EnumerateArray().Select(g => g.GetString()).Order());
    }

    [Fact]
    public async Task The_web_app_learns_where_to_sign_in_without_signing_in()
    {
        using var response = await Node.Anonymous().SendRawAsync(HttpMethod.Get, "v1/auth/login", null);
        var provider = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("oidc");
        // The embedded provider: this node, whose discovery document names its endpoints.
        Assert.Equal(Node.BaseUri.GetLeftPart(UriPartial.Authority), provider.GetProperty("url").GetString());
        Assert.Equal("opentalk-web", provider.GetProperty("client_id").GetString());
        using var discovery = await Node.Anonymous().SendRawAsync(HttpMethod.Get, ".well-known/openid-configuration", null);
        var endpoints = JsonDocument.Parse(await discovery.Content.ReadAsStringAsync()).RootElement;
        Assert.EndsWith("/connect/authorize", endpoints.GetProperty("authorization_endpoint").GetString());
        Assert.EndsWith("/connect/logout", endpoints.GetProperty("end_session_endpoint").GetString());
    }
}
