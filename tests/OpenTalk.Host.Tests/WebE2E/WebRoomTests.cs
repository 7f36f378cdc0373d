using System.Text.Json;
using Microsoft.Playwright;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Host.Tests.Media;
using OpenTalk.Protocol.Rest;
using static Microsoft.Playwright.Assertions;

namespace OpenTalk.Host.Tests.WebE2E;

/// <summary>
/// The rest of the web app in a browser: answering an invitation, favorites, the admin page, and in the room hands,
/// mute state, two screens at once with pinning, and coming back after the network dropped.
/// </summary>
[Collection(BrowserMediaCollection.Name)]
public sealed class WebRoomTests : IAsyncLifetime
{
    private static readonly LocatorAssertionsToBeVisibleOptions Long = new() { Timeout = 30_000 };
    private WebStack _stack = null!;

    public async Task InitializeAsync()
    {
        _stack = await WebStack.StartAsync();
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync("password-" + user);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your meetings" })).ToBeVisibleAsync();
    }

    private static async Task EnterRoomAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Join now" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Meeting controls" })).ToBeVisibleAsync(Long);
    }

    [Fact]
    public async Task An_invitee_accepts_and_stars_a_meeting_and_an_admin_sees_the_cluster_and_media_servers()
    {
        var admin = await _stack.Node.AsAdminAsync();
        var ada = await admin.CreateAccountAsync("ada", "password-ada", "Ada Admin", isAdmin: true);
        var uwe = await admin.CreateAccountAsync("uwe", "password-uwe", "Uwe User");
        var adaApi = await _stack.Node.AsAsync("ada", "password-ada");
        var meeting = await adaApi.CreateEventAsync(new EventRequest("Planning", "", null, false, true, null, null, []));
        await adaApi.InviteAsync(meeting.Id, new EventInviteRequest(uwe.GetProperty("id").GetGuid(), null, InviteRole.User));
        var violations = new List<string>();

        var uwePage = await _stack.OpenAsync();
        await SignInAsync(uwePage, "uwe");
        var invitation = uwePage.GetByRole(AriaRole.Region, new() { Name = "Invitations" });
        await Expect(invitation.GetByText("Planning")).ToBeVisibleAsync();
        await WebStack.ScreenshotAsync(uwePage, "12-invitation");
        violations.AddRange(await WebStack.AccessibilityViolationsAsync(uwePage));
        await invitation.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(invitation).ToBeHiddenAsync();
        var upcoming = uwePage.GetByRole(AriaRole.Region, new() { Name = "Upcoming" });
        await Expect(upcoming.GetByText("Accepted")).ToBeVisibleAsync();
        await upcoming.GetByRole(AriaRole.Button, new() { Name = "Add Planning to favorites" }).ClickAsync();
        await Expect(upcoming.GetByRole(AriaRole.Button, new() { Name = "Remove Planning from favorites" })).ToBeVisibleAsync();
        await uwePage.GetByLabel("Favorites only").CheckAsync();
        await Expect(upcoming.GetByText("Planning")).ToBeVisibleAsync();
        var answer = (await adaApi.ListInvitesAsync(meeting.Id)).Single();
        Assert.Equal(InviteStatus.Accepted, answer.Status);

        // Only admins get the admin page.
        await uwePage.GotoAsync(new Uri(_stack.Node.BaseUri, "/admin").ToString());
        await Expect(uwePage.GetByText("Only administrators can see this page.")).ToBeVisibleAsync();

        var adaPage = await _stack.OpenAsync();
        await SignInAsync(adaPage, "ada");
        await adaPage.GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
        var members = adaPage.GetByRole(AriaRole.Region, new() { Name = "Cluster members" });
        await Expect(members.GetByRole(AriaRole.Cell, new() { Name = "up", Exact = true })).ToBeVisibleAsync();
        var media = adaPage.GetByRole(AriaRole.Region, new() { Name = "Media servers" });
        await Expect(media.GetByRole(AriaRole.Row).Filter(new() { HasText = "janus-a" })).ToContainTextAsync("up");
        await WebStack.ScreenshotAsync(adaPage, "13-admin");
        violations.AddRange(await WebStack.AccessibilityViolationsAsync(adaPage));
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task Hands_mute_state_two_screens_with_a_pin_and_coming_back_after_the_network_dropped()
    {
        var admin = await _stack.Node.AsAdminAsync();
        await admin.CreateAccountAsync("mona", "password-mona", "Mona");
        var uwe = await admin.CreateAccountAsync("uwe", "password-uwe", "Uwe");
        var monaApi = await _stack.Node.AsAsync("mona", "password-mona");
        var meeting = await monaApi.CreateEventAsync(new EventRequest("Design review", "", null, false, true, null, null, []));
        await monaApi.InviteAsync(meeting.Id, new EventInviteRequest(uwe.GetProperty("id").GetGuid(), null, InviteRole.User));

        var mona = await _stack.OpenAsync();
        await SignInAsync(mona, "mona");
        await mona.GetByRole(AriaRole.Button, new() { Name = "Join Design review" }).ClickAsync();
        await EnterRoomAsync(mona);
        var uwePage = await _stack.OpenAsync();
        await SignInAsync(uwePage, "uwe");
        await uwePage.GetByRole(AriaRole.Button, new() { Name = "Join Design review" }).ClickAsync();
        await EnterRoomAsync(uwePage);
        var uweTile = mona.Locator("figure[data-kind='video']").Filter(new() { HasText = "Uwe" });
        await Expect(uweTile).ToBeVisibleAsync();

        // A raised hand and a muted microphone show on Uwe's tile for Mona.
        await uwePage.GetByRole(AriaRole.Button, new() { Name = "Raise hand" }).ClickAsync();
        await Expect(uweTile.GetByRole(AriaRole.Img, new() { Name = "Hand raised" })).ToBeVisibleAsync();
        await uwePage.GetByRole(AriaRole.Button, new() { Name = "Mute microphone" }).ClickAsync();
        await Expect(uweTile.GetByRole(AriaRole.Img, new() { Name = "Microphone off" })).ToBeVisibleAsync();
        await Expect(uwePage.GetByRole(AriaRole.Button, new() { Name = "Unmute microphone" })).ToBeVisibleAsync();

        // Both share a screen; each sees the other's, and Mona pins Uwe's.
        await mona.GetByRole(AriaRole.Button, new() { Name = "Share screen" }).ClickAsync();
        await uwePage.GetByRole(AriaRole.Button, new() { Name = "Share screen" }).ClickAsync();
        await Expect(mona.Locator("figure[data-kind='screen']")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Expect(uwePage.Locator("figure[data-kind='screen']")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Poll.UntilAsync(() => ScreenFramesAsync(mona, "Screen of Uwe"), f => f > 10, 60);
        Assert.True(await ScreenFramesAsync(mona, "Screen of Uwe") > 10, "Mona does not see Uwe's screen");
        Assert.True(await Poll.UntilAsync(() => ScreenFramesAsync(uwePage, "Screen of Mona"), f => f > 10, 60) > 10, "Uwe does not see Mona's screen");
        await mona.GetByRole(AriaRole.Button, new() { Name = "Pin Screen of Uwe" }).ClickAsync();
        await Expect(mona.Locator(".large figure[data-kind='screen'] video[aria-label='Screen of Uwe']")).ToBeVisibleAsync();
        await WebStack.ScreenshotAsync(mona, "14-two-screens-pinned");

        // The network drops (every connection from the browsers to the node is reset) and comes back: both pages show
        // the banner, resume on their own, and see each other's camera again.
        const string watch = "() => { window.sawBanner = false; new MutationObserver(() => { if (document.body.innerText.includes('Connection lost')) window.sawBanner = true; }).observe(document.body, { subtree: true, childList: true, characterData: true }); }";
        await mona.EvaluateAsync(watch);
        await uwePage.EvaluateAsync(watch);
        var monaBefore = await CameraFramesAsync(uwePage, "Mona");
        var uweBefore = await CameraFramesAsync(mona, "Uwe");
        await _stack.DropBrowserConnectionsAsync();
        await Poll.UntilAsync(() => uwePage.EvaluateAsync<bool>("() => window.sawBanner"), seen => seen, 30);
        Assert.True(await uwePage.EvaluateAsync<bool>("() => window.sawBanner"), "no reconnecting banner");
        await Expect(uwePage.GetByText("Connection lost. Reconnecting…")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Expect(mona.GetByText("Connection lost. Reconnecting…")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        Assert.True(await Poll.UntilAsync(() => CameraFramesAsync(mona, "Uwe"), f => f > 15 && f != uweBefore, 60) > 15,
            "Uwe's camera did not come back for Mona");
        var back = await Poll.UntilAsync(() => CameraFramesAsync(uwePage, "Mona"), f => f > 15 && f != monaBefore, 60);
        if (back <= 15) await WebStack.ScreenshotAsync(uwePage, "failure-uwe-after-reconnect");
        if (back <= 15) await WebStack.ScreenshotAsync(mona, "failure-mona-after-reconnect");
        Assert.True(back > 15, "Mona's camera did not come back for Uwe");
        await Expect(uweTile.GetByRole(AriaRole.Img, new() { Name = "Hand raised" })).ToBeVisibleAsync();
        await WebStack.ScreenshotAsync(uwePage, "15-after-reconnect");
    }

    private static Task<int> ScreenFramesAsync(IPage page, string label) => FramesAsync(page, $"figure[data-kind=\"screen\"] video[aria-label=\"{label}\"]");

    private static Task<int> CameraFramesAsync(IPage page, string name) => FramesAsync(page, $"figure[data-kind=\"video\"] video[aria-label=\"{name}\"]");

    private static Task<int> FramesAsync(IPage page, string selector) => page.EvaluateAsync<int>(
        "selector => { const v = document.querySelector(selector); return v && v.videoWidth > 0 ? v.getVideoPlaybackQuality().totalVideoFrames : 0; }",
        selector);
}
