using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests;

/// <summary>Administrators list, disable, enable and reset the embedded provider's accounts; nobody else may.</summary>
public sealed class AccountsAdminTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync(await TestDatabase.CreateAsync());

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Admin_lists_accounts_and_others_are_refused()
    {
        var admin = await _node.AsAdminAsync();
        var created = await admin.CreateAccountAsync("lena", "password-lena", "Lena Berg", email: "lena@example.org");
        var lena = await _node.AsAsync("lena", "password-lena");

        var list = await admin.ListAccountsAsync();
        var entry = Assert.Single(list.EnumerateArray(), a => a.GetProperty("user_name").GetString() == "lena");
        Assert.Equal((created.GetProperty("id").GetGuid(), "Lena Berg", "lena@example.org", false, false),
            (entry.GetProperty("id").GetGuid(), entry.GetProperty("display_name").GetString(), entry.GetProperty("email").GetString(),
                entry.GetProperty("is_admin").GetBoolean(), entry.GetProperty("disabled").GetBoolean()));
        Assert.True(entry.GetProperty("created_at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-10));
        Assert.Contains(list.EnumerateArray(), a => a.GetProperty("user_name").GetString() == "admin" && a.GetProperty("is_admin").GetBoolean());

        var id = created.GetProperty("id").GetGuid();
        foreach (var (method, path, body) in new (HttpMethod, string, object?)[]
        {
            (HttpMethod.Get, "v1/admin/accounts", null),
            (HttpMethod.Patch, $"v1/admin/accounts/{id}", new { disabled = true }),
            (HttpMethod.Patch, $"v1/admin/accounts/{id}", new { password = "taken-over-1" }),
        })
        {
            using var refused = await lena.SendRawAsync(method, path, body is null ? null : JsonContent.Create(body));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("forbidden", (await JsonAsync(refused)).GetProperty("code").GetString());
            using var anonymous = await _node.Anonymous().SendRawAsync(method, path, body is null ? null : JsonContent.Create(body));
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }
        using var unknown = await admin.SendRawAsync(HttpMethod.Patch, $"v1/admin/accounts/{Guid.NewGuid()}", JsonContent.Create(new { disabled = true }));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_or_refresh_and_an_admin_cannot_disable_themselves()
    {
        var admin = await _node.AsAdminAsync();
        var id = (await admin.CreateAccountAsync("max", "password-max", "Max")).GetProperty("id").GetGuid();
        var tokens = await SignIn.TokensWithPasswordAsync(_node.BaseUri, "max", "password-max",
            new PublicClient(SignIn.WebClientId, "openid profile offline_access", SignIn.LoopbackRedirect));
        Assert.NotNull(tokens.RefreshToken);

        var disabled = await admin.PatchAccountAsync(id, disabled: true);
        Assert.True(disabled.GetProperty("disabled").GetBoolean());
        var refused = await Assert.ThrowsAsync<OpenTalkApiException>(() => SignIn.WithPasswordAsync(_node.BaseUri, "max", "password-max"));
        Assert.Equal((HttpStatusCode.Forbidden, "account_disabled"), (refused.Status, refused.Code));
        var refresh = await Assert.ThrowsAsync<OpenTalkApiException>(() => SignIn.RefreshAsync(_node.BaseUri, SignIn.WebClientId, tokens.RefreshToken!));
        Assert.Equal(HttpStatusCode.BadRequest, refresh.Status);
        Assert.Contains("invalid_grant", refresh.Body, StringComparison.Ordinal);

        // The form says so in plain words, in the language asked for, and only to whoever knows the password.
        var page = await PostLoginFormAsync("max", "password-max", "de");
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("Dieses Konto ist deaktiviert", page.Html, StringComparison.Ordinal);
        var guess = await PostLoginFormAsync("max", "a-guess-123", "en");
        Assert.Equal(HttpStatusCode.Unauthorized, guess.Status);
        Assert.Contains("Wrong user name or password.", guess.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("disabled", guess.Html, StringComparison.Ordinal);

        Assert.False((await admin.PatchAccountAsync(id, disabled: false)).GetProperty("disabled").GetBoolean());
        await SignIn.WithPasswordAsync(_node.BaseUri, "max", "password-max");

        var adminId = (await admin.ListAccountsAsync()).EnumerateArray().Single(a => a.GetProperty("user_name").GetString() == "admin").GetProperty("id").GetGuid();
        using var self = await admin.SendRawAsync(HttpMethod.Patch, $"v1/admin/accounts/{adminId}", JsonContent.Create(new { disabled = true }));
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Contains("your own account", (await JsonAsync(self)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await _node.AsAdminAsync();
    }

    [Fact]
    public async Task Admin_resets_a_password_the_old_one_is_refused_and_the_new_one_works()
    {
        var admin = await _node.AsAdminAsync();
        var id = (await admin.CreateAccountAsync("ida", "password-ida", "Ida")).GetProperty("id").GetGuid();

        using var tooShort = await admin.SendRawAsync(HttpMethod.Patch, $"v1/admin/accounts/{id}", JsonContent.Create(new { password = "short" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooShort.StatusCode);
        Assert.True((await JsonAsync(tooShort)).GetProperty("validation_errors").TryGetProperty("password", out _));

        // Someone signed in with the old password (perhaps not Ida) keeps nothing once it is reset.
        var client = new PublicClient(SignIn.WebClientId, "openid profile offline_access", SignIn.LoopbackRedirect);
        var before = await SignIn.TokensWithPasswordAsync(_node.BaseUri, "ida", "password-ida", client);
        var refreshed = await SignIn.RefreshAsync(_node.BaseUri, SignIn.WebClientId, before.RefreshToken!);

        await admin.PatchAccountAsync(id, password: "a-new-secret-1");
        var old = await Assert.ThrowsAsync<OpenTalkApiException>(() => SignIn.WithPasswordAsync(_node.BaseUri, "ida", "password-ida"));
        Assert.Equal(HttpStatusCode.Unauthorized, old.Status);
        var stale = await Assert.ThrowsAsync<OpenTalkApiException>(() => SignIn.RefreshAsync(_node.BaseUri, SignIn.WebClientId, refreshed.RefreshToken ?? before.RefreshToken!));
        Assert.Equal(HttpStatusCode.BadRequest, stale.Status);
        Assert.Contains("password or the auditor role was changed", stale.Body, StringComparison.Ordinal);
        var after = await SignIn.TokensWithPasswordAsync(_node.BaseUri, "ida", "a-new-secret-1", client);
        await SignIn.RefreshAsync(_node.BaseUri, SignIn.WebClientId, after.RefreshToken!);
    }

    [Fact]
    public async Task The_auditor_role_is_given_at_the_next_sign_in_and_taking_it_ends_the_sessions_that_carry_it()
    {
        var admin = await _node.AsAdminAsync();
        var id = (await admin.CreateAccountAsync("ava", "password-ava", "Ava")).GetProperty("id").GetGuid();
        var client = new PublicClient(SignIn.WebClientId, "openid profile offline_access", SignIn.LoopbackRedirect);
        var plain = await SignIn.TokensWithPasswordAsync(_node.BaseUri, "ava", "password-ava", client);

        var given = await admin.PatchAccountAsync(id, isAuditor: true);
        Assert.True(given.GetProperty("is_auditor").GetBoolean());
        Assert.True((await admin.ListAccountsAsync()).EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == id).GetProperty("is_auditor").GetBoolean());
        // A session from before carries no role: it must sign in again to have it.
        var stale = await Assert.ThrowsAsync<OpenTalkApiException>(() => SignIn.RefreshAsync(_node.BaseUri, SignIn.WebClientId, plain.RefreshToken!));
        Assert.Equal(HttpStatusCode.BadRequest, stale.Status);
        var auditor = await SignIn.TokensWithPasswordAsync(_node.BaseUri, "ava", "password-ava", client);
        Assert.Contains("opentalk-auditor", Claims(auditor.AccessToken), StringComparison.Ordinal);

        Assert.False((await admin.PatchAccountAsync(id, isAuditor: false)).GetProperty("is_auditor").GetBoolean());
        var taken = await Assert.ThrowsAsync<OpenTalkApiException>(() => SignIn.RefreshAsync(_node.BaseUri, SignIn.WebClientId, auditor.RefreshToken!));
        Assert.Equal(HttpStatusCode.BadRequest, taken.Status);
        var again = await SignIn.TokensWithPasswordAsync(_node.BaseUri, "ava", "password-ava", client);
        Assert.DoesNotContain("opentalk-auditor", Claims(again.AccessToken), StringComparison.Ordinal);
    }

    /// <summary>The access token's payload (a JWT's middle part) as text.</summary>
    private static string Claims(string accessToken)
    {
        var payload = accessToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=')));
    }

    [Fact]
    public async Task People_change_their_name_language_and_address_and_the_next_sign_in_carries_them()
    {
        var admin = await _node.AsAdminAsync();
        await admin.CreateAccountAsync("eva", "password-eva", "Eva");
        var eva = await _node.AsAsync("eva", "password-eva");

        using var bad = await eva.SendRawAsync(HttpMethod.Patch, "v1/users/me", JsonContent.Create(new { email = "not an address" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.True((await JsonAsync(bad)).GetProperty("validation_errors").TryGetProperty("email", out _));

        using var saved = await eva.SendRawAsync(HttpMethod.Patch, "v1/users/me",
            JsonContent.Create(new { display_name = "Eva Stein", language = "de", email = "eva@example.org" }));
        var me = await JsonAsync(saved);
        Assert.Equal(("Eva Stein", "de", "eva@example.org"),
            (me.GetProperty("display_name").GetString(), me.GetProperty("language").GetString(), me.GetProperty("email").GetString()));
        var account = (await admin.ListAccountsAsync()).EnumerateArray().Single(a => a.GetProperty("user_name").GetString() == "eva");
        Assert.Equal(("Eva Stein", "eva@example.org"), (account.GetProperty("display_name").GetString(), account.GetProperty("email").GetString()));
    }

    /// <summary>Opens the login form in <paramref name="language"/> and posts it, as a browser does.</summary>
    private async Task<(HttpStatusCode Status, string Html)> PostLoginFormAsync(string user, string password, string language)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = _node.BaseUri };
        var page = await http.GetStringAsync($"account/login?lang={language}");
        Assert.Contains($"<html lang=\"{language}\">", page, StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(page, "<input type=\"hidden\" name=\"(?!returnUrl)([^\"]+)\" value=\"([^\"]*)\">");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user, ["password"] = password, ["returnUrl"] = "/", ["lang"] = language,
            [WebUtility.HtmlDecode(token.Groups[1].Value)] = WebUtility.HtmlDecode(token.Groups[2].Value),
        });
        using var posted = await http.PostAsync("account/login", form);
        return (posted.StatusCode, await posted.Content.ReadAsStringAsync());
    }
}
