using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests;

/// <summary>
/// OpenTalk's own web app, served from its own origin, signs in at this node's provider the way it does at Keycloak:
/// cross-origin calls, its client id <c>Frontend</c> and scopes, <c>POST /v1/auth/login</c>, refresh tokens it can
/// read, and signing out through the provider's end-session endpoint.
/// </summary>
public sealed class OpenTalkWebAppSignInTests : RoomTest
{
    private const string AppSite = "http://localhost:3000";
    private const string OtherAllowedOrigin = "http://127.0.0.1:8080";
    private static readonly PublicClient App = new("Frontend", "openid profile email", AppSite + "/auth/callback");

    protected override string[] NodeArguments =>
        ["--SignIn:OpenTalkWebApp", AppSite, "--OpenTalk:CorsOrigins:0", OtherAllowedOrigin];

    private async Task<(string UserName, string Password)> AccountAsync()
    {
        var userName = $"kim-{Guid.NewGuid():N}"[..20];
        await (await Node.AsAdminAsync()).CreateAccountAsync(userName, "password-kim", "Kim", email: $"{userName}@example.org");
        return (userName, "password-kim");
    }

    [Fact]
    public async Task Only_configured_origins_may_call_the_api_the_discovery_document_and_the_token_endpoint()
    {
        using var http = new HttpClient { BaseAddress = Node.BaseUri };
        foreach (var origin in new[] { AppSite, OtherAllowedOrigin })
        {
            // The app sends its bearer token: the browser asks first.
            using var preflight = new HttpRequestMessage(HttpMethod.Options, "v1/events");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "GET");
            preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
            using var answer = await http.SendAsync(preflight);
            Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
            Assert.Equal(origin, Header(answer, "Access-Control-Allow-Origin"));
            Assert.Contains("authorization", Header(answer, "Access-Control-Allow-Headers")!, StringComparison.OrdinalIgnoreCase);
            Assert.Null(Header(answer, "Access-Control-Allow-Credentials")); // bearer tokens only, never cookies
        }

