using System.Net;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests;

/// <summary>The login form speaks the web app's language: asked for on the page, by the app (ui_locales), else by the browser.</summary>
public sealed class SignInPageTests : IAsyncLifetime
{
    private TestNode _node = null!;

    private const string AppSite = "http://meet.example.org";

    public async Task InitializeAsync() =>
        _node = await TestNode.StartAsync(postgres: null, extra: ["--SignIn:RedirectUris:0", AppSite + "/auth/callback"]);

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Theory]
    [InlineData("", null, "en")]
    [InlineData("", "de-AT,de;q=0.9,en;q=0.5", "de")]
    [InlineData("", "fr-FR,en;q=0.5,de;q=0.4", "en")]
    [InlineData("?returnUrl=%2Fconnect%2Fauthorize%3Fclient_id%3Dopentalk-web%26ui_locales%3Dde", "en-US", "de")]
    [InlineData("?returnUrl=%2Fconnect%2Fauthorize%3Fui_locales%3Dfr%2520en", "de", "en")]
    [InlineData("?lang=en", "de", "en")]
    [InlineData("?lang=de&returnUrl=%2Fconnect%2Fauthorize%3Fui_locales%3Den", null, "de")]
    public async Task The_login_page_is_in_the_language_asked_for(string query, string? acceptLanguage, string expected)
    {
        using var http = new HttpClient { BaseAddress = _node.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Get, "account/login" + query);
        if (acceptLanguage is not null)
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        using var response = await http.SendAsync(request);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<html lang=\"{expected}\">", page, StringComparison.Ordinal);
        Assert.Contains(expected == "de" ? "<label for=\"username\">Benutzername</label>" : "<label for=\"username\">User name</label>", page, StringComparison.Ordinal);
        Assert.Contains(expected == "de" ? "Passwort vergessen? Bitten Sie Ihre Administration, es zurückzusetzen." : "Forgot your password? Ask your administrator to reset it.",
            page, StringComparison.Ordinal);
        // Both languages are a link away, to the same form with the same return address; no script, and the site's policy holds.
        Assert.Contains("hreflang=\"de\"", page, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"en\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_of_the_web_app_ends_the_provider_session_and_returns_only_to_the_app()
    {
        await (await _node.AsAdminAsync()).CreateAccountAsync("otto", "password-otto", "Otto");
        var tokens = await SignIn.TokensWithPasswordAsync(_node.BaseUri, "otto", "password-otto",
            new PublicClient(SignIn.WebClientId, "openid profile", SignIn.LoopbackRedirect));
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = tokens.ProviderSession!, UseCookies = true })
            { BaseAddress = _node.BaseUri };
        var authorize = $"connect/authorize?client_id={SignIn.WebClientId}&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(SignIn.LoopbackRedirect)}"
            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
        using (var signedIn = await browser.GetAsync(authorize))
            Assert.StartsWith(SignIn.LoopbackRedirect + "?", signedIn.Headers.Location?.ToString(), StringComparison.Ordinal);

        // As the web app does it: the ID token as hint, back to the root of the app's site.
        using var back = await browser.GetAsync(
            $"connect/logout?client_id={SignIn.WebClientId}&id_token_hint={tokens.IdToken}&post_logout_redirect_uri={Uri.EscapeDataString(AppSite + "/")}");
        Assert.Equal(AppSite + "/", back.Headers.Location?.ToString());
        using (var again = await browser.GetAsync(authorize))
            Assert.Contains("/account/login", again.Headers.Location?.ToString(), StringComparison.Ordinal);

        foreach (var elsewhere in new[] { "http://evil.example/", AppSite + ".evil.example/", "//evil.example/" })
        {
            using var refused = await browser.GetAsync(
                $"connect/logout?client_id={SignIn.WebClientId}&post_logout_redirect_uri={Uri.EscapeDataString(elsewhere)}");
            Assert.DoesNotContain("evil.example", refused.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        }
    }
}
