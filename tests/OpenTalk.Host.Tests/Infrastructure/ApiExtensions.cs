using System.Text.Json;
using OpenTalk.Client;

namespace OpenTalk.Host.Tests.Infrastructure;

public static class ApiExtensions
{
    /// <summary>The same caller (token) talking to another node, or the same node after a restart.</summary>
    public static OpenTalkApi WithBase(this OpenTalkApi api, Uri baseUri) =>
        new(new HttpClient { BaseAddress = baseUri }) { AccessToken = api.AccessToken };

    /// <summary>The JSON body of a successful answer, as a client reads it raw; any other status fails the test with the body.</summary>
    public static async Task<JsonElement> JsonOkAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Xunit.Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
