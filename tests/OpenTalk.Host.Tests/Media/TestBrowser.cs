using System.Text.Json;
using Microsoft.Playwright;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Host.Tests.Media;

/// <summary>Debian's Chromium inside the media namespace with fake camera and microphone, and a node ready for media.</summary>
public static class TestBrowser
{
    /// <param name="origin">The node's origin: served over http here, it may still use the camera.</param>
    /// <param name="netns">The namespace Chromium runs in; default: the media namespace, beside Janus.</param>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, string origin, string? netns = null) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Path.Combine(Repository.Root, "tests", "Shared", "chromium-in-netns.sh"),
        Env = netns is null ? null : new Dictionary<string, string> { ["OPENTALK_TEST_NETNS"] = netns },
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
            "--autoplay-policy=no-user-gesture-required", $"--unsafely-treat-insecure-origin-as-secure={origin}",
        ],
    });

    /// <summary>The node's Janus instances are up before anyone publishes.</summary>
    public static async Task WaitForMediaAsync(TestNode node)
    {
        var admin = await node.AsAdminAsync();
        await Poll.UntilAsync(async () =>
        {
            using var response = await admin.SendRawAsync(HttpMethod.Get, "v1/admin/media", null);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("instances")
                .EnumerateArray().All(i => i.GetProperty("up").GetBoolean());
        }, up => up);
    }
}
