using System.Net;
using System.Text.RegularExpressions;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests;

/// <summary>The login form as an attacker uses it: redirects elsewhere and password guessing.</summary>
public sealed partial class SignInHardeningTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync(postgres: null,
        extra: ["--SignIn:Throttle:AccountLockoutFailures", "6", "--SignIn:Throttle:AddressLockoutFailures", "12"]);

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Theory]
    [InlineData("/\\evil.example/")]
    [InlineData("/\t/evil.example/")]
    [InlineData("/\\/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("evil.example")]
    public async Task After_signing_in_the_form_sends_nobody_to_another_site(string returnUrl)
    {
        // Through the login page's own field, and posted directly as an attacker's page would.
        var (http, page) = await OpenLoginPageAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal("/", ReturnUrlField(page));
        using var posted = await PostLoginAsync(http, page, "admin", TestNode.AdminPassword, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/", posted.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_local_return_address_is_kept()
    {
        var (http, page) = await OpenLoginPageAsync("/account/login?returnUrl=" + Uri.EscapeDataString("/room/abc?x=1"));
        using var posted = await PostLoginAsync(http, page, "admin", TestNode.AdminPassword, ReturnUrlField(page)!);
        Assert.Equal("/room/abc?x=1", posted.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Guessing_a_password_slows_down_then_locks_the_account_even_for_the_right_password()
    {
        var admin = await _node.AsAdminAsync();
        var name = $"victim-{Guid.NewGuid():N}"[..16];
        await admin.CreateAccountAsync(name, "the-right-password", "Victim");

        var answers = new List<HttpStatusCode>();
        string lastPage = "";
        for (var i = 0; i < 20 && !lastPage.Contains("locked", StringComparison.Ordinal); i++)
        {
            var (http, page) = await OpenLoginPageAsync("/account/login");
            using var posted = await PostLoginAsync(http, page, name, $"guess-{i}", "/");
            answers.Add(posted.StatusCode);
            lastPage = await posted.Content.ReadAsStringAsync();
            if (posted.StatusCode == HttpStatusCode.TooManyRequests && !lastPage.Contains("locked", StringComparison.Ordinal))
            {
                // A growing delay: told how long, then the next guess is counted again.
                Assert.Contains("Wait", lastPage, StringComparison.Ordinal);
                Assert.True(posted.Headers.RetryAfter?.Delta > TimeSpan.Zero);
                await Task.Delay(posted.Headers.RetryAfter!.Delta!.Value);
            }
        }
        Assert.Equal(HttpStatusCode.Unauthorized, answers[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, answers);
        Assert.Contains("Too many failed sign-ins", lastPage, StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<OpenTalkApiException>(() => SignIn.WithPasswordAsync(_node.BaseUri, name, "the-right-password"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("too_many_sign_in_attempts", refused.Code);
    }

    [Fact]
    public async Task An_address_guessing_many_accounts_is_locked_out()
    {
        // Fresh node: the other tests' failures from this address must not count here.
        await using var node = await TestNode.StartAsync(postgres: null, extra: ["--SignIn:Throttle:AddressLockoutFailures", "5"]);
        for (var i = 0; i < 5; i++)
            await Assert.ThrowsAsync<OpenTalkApiException>(() => SignIn.WithPasswordAsync(node.BaseUri, $"nobody-{i}", "guess"));
        var refused = await Assert.ThrowsAsync<OpenTalkApiException>(() => SignIn.WithPasswordAsync(node.BaseUri, "admin", TestNode.AdminPassword));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
    }

    private async Task<(HttpClient Http, string Page)> OpenLoginPageAsync(string path)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = _node.BaseUri };
        return (http, await http.GetStringAsync(path.TrimStart('/')));
    }

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient http, string page, string user, string password, string returnUrl)
    {
        var token = AntiforgeryField().Match(page);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user, ["password"] = password, ["returnUrl"] = returnUrl,
            [WebUtility.HtmlDecode(token.Groups[1].Value)] = WebUtility.HtmlDecode(token.Groups[2].Value),
        });
        return await http.PostAsync("account/login", form);
    }

    private static string? ReturnUrlField(string page) =>
        ReturnUrlInput().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("<input type=\"hidden\" name=\"returnUrl\" value=\"([^\"]*)\">")]
    private static partial Regex ReturnUrlInput();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?!returnUrl)([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex AntiforgeryField();
}
