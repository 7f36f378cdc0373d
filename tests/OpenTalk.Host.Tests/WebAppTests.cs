using System.Net;
using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests;

/// <summary>The node serves the built web app: its files, and index.html for the app's own routes, never for the API.</summary>
public sealed class WebAppTests
{
    [Fact]
    public async Task Files_and_app_routes_are_served_and_api_paths_stay_problem_details()
    {
        var root = Directory.CreateTempSubdirectory("opentalk-web-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "assets"));
        await File.WriteAllTextAsync(Path.Combine(root, "index.html"), "<!doctype html><div id=root></div>");
        await File.WriteAllTextAsync(Path.Combine(root, "assets", "app.js"), "console.log('app')");
        await using var node = await TestNode.StartAsync(postgres: null, extra: ["--OpenTalk:WebRoot", root]);
        var anonymous = node.Anonymous();

        foreach (var path in new[] { "", "room/6f1c8f0e-3a52-4c1c-9d37-4f3f0c1e2b11", "auth/callback?code=x" })
        {
            using var page = await anonymous.SendRawAsync(HttpMethod.Get, path, null);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("<div id=root>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var script = await anonymous.SendRawAsync(HttpMethod.Get, "assets/app.js", null))
            Assert.Equal("console.log('app')", await script.Content.ReadAsStringAsync());
        using (var api = await anonymous.SendRawAsync(HttpMethod.Get, "v1/no-such-thing", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
            Assert.Contains("\"code\"", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var health = await anonymous.SendRawAsync(HttpMethod.Get, "health/live", null))
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
