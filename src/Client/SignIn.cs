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

    public static async Task<string> WithPasswordAsync(Uri provider, string userName, string password, CancellationToken ct = default)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
        using var http = new HttpClient(handler) { BaseAddress = provider };
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Base64Url(RandomNumberGenerator.GetBytes(16));
        var authorize = $"connect/authorize?client_id={WebClientId}&response_type=code&scope=openid%20profile"
            + $"&redirect_uri={Uri.EscapeDataString(LoopbackRedirect)}&code_challenge={challenge}&code_challenge_method=S256&state={state}";

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
        if (posted.StatusCode != HttpStatusCode.Redirect && posted.StatusCode != HttpStatusCode.Found)
            throw new OpenTalkApiException(posted.StatusCode, "invalid_credentials", "The provider refused the user name or password.");

        // 3. Back at the authorization endpoint, now with a session: it redirects to us with a code.
        using var second = await http.GetAsync(posted.Headers.Location, ct);
        var callback = second.Headers.Location ?? throw new InvalidOperationException($"No authorization code ({(int)second.StatusCode}).");
        var query = HttpUtility.ParseQueryString(callback.Query);
        if (query["state"] != state)
            throw new InvalidOperationException("The provider answered with another state.");
        var code = query["code"] ?? throw new InvalidOperationException($"No authorization code: {query["error"]}.");

        // 4. Trade the code (plus the PKCE verifier) for tokens.
        return await TokenAsync(http, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = LoopbackRedirect,
            ["client_id"] = WebClientId, ["code_verifier"] = verifier,
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

    private static async Task<string> TokenAsync(HttpClient http, Dictionary<string, string> fields, CancellationToken ct)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await http.PostAsync("connect/token", content, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new OpenTalkApiException(response.StatusCode, "token_refused", body);
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("access_token").GetString()!;
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
