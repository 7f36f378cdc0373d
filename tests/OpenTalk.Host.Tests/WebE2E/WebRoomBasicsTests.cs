using Microsoft.Playwright;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;
using static Microsoft.Playwright.Assertions;

namespace OpenTalk.Host.Tests.WebE2E;

/// <summary>
/// The room as a newcomer meets it: the host is told who waits and whose hand is up, refusals read as sentences, a
/// reloaded page comes straight back as the same person, Leave is reachable at every size, and a phone keeps the
/// essentials in its toolbar with the rest under "More".
/// </summary>
public sealed class WebRoomBasicsTests : WebTest
{
    /// <summary>Sizes from a small phone to a large screen, with the stage full of one's own camera.</summary>
    private static readonly (int Width, int Height)[] Sizes = [(360, 640), (390, 844), (414, 896), (768, 1024), (1280, 720), (1920, 1080)];

    [Fact]
    public async Task A_host_is_told_who_waits_and_whose_hand_is_up_and_a_guest_who_reloads_comes_straight_back()
    {
        var admin = await Stack.Node.AsAdminAsync();
        await admin.CreateAccountAsync("mona", "password-mona", "Mona");
        var monaApi = await Stack.Node.AsAsync("mona", "password-mona");
        var meeting = await monaApi.CreateEventAsync(new EventRequest("Quarterly planning", "", null, true, true, null, null, []));
        var link = await monaApi.CreateInviteAsync(meeting.Room.Id);
        var violations = new List<string>();
        async Task CheckAccessibilityAsync(IPage page, string screen) =>
            violations.AddRange((await WebStack.AccessibilityViolationsAsync(page)).Select(v => $"{screen}: {v}"));

        var mona = await Stack.OpenAsync();
        await SignInAsync(mona, "mona");
        await mona.GetByRole(AriaRole.Button, new() { Name = "Join Quarterly planning" }).ClickAsync();
        await EnterRoomAsync(mona);

        // Alone in the room, at every size, nothing covers Leave.
        foreach (var (width, height) in Sizes)
        {
            await mona.SetViewportSizeAsync(width, height);
            await AssertToolbarReachableAsync(mona, $"{width}x{height} alone");
        }
        await mona.SetViewportSizeAsync(1280, 720);
        await WebStack.ScreenshotAsync(mona, "60-alone-1280x720");

        // A guest sees the meeting's title before and after coming in, and waits; the host gets a toast with a chime's
        // worth of news and lets her in from it.
        var gina = await Stack.OpenAsync("/invite/" + Uri.EscapeDataString(link.InviteCode));
        await Expect(gina.GetByRole(AriaRole.Heading, new() { Name = "Ready to join? · Quarterly planning" })).ToBeVisibleAsync();
        // The lobby fits a small phone.
        await gina.SetViewportSizeAsync(360, 640);
        Assert.True(await gina.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "the lobby is wider than a phone");
        await WebStack.ScreenshotAsync(gina, "65-phone-lobby");
        await gina.SetViewportSizeAsync(1280, 800);
        await gina.GetByLabel("Your name").FillAsync("Gina");
        await gina.GetByRole(AriaRole.Button, new() { Name = "Join now" }).ClickAsync();
        await Expect(gina.GetByRole(AriaRole.Heading, new() { Name = "Please wait" })).ToBeVisibleAsync(Slow);
        var waiting = mona.GetByRole(AriaRole.Status).Filter(new() { HasText = "Gina is waiting to be let in." });
        await Expect(waiting).ToBeVisibleAsync();
        await WebStack.ScreenshotAsync(mona, "61-toast-waiting");
        await CheckAccessibilityAsync(mona, "room with a toast");
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Admit" }).ClickAsync();
        await Expect(gina.GetByRole(AriaRole.Navigation, new() { Name = "Meeting controls" })).ToBeVisibleAsync(Slow);
        await Expect(gina.GetByRole(AriaRole.Heading, new() { Name = "Quarterly planning", Exact = true })).ToBeVisibleAsync();
        await Expect(waiting).ToBeHiddenAsync();

        // Gina raises her hand with the keyboard; Mona is told and lowers it from the toast.
        await gina.Keyboard.PressAsync("h");
        await Expect(gina.GetByRole(AriaRole.Button, new() { Name = "Lower hand" })).ToBeVisibleAsync();
        var hand = mona.GetByRole(AriaRole.Status).Filter(new() { HasText = "Gina raised their hand." });
        await Expect(hand).ToBeVisibleAsync();
        await hand.GetByRole(AriaRole.Button, new() { Name = "Lower hand" }).ClickAsync();
        await Expect(gina.GetByRole(AriaRole.Button, new() { Name = "Raise hand" })).ToBeVisibleAsync();

        // A chat message while Mona's chat is closed shows as a toast that opens the chat.
        await gina.Keyboard.PressAsync("c");
        await gina.GetByRole(AriaRole.Textbox, new() { Name = "Message to everyone" }).FillAsync("Can everyone see my screen?");
        await gina.Keyboard.PressAsync("Enter");
        var chat = mona.GetByRole(AriaRole.Status).Filter(new() { HasText = "Gina: Can everyone see my screen?" });
        await Expect(chat).ToBeVisibleAsync();
        await chat.GetByRole(AriaRole.Button, new() { Name = "Open chat" }).ClickAsync();
        await Expect(mona.GetByRole(AriaRole.Complementary, new() { Name = "Chat" })).ToBeVisibleAsync();
        await mona.GetByRole(AriaRole.Button, new() { Name = "Close Chat" }).ClickAsync();

        // A refusal reads as a sentence, can be put away, and moves nothing.
        await mona.GetByRole(AriaRole.Button, new() { Name = "Moderation" }).ClickAsync();
        var timerDialog = mona.GetByRole(AriaRole.Dialog, new() { Name = "Timer" });
        await mona.GetByRole(AriaRole.Button, new() { Name = "Timer…" }).ClickAsync();
        await timerDialog.GetByRole(AriaRole.Button, new() { Name = "Start timer" }).ClickAsync();
        await Expect(mona.GetByRole(AriaRole.Timer)).ToBeVisibleAsync();
        var stageTop = await mona.EvaluateAsync<double>("() => document.querySelector('.stage-wrap').getBoundingClientRect().top");
        await mona.GetByRole(AriaRole.Button, new() { Name = "Timer…" }).ClickAsync();
        await timerDialog.GetByRole(AriaRole.Button, new() { Name = "Start timer" }).ClickAsync();
        var refusal = mona.GetByRole(AriaRole.Alert).Filter(new() { HasText = "A timer is already running: stop it first." });
        await Expect(refusal).ToBeVisibleAsync();
        Assert.DoesNotContain("timer_already_running", await mona.Locator("body").InnerTextAsync());
        Assert.Equal(stageTop, await mona.EvaluateAsync<double>("() => document.querySelector('.stage-wrap').getBoundingClientRect().top"));
        await refusal.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Expect(refusal).ToBeHiddenAsync();

        // Shortcuts: m mutes, ? lists them.
        await mona.Keyboard.PressAsync("m");
        await Expect(mona.GetByRole(AriaRole.Button, new() { Name = "Unmute microphone" })).ToBeVisibleAsync();
        await mona.Keyboard.PressAsync("m");
        await mona.Keyboard.PressAsync("?");
        var help = mona.GetByRole(AriaRole.Dialog, new() { Name = "Help" });
        await Expect(help.GetByText("Raise or lower your hand")).ToBeVisibleAsync();
        await CheckAccessibilityAsync(mona, "help dialog");
        await mona.Keyboard.PressAsync("Escape");
        await Expect(help).ToBeHiddenAsync();

        // Meeting info has the link to share.
        await mona.GetByRole(AriaRole.Button, new() { Name = "More actions" }).ClickAsync();
        await mona.GetByRole(AriaRole.Menuitem, new() { Name = "Meeting info" }).ClickAsync();
        var info = mona.GetByRole(AriaRole.Dialog, new() { Name = "Meeting info" });
        await Expect(info.GetByRole(AriaRole.Textbox, new() { Name = "Link for guests" })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^http://[^/]+/invite/[A-Za-z0-9_-]+$"));
        await WebStack.ScreenshotAsync(mona, "62-meeting-info");
        await CheckAccessibilityAsync(mona, "meeting info");
        await info.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

        // Settings switch the microphone while in the meeting: the new device's track goes out in place of the old one.
        await mona.GetByRole(AriaRole.Button, new() { Name = "More actions" }).ClickAsync();
        await mona.GetByRole(AriaRole.Menuitem, new() { Name = "Settings" }).ClickAsync();
        var settings = mona.GetByRole(AriaRole.Dialog, new() { Name = "Settings" });
        const string microphoneLabel = "() => document.querySelector('figure[data-kind=\"video\"] video.mirror').srcObject.getAudioTracks()[0].label";
        var microphoneBefore = await mona.EvaluateAsync<string>(microphoneLabel);
        var other = await settings.GetByLabel("Microphone").Locator("option").EvaluateAllAsync<string>(
            $"(options, now) => options.map(o => o.textContent).find(t => t !== now && !t.startsWith('Default'))", microphoneBefore);
        Assert.False(string.IsNullOrEmpty(other), "the browser offers only one microphone");
        await settings.GetByLabel("Microphone").SelectOptionAsync(new SelectOptionValue { Label = other });
        Assert.Equal(other, await Poll.UntilAsync(() => mona.EvaluateAsync<string>(microphoneLabel), label => label == other, 10));
        await CheckAccessibilityAsync(mona, "settings");
        await settings.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

        // Gina reloads: no lobby, no waiting room, the same participant, and Mona sees her once.
        var tile = mona.Locator("figure[data-kind='video']").Filter(new() { Has = mona.Locator("video[aria-label='Gina']") });
        await Expect(tile).ToHaveCountAsync(1);
        var before = await tile.GetAttributeAsync("data-participant");
        await gina.ReloadAsync();
        await Expect(gina.GetByRole(AriaRole.Navigation, new() { Name = "Meeting controls" })).ToBeVisibleAsync(Slow);
        await Expect(gina.GetByRole(AriaRole.Button, new() { Name = "Join now" })).ToBeHiddenAsync();
        await Expect(tile).ToHaveCountAsync(1);
        Assert.Equal(before, await tile.GetAttributeAsync("data-participant"));
        await Expect(mona.GetByRole(AriaRole.Status).Filter(new() { HasText = "Gina is waiting" })).ToHaveCountAsync(0);

        // On a phone: the toolbar fits, Leave stays reachable with a banner showing, panels are full sheets.
        await gina.SetViewportSizeAsync(390, 844);
        await mona.GetByRole(AriaRole.Button, new() { Name = "Mute everyone" }).ClickAsync();
        await Expect(gina.GetByText("A moderator asks you to mute your microphone.")).ToBeVisibleAsync();
        foreach (var (width, height) in Sizes)
        {
            await gina.SetViewportSizeAsync(width, height);
            await AssertToolbarReachableAsync(gina, $"{width}x{height} with a banner");
        }
        await gina.SetViewportSizeAsync(390, 844);
        await gina.GetByRole(AriaRole.Button, new() { Name = "More actions" }).ClickAsync();
        await Expect(gina.GetByRole(AriaRole.Menuitem, new() { Name = "People" })).ToBeVisibleAsync();
        await WebStack.ScreenshotAsync(gina, "63-phone-more");
        await CheckAccessibilityAsync(gina, "phone menu");
        await gina.GetByRole(AriaRole.Menuitem, new() { Name = "People" }).ClickAsync();
        var sheet = gina.GetByRole(AriaRole.Complementary, new() { Name = "People" });
        await Expect(sheet).ToBeVisibleAsync();
        var sheetWidth = await sheet.EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        Assert.Equal(390, sheetWidth, 1);
        await WebStack.ScreenshotAsync(gina, "64-phone-sheet");
        await AssertToolbarReachableAsync(gina, "phone with a sheet");
        await gina.GetByRole(AriaRole.Button, new() { Name = "Close People" }).ClickAsync();
        await Expect(sheet).ToBeHiddenAsync();

        Assert.Empty(violations);
    }

    /// <summary>The toolbar is inside the window, nothing lies over Leave, and no video reaches into the toolbar.</summary>
    private static async Task AssertToolbarReachableAsync(IPage page, string when)
    {
        var problem = await Poll.UntilAsync(() => page.EvaluateAsync<string>("""
            () => {
              const leave = document.querySelector('button.leave');
              const bar = document.querySelector('nav.controls');
              if (!leave || !bar) return 'no toolbar';
              const r = leave.getBoundingClientRect();
              if (r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5 || r.top < 0) return `Leave is outside the window (${r.top},${r.right})`;
              const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
              if (!leave.contains(hit)) return `Leave is covered by ${hit?.outerHTML.slice(0, 80)}`;
              const top = bar.getBoundingClientRect().top;
              const over = [...document.querySelectorAll('figure.tile')].map(t => t.getBoundingClientRect()).filter(t => t.height > 0 && t.bottom > top + 0.5);
              if (over.length > 0) return `a video reaches into the toolbar (${over[0].bottom} > ${top})`;
              if (document.documentElement.scrollWidth > innerWidth + 0.5) return `the page is ${document.documentElement.scrollWidth} px wide`;
              return '';
            }
            """), p => p == "", 5);
        Assert.True(problem == "", $"{when}: {problem}");
    }
}
