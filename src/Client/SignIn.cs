using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;

namespace OpenTalk.Client;

/// <summary>
/// Gets access tokens from an OpenID provider: the browser's authorization-code flow with PKCE
/// (driven through the provider's login form, for tests and bots with a local account) and the
/// client-credentials flow for service accounts.
/// </summary>
public static class SignIn
{
    public const string WebClientId = "opentalk-web";
    public const string LoopbackRedirect = "http://127.0.0.1/callback";

    public static async Task<string> WithPasswordAsync(Uri provider, string userName, string password, CancellationToken ct = default) =>
        (await TokensWithPasswordAsync(provider, userName, password, new PublicClient(WebClientId, "openid profile", LoopbackRedirect), ct)).AccessToken;

    /// <summary>
    /// The whole token set a web app gets at sign-in (access, ID and, where the provider hands one out, refresh token)
    /// for <paramref name="client"/>; the cookie jar of the provider's session comes along, for signing out.
    /// </summary>
    public static async Task<SignedIn> TokensWithPasswordAsync(Uri provider, string userName, string password, PublicClient client, CancellationToken ct = default)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies, UseCookies = true };
        using var http = new HttpClient(handler) { BaseAddress = provider };
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Base64Url(RandomNumberGenerator.GetBytes(16));
        var authorize = $"connect/authorize?client_id={Uri.EscapeDataString(client.ClientId)}&response_type=code&scope={Uri.EscapeDataString(client.Scope)}"
            + $"&redirect_uri={Uri.EscapeDataString(client.RedirectUri)}&code_challenge={challenge}&code_challenge_method=S256&state={state}";

        // 1. Not signed in yet: the provider sends us to its login page.
        using var first = await http.GetAsync(authorize, ct);
        var login = first.Headers.Location ?? throw new InvalidOperationException($"The provider did not ask for a login ({(int)first.StatusCode}).");
        var returnUrl = HttpUtility.ParseQueryString(login.IsAbsoluteUri ? login.Query : new Uri(provider, login).Query)["ReturnUrl"] ?? "/";

        // 2. Open the login page (it sets the antiforgery cookie and token), then post the form as a person would.
        var loginPage = await http.GetStringAsync(login.IsAbsoluteUri ? login : new Uri(provider, login), ct);
        var fields = new Dictionary<string, string> { ["username"] = userName, ["password"] = password, ["returnUrl"] = returnUrl };
        if (HiddenField(loginPage) is { } antiforgery)
            fields[antiforgery.Name] = antiforgery.Value;
        using var form = new FormUrlEncodedContent(fields);
        using var posted = await http.PostAsync("account/login", form, ct);
        if (posted.StatusCode == HttpStatusCode.TooManyRequests)
            throw new OpenTalkApiException(posted.StatusCode, "too_many_sign_in_attempts",
                $"Too many failed sign-ins: the provider asks to wait {posted.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0:0} seconds.");
        if (posted.StatusCode == HttpStatusCode.Forbidden)
            throw new OpenTalkApiException(posted.StatusCode, "account_disabled", "The account is disabled: it cannot sign in.");
        if (posted.StatusCode != HttpStatusCode.Redirect && posted.StatusCode != HttpStatusCode.Found)
            throw new OpenTalkApiException(posted.StatusCode, "invalid_credentials", "The provider refused the user name or password.");

        // 3. Back at the authorization endpoint, now with a session: it redirects to us with a code.
        using var second = await http.GetAsync(posted.Headers.Location, ct);
        var callback = second.Headers.Location ?? throw new InvalidOperationException($"No authorization code ({(int)second.StatusCode}).");
        if (!callback.IsAbsoluteUri || !callback.AbsoluteUri.StartsWith(client.RedirectUri + "?", StringComparison.Ordinal))
            throw new InvalidOperationException($"The provider did not send the browser back to the app: {callback}");
        var query = HttpUtility.ParseQueryString(callback.Query);
        if (query["state"] != state)
            throw new InvalidOperationException("The provider answered with another state.");
        var code = query["code"] ?? throw new InvalidOperationException($"No authorization code: {query["error"]}.");

        // 4. Trade the code (plus the PKCE verifier) for tokens.
        var tokens = await TokenSetAsync(http, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = client.RedirectUri,
            ["client_id"] = client.ClientId, ["code_verifier"] = verifier,
        }, ct);
        return tokens with { ProviderSession = cookies };
    }

    /// <summary>Trades a refresh token for a new token set, as a public client does.</summary>
    public static async Task<SignedIn> RefreshAsync(Uri provider, string clientId, string refreshToken, CancellationToken ct = default)
    {
        using var http = new HttpClient { BaseAddress = provider };
        return await TokenSetAsync(http, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = clientId, ["refresh_token"] = refreshToken,
        }, ct);
    }

    public static async Task<string> WithClientCredentialsAsync(Uri provider, string clientId, string clientSecret, CancellationToken ct = default)
    {
        using var http = new HttpClient { BaseAddress = provider };
        return await TokenAsync(http, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = clientSecret,
        }, ct);
    }

    private static async Task<string> TokenAsync(HttpClient http, Dictionary<string, string> fields, CancellationToken ct) =>
        (await TokenSetAsync(http, fields, ct)).AccessToken;

    private static async Task<SignedIn> TokenSetAsync(HttpClient http, Dictionary<string, string> fields, CancellationToken ct)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await http.PostAsync("connect/token", content, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new OpenTalkApiException(response.StatusCode, "token_refused", body);
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        string? Optional(string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;
        return new SignedIn(root.GetProperty("access_token").GetString()!, Optional("id_token"), Optional("refresh_token"));
    }

    /// <summary>The antiforgery field of the login form (any hidden field other than the return URL).</summary>
    private static (string Name, string Value)? HiddenField(string html)
    {
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html,
            "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">"))
        {
            var name = WebUtility.HtmlDecode(m.Groups[1].Value);
            if (name != "returnUrl")
                return (name, WebUtility.HtmlDecode(m.Groups[2].Value));
        }
        return null;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A public client of the provider: its id, the scopes it asks for and where the provider sends the browser back.</summary>
public sealed record PublicClient(string ClientId, string Scope, string RedirectUri);

/// <summary>Tokens from a sign-in or refresh.</summary>
/// <param name="ProviderSession">The provider's cookies after an interactive sign-in (its session), else null.</param>
public sealed record SignedIn(string AccessToken, string? IdToken, string? RefreshToken, CookieContainer? ProviderSession = null);
