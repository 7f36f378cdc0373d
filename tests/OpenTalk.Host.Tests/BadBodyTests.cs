using System.Net;
using System.Text;
using System.Text.Json;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>Bodies of the wrong shape or size get 400/413 problem details, never a 500.</summary>
public sealed class BadBodyTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync(postgres: null);

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Theory]
    [InlineData("""{"title":1}""")]
    [InlineData("""{"is_adhoc":"yes"}""")]
    [InlineData("""{"starts_at":"x"}""")]
    [InlineData("""{"title":"\ud800"}""")]
    [InlineData("""{"recurrence_pattern":[1]}""")]
    public async Task A_meeting_patched_with_values_of_the_wrong_kind_is_a_400_and_stays_as_it_was(string body)
    {
        var olga = await _node.NewUserAsync("olga");
        var created = await olga.CreateEventAsync(new EventRequest("Team sync", null, null, null, true, null, null, null));

        using var answer = await olga.SendRawAsync(HttpMethod.Patch, $"v1/events/{created.Id}", Json(body));
        await AssertProblemAsync(answer, HttpStatusCode.BadRequest, ProblemCodes.InvalidJson);
        Assert.Equal("Team sync", (await olga.GetEventAsync(created.Id)).Title);
    }

    [Theory]
    [InlineData("account/login")]
    [InlineData("connect/token")]
    [InlineData("connect/authorize")]
    public async Task A_huge_form_is_a_413_at_every_sign_in_endpoint(string path)
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = new string('x', 5 * 1024 * 1024), ["grant_type"] = "password" });
        using var answer = await PostLargeAsync(path, form);
        await AssertProblemAsync(answer, HttpStatusCode.RequestEntityTooLarge, ProblemCodes.BodyTooLarge);
    }

    [Theory]
    [InlineData("v1/invite/verify", 100 * 1024)]
    [InlineData("v1/invite/verify", 31 * 1024 * 1024)]
    [InlineData("v1/rooms/4b3c1f0e-6a1d-4f57-9a43-0f6e2f1c0a11/start_invited", 1024 * 1024)]
    public async Task A_large_json_body_to_an_anonymous_endpoint_is_refused_unread(string path, int size)
    {
        var body = "{\"invite_code\":\"" + new string('x', size) + "\"}";
        using var answer = await PostLargeAsync(path, Json(body));
        await AssertProblemAsync(answer, HttpStatusCode.RequestEntityTooLarge, ProblemCodes.BodyTooLarge);
    }

    [Fact]
    public async Task A_small_body_of_the_right_shape_still_works()
    {
        using var answer = await _node.Anonymous().SendRawAsync(HttpMethod.Post, "v1/invite/verify", Json("""{"invite_code":"no-such-code"}"""));
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.True((int)answer.StatusCode is >= 400 and < 500, answer.StatusCode.ToString());
    }

    /// <summary>
    /// Asks before sending the body (<c>Expect: 100-continue</c>), as browsers and proxies may: the node
    /// answers 413 at once and the client reads it, instead of finding the connection closed mid-upload.
    /// </summary>
    private async Task<HttpResponseMessage> PostLargeAsync(string path, HttpContent content)
    {
        // The client waits for "100 Continue" only a second by default, then uploads anyway; on a busy
        // machine the 413 comes later than that and the client finds the connection closed mid-upload.
        using var http = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) }) { BaseAddress = _node.BaseUri };
        http.DefaultRequestHeaders.ExpectContinue = true;
        return await http.PostAsync(path, content);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task AssertProblemAsync(HttpResponseMessage answer, HttpStatusCode status, string code)
    {
        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(status == answer.StatusCode, $"{(int)answer.StatusCode}: {text}");
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
    }
}
