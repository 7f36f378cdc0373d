using System.Net;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenTalk.Client;
using OpenTalk.Host.Auth;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>Who may do what: every refusal here is something a user could try.</summary>
public sealed class SecurityTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync(postgres: null);

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Calls_without_a_token_or_with_a_forged_or_expired_one_are_refused()
    {
        var anonymous = _node.Anonymous();
        var none = await Assert.ThrowsAsync<OpenTalkApiException>(() => anonymous.CreateRoomAsync(new CreateRoomRequest(null)));
        Assert.Equal(HttpStatusCode.Unauthorized, none.Status);
        Assert.Equal(ProblemCodes.Unauthorized, none.Code);

        // Signed by a key the node never had.
        anonymous.AccessToken = Token(new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)), DateTime.UtcNow.AddHours(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Assert.ThrowsAsync<OpenTalkApiException>(() => anonymous.CreateRoomAsync(new CreateRoomRequest(null)))).Status);

        // Signed with the node's own key, but expired an hour ago.
        var ownKey = SigningKeys.LoadOrCreate(Path.Combine(_node.DataFolder, "signing-key.pem"));
        anonymous.AccessToken = Token(ownKey, DateTime.UtcNow.AddHours(-1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Assert.ThrowsAsync<OpenTalkApiException>(() => anonymous.CreateRoomAsync(new CreateRoomRequest(null)))).Status);

        // The same key and a valid lifetime is accepted: the two refusals above were for the right reason.
        anonymous.AccessToken = Token(ownKey, DateTime.UtcNow.AddHours(1));
        Assert.NotEqual(Guid.Empty, (await anonymous.CreateRoomAsync(new CreateRoomRequest(null))).Id);
    }

    [Fact]
    public async Task Only_the_owner_or_an_admin_sees_a_room_and_its_history()
    {
        var olga = await _node.NewUserAsync("olga");
        var mallory = await _node.NewUserAsync("mallory");
        var room = await olga.CreateRoomAsync(new CreateRoomRequest("pw"));

        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() => mallory.GetRoomAsync(room.Id))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() => mallory.GetAuditEventsAsync(room.Id))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() => mallory.CreateInviteAsync(room.Id))).Status);
        Assert.Equal(ProblemCodes.WrongRoomPassword, (await Assert.ThrowsAsync<OpenTalkApiException>(() => mallory.StartAsync(room.Id))).Code);

        var admin = await _node.AsAdminAsync();
        Assert.Equal("pw", (await admin.GetRoomAsync(room.Id)).Password);
        Assert.Equal("pw", (await olga.GetRoomAsync(room.Id)).Password);
    }

    [Fact]
    public async Task The_cluster_view_and_accounts_are_for_admins_only()
    {
        var uma = await _node.NewUserAsync("uma");
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() => uma.GetClusterAsync())).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() => uma.CreateAccountAsync("eve", "password-eve"))).Status);

        // With someone in a meeting, the node reports the meeting and the socket it serves.
        var room = (await uma.CreateRoomAsync(new CreateRoomRequest(null))).Id;
        var present = await Participant.JoinAsync(_node, room, uma, "Uma");
        var cluster = await (await _node.AsAdminAsync()).GetClusterAsync();
        var member = Assert.Single(cluster.GetProperty("members").EnumerateArray());
        Assert.Equal("up", member.GetProperty("status").GetString());
        Assert.True(member.GetProperty("meetings").GetInt32() >= 1, member.ToString());
        Assert.True(member.GetProperty("connections").GetInt32() >= 1, member.ToString());
        await present.Socket.DisposeAsync();
    }

    [Theory]
    [InlineData("account/login")]
    [InlineData("room/some-room")]
    [InlineData("v1/openapi.json")]
    public async Task Pages_cannot_be_framed_sniffed_or_leak_their_address(string path)
    {
        using var http = new HttpClient { BaseAddress = _node.BaseUri };
        using var answer = await http.GetAsync(path);
        var policy = answer.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", answer.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", answer.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Only_the_node_itself_can_read_its_data_folder()
    {
        // Something in every store: an account (identity), a room (journal, read models); the keys and the first
        // password are what the data folder keeps (the stores themselves are in Postgres).
        var olga = await _node.NewUserAsync("olga");
        await olga.CreateRoomAsync(new CreateRoomRequest(null));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_node.DataFolder));
        var files = Directory.EnumerateFiles(_node.DataFolder, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("signing-key.pem", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("encryption-key.pem", StringComparison.Ordinal));
        Assert.All(files, f => Assert.True(File.GetUnixFileMode(f) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{f}: {File.GetUnixFileMode(f)}"));
    }

    [Fact]
    public async Task A_wrong_password_at_the_login_form_gets_no_token()
    {
        var refused = await Assert.ThrowsAsync<OpenTalkApiException>(() => SignIn.WithPasswordAsync(_node.BaseUri, "admin", "not the password"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
    }

    [Fact]
    public async Task The_login_form_refuses_a_post_without_its_antiforgery_token()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _node.BaseUri };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "admin", ["password"] = TestNode.AdminPassword, ["returnUrl"] = "/",
        });
        using var posted = await http.PostAsync("account/login", form);
        Assert.Equal(HttpStatusCode.Unauthorized, posted.StatusCode);
        Assert.False(posted.Headers.Contains("Set-Cookie") && posted.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("opentalk.login", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_service_account_signs_in_with_client_credentials_and_is_not_an_admin()
    {
        var api = _node.Anonymous();
        api.AccessToken = await SignIn.WithClientCredentialsAsync(_node.BaseUri, TestNode.ServiceClientId, TestNode.ServiceClientSecret);
        Assert.NotEqual(Guid.Empty, (await api.CreateRoomAsync(new CreateRoomRequest(null))).Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() => api.GetClusterAsync())).Status);
        await Assert.ThrowsAsync<OpenTalkApiException>(() => SignIn.WithClientCredentialsAsync(_node.BaseUri, TestNode.ServiceClientId, "wrong secret"));
    }

    private string Token(SecurityKey key, DateTime expires) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _node.BaseUri.ToString(),
            Audience = "opentalk",
            Subject = new ClaimsIdentity([new Claim("sub", Guid.NewGuid().ToString()), new Claim("name", "Forger")]),
            NotBefore = expires.AddHours(-2),
            IssuedAt = expires.AddHours(-2),
            Expires = expires,
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
}