        using var discovery = await SendWithOriginAsync(http, HttpMethod.Get, ".well-known/openid-configuration", AppSite);
        Assert.Equal(AppSite, Header(discovery, "Access-Control-Allow-Origin"));
        using var token = await SendWithOriginAsync(http, HttpMethod.Post, "connect/token", AppSite,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["client_id"] = "Frontend", ["refresh_token"] = "x" }));
        Assert.Equal(AppSite, Header(token, "Access-Control-Allow-Origin")); // the app can read the refusal too

        // The paging links of lists are readable from the app.
        using var listing = await SendWithOriginAsync(http, HttpMethod.Get, "v1/auth/login", AppSite);
        Assert.Contains("Link", Header(listing, "Access-Control-Expose-Headers")!, StringComparison.Ordinal);

        foreach (var stranger in new[] { "http://localhost:3001", "https://localhost:3000", "http://evil.example" })
        {
            using var refused = await SendWithOriginAsync(http, HttpMethod.Get, ".well-known/openid-configuration", stranger);
            Assert.Null(Header(refused, "Access-Control-Allow-Origin"));
        }
    }

    [Fact]
    public async Task The_app_signs_in_as_Frontend_logs_in_at_the_node_and_stays_signed_in_across_reloads()
    {
        var (userName, password) = await AccountAsync();
        var tokens = await SignIn.TokensWithPasswordAsync(Node.BaseUri, userName, password, App);

        // It reads the refresh token's expiry on every page load, as it does with Keycloak's.
        Assert.NotNull(tokens.IdToken);
        var refreshExpiry = ExpiryOf(tokens.RefreshToken ?? throw new Xunit.Sdk.XunitException("no refresh token"));
        Assert.True(refreshExpiry > DateTimeOffset.UtcNow.AddDays(1), $"refresh token expires {refreshExpiry}");

        // It ends sign-in at the node with the ID token (no access token sent).
        using var http = new HttpClient { BaseAddress = Node.BaseUri };
        using var login = await http.PostAsJsonAsync("v1/auth/login", new { id_token = tokens.IdToken });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var permissions = JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("permissions");
        Assert.Equal(JsonValueKind.Array, permissions.ValueKind);

        // The access token works on the API, and the person is known by name and address.
        var api = Node.Anonymous();
        api.AccessToken = tokens.AccessToken;
        using (var me = await api.SendRawAsync(HttpMethod.Get, "v1/users/me", null))
            Assert.Equal($"{userName}@example.org", JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement.GetProperty("email").GetString());

        // A reload later: the refresh token gives a new set, again with an ID token and a readable refresh token.
        var refreshed = await SignIn.RefreshAsync(Node.BaseUri, "Frontend", tokens.RefreshToken);
        Assert.NotNull(refreshed.IdToken);
        Assert.True(ExpiryOf(refreshed.RefreshToken!) > DateTimeOffset.UtcNow.AddDays(1));
        api.AccessToken = refreshed.AccessToken;
        using (var again = await api.SendRawAsync(HttpMethod.Get, "v1/users/me", null))
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        // A refresh token is not an access token.
        api.AccessToken = tokens.RefreshToken;
        using (var wrongToken = await api.SendRawAsync(HttpMethod.Get, "v1/users/me", null))
            Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
    }

    [Fact]
    public async Task Logging_out_ends_the_provider_session_and_returns_to_the_app()
    {
        var (userName, password) = await AccountAsync();
        var tokens = await SignIn.TokensWithPasswordAsync(Node.BaseUri, userName, password, App);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = tokens.ProviderSession!, UseCookies = true })
            { BaseAddress = Node.BaseUri };

        using var discovery = await browser.GetAsync(".well-known/openid-configuration");
        var endSession = JsonDocument.Parse(await discovery.Content.ReadAsStringAsync()).RootElement.GetProperty("end_session_endpoint").GetString()!;
        var logout = $"{endSession}?client_id=Frontend&id_token_hint={tokens.IdToken}&post_logout_redirect_uri={Uri.EscapeDataString(AppSite + "/dashboard")}";
        using var back = await browser.GetAsync(logout);
        Assert.Equal(AppSite + "/dashboard", back.Headers.Location?.ToString());

        // Signing in again asks for the password: the provider's session is over.
        using var authorize = await browser.GetAsync(AuthorizeUrl());
        Assert.Contains("/account/login", authorize.Headers.Location?.ToString());

        // Only the app's own pages are places to go back to.
        using var elsewhere = await browser.GetAsync($"{endSession}?client_id=Frontend&post_logout_redirect_uri={Uri.EscapeDataString("http://evil.example/")}");
        Assert.DoesNotContain("evil.example", elsewhere.Headers.Location?.ToString() ?? "");
    }

    [Fact]
    public async Task Login_refuses_tokens_that_are_no_ID_token_of_this_provider()
    {
        var (userName, password) = await AccountAsync();
        var tokens = await SignIn.TokensWithPasswordAsync(Node.BaseUri, userName, password, App);
        using var http = new HttpClient { BaseAddress = Node.BaseUri };

        // An access token is for the API (its audience), a refresh token for the provider; a forged one is no one's.
        var parts = tokens.IdToken!.Split('.');
        var forged = $"{parts[0]}.{Base64Url(Encoding.UTF8.GetBytes("{\"sub\":\"someone-else\",\"aud\":\"Frontend\",\"exp\":4102444800}"))}.{parts[2]}";
        foreach (var token in new[] { tokens.AccessToken, tokens.RefreshToken!, forged, "not a token" })
        {
            using var refused = await http.PostAsJsonAsync("v1/auth/login", new { id_token = token });
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("invalid_id_token", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        }
        using var missing = await http.PostAsJsonAsync("v1/auth/login", new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
    }

    [Fact]
    public async Task Without_the_setting_the_node_knows_no_Frontend_client_and_allows_no_other_origin()
    {
        await using var plain = await TestNode.StartAsync(postgres: null);
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => SignIn.TokensWithPasswordAsync(plain.BaseUri, "admin", TestNode.AdminPassword, App));
        using var http = new HttpClient { BaseAddress = plain.BaseUri };
        using var discovery = await SendWithOriginAsync(http, HttpMethod.Get, ".well-known/openid-configuration", AppSite);
        Assert.Null(Header(discovery, "Access-Control-Allow-Origin"));
    }

    private static string AuthorizeUrl() =>
        $"connect/authorize?client_id=Frontend&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(App.RedirectUri)}"
        + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";

    private static async Task<HttpResponseMessage> SendWithOriginAsync(HttpClient http, HttpMethod method, string path, string origin, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("Origin", origin);
        return await http.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    /// <summary>The <c>exp</c> of a JWT, read the way the app's jwt-decode does: the middle part, base64url JSON.</summary>
    private static DateTimeOffset ExpiryOf(string jwt)
    {
        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length); // a signed JWT, not an encrypted one (five parts)
        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        using var claims = JsonDocument.Parse(Convert.FromBase64String(payload));
        return DateTimeOffset.FromUnixTimeSeconds(claims.RootElement.GetProperty("exp").GetInt64());
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
