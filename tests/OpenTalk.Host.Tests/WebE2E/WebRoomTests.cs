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
public sealed class WebRoomTests : WebTest
{
    [Fact]
    public async Task An_invitee_accepts_and_stars_a_meeting_and_an_admin_sees_the_cluster_and_media_servers()
    {
        var admin = await Stack.Node.AsAdminAsync();
        var ada = await admin.CreateAccountAsync("ada", "password-ada", "Ada Admin", isAdmin: true);
        var uwe = await admin.CreateAccountAsync("uwe", "password-uwe", "Uwe User");
        var adaApi = await Stack.Node.AsAsync("ada", "password-ada");
        var meeting = await adaApi.CreateEventAsync(new EventRequest("Planning", "", null, false, true, null, null, []));
        await adaApi.InviteAsync(meeting.Id, new EventInviteRequest(uwe.GetProperty("id").GetGuid(), null, InviteRole.User));
        var start = DateTime.SpecifyKind(DateTime.UtcNow.Date.AddDays(1).AddHours(9), DateTimeKind.Unspecified);
        var weekly = await adaApi.CreateEventAsync(new EventRequest("Weekly sync", "", null, false, false,
            new DateTimeTz(start, "Europe/Berlin"), new DateTimeTz(start.AddHours(1), "Europe/Berlin"),
            ["RRULE:FREQ=WEEKLY"]));
        await adaApi.InviteAsync(weekly.Id, new EventInviteRequest(uwe.GetProperty("id").GetGuid(), null, InviteRole.User));
        var violations = new List<string>();

        var uwePage = await Stack.OpenAsync();
        await SignInAsync(uwePage, "uwe");
        var invitation = uwePage.GetByRole(AriaRole.Region, new() { Name = "Invitations" });
        await Expect(invitation.GetByText("Planning")).ToBeVisibleAsync();
        await WebStack.ScreenshotAsync(uwePage, "12-invitation");
        violations.AddRange(await WebStack.AccessibilityViolationsAsync(uwePage));
        await invitation.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Planning" }).GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await invitation.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Weekly sync" }).GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(invitation).ToBeHiddenAsync();
        var upcoming = uwePage.GetByRole(AriaRole.Region, new() { Name = "Upcoming" });
        await Expect(upcoming.GetByText("Accepted")).ToHaveCountAsync(2);
        // A recurring meeting shows its next dates: a week apart.
        var next = start.AddDays(7);
        var day = next.ToString("MMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var time = next.ToString("h:mm", System.Globalization.CultureInfo.InvariantCulture);
        var half = next.ToString("tt", System.Globalization.CultureInfo.InvariantCulture);
        // Intl writes a narrow no-break space before AM/PM.
        await Expect(upcoming.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Weekly sync" }))
            .ToContainTextAsync(new System.Text.RegularExpressions.Regex($"Then: {day}, {time}\\s{half}"));
        await upcoming.GetByRole(AriaRole.Button, new() { Name = "Add Planning to favorites" }).ClickAsync();
        await Expect(upcoming.GetByRole(AriaRole.Button, new() { Name = "Remove Planning from favorites" })).ToBeVisibleAsync();
        await uwePage.GetByLabel("Favorites only").CheckAsync();
        await Expect(upcoming.GetByText("Planning")).ToBeVisibleAsync();
        await Expect(upcoming.GetByText("Weekly sync")).ToBeHiddenAsync();
        var answer = (await adaApi.ListInvitesAsync(meeting.Id)).Single();
        Assert.Equal(InviteStatus.Accepted, answer.Status);

        // Only admins get the admin page.
        await uwePage.GotoAsync(new Uri(Stack.Node.BaseUri, "/admin").ToString());
        await Expect(uwePage.GetByText("Only administrators can see this page.")).ToBeVisibleAsync();

        var adaPage = await Stack.OpenAsync();
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
    public async Task An_owner_edits_a_meeting_adds_phone_call_in_and_a_stream_target_and_deletes_it()
    {
        await (await Stack.Node.AsAdminAsync()).CreateAccountAsync("mona", "password-mona", "Mona");
        var page = await Stack.OpenAsync();
        await SignInAsync(page, "mona");
        await page.GetByRole(AriaRole.Button, new() { Name = "New meeting" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Retro");
        await page.GetByLabel("No fixed time").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit meeting" })).ToBeVisibleAsync();

        // A refused change names the field; a good one is saved.
        await page.GetByLabel("Title").FillAsync("   ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await page.GetByLabel("Title").FillAsync("Sprint retro");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText("Saved.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Enable call-in" }).ClickAsync();
        await Expect(page.GetByText(new System.Text.RegularExpressions.Regex(@"Conference ID \d{10} · PIN \d{10}"))).ToBeVisibleAsync();
        var stream = page.GetByRole(AriaRole.Region, new() { Name = "Live streaming" });
        await stream.GetByLabel("Name").FillAsync("Company channel");
        await stream.GetByLabel("RTMP address").FillAsync("rtmp://127.0.0.1/live");
        await stream.GetByLabel("Stream key").FillAsync("key-1");
        await stream.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Expect(stream.GetByText("Company channel")).ToBeVisibleAsync();
        await WebStack.ScreenshotAsync(page, "19-meeting-extras");

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete meeting" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your meetings" })).ToBeVisibleAsync();
        var monaApi = await Stack.Node.AsAsync("mona", "password-mona");
        var events = await Poll.UntilAsync(() => monaApi.ListEventsAsync(), page => page.Items.All(e => e.Title != "Sprint retro"));
        Assert.DoesNotContain(events.Items, e => e.Title == "Sprint retro");
    }

    [Fact]
    public async Task Hands_mute_state_two_screens_with_a_pin_and_coming_back_after_the_network_dropped()
    {
        var (mona, uwePage) = await MonaAndUweInAsync("Design review");
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
        await Poll.UntilAsync(() => WebStack.ScreenFramesAsync(mona, "Screen of Uwe"), f => f > 10, 60);
        Assert.True(await WebStack.ScreenFramesAsync(mona, "Screen of Uwe") > 10, "Mona does not see Uwe's screen");
        Assert.True(await Poll.UntilAsync(() => WebStack.ScreenFramesAsync(uwePage, "Screen of Mona"), f => f > 10, 60) > 10, "Uwe does not see Mona's screen");
        await mona.GetByRole(AriaRole.Button, new() { Name = "Pin Screen of Uwe" }).ClickAsync();
        await Expect(mona.Locator(".large figure[data-kind='screen'] video[aria-label='Screen of Uwe']")).ToBeVisibleAsync();
        await WebStack.ScreenshotAsync(mona, "14-two-screens-pinned");
        // Uwe's camera is a small tile in the strip now: Mona asks for its smallest simulcast layer (a quarter of 1280).
        var width = await Poll.UntilAsync(() => mona.EvaluateAsync<int>("() => document.querySelector('figure[data-kind=\"video\"] video[aria-label=\"Uwe\"]')?.videoWidth ?? 0"),
            w => w is > 0 and <= 320, 60);
        Assert.True(width is > 0 and <= 320, $"Uwe's camera arrives {width} pixels wide in the strip");

        // The network drops (every connection from the browsers to the node is reset) and comes back: both pages show
        // the banner, resume on their own, and see each other's camera again.
        const string watch = "() => { window.sawBanner = false; new MutationObserver(() => { if (document.body.innerText.includes('Connection lost')) window.sawBanner = true; }).observe(document.body, { subtree: true, childList: true, characterData: true }); }";
        await mona.EvaluateAsync(watch);
        await uwePage.EvaluateAsync(watch);
        var monaBefore = await WebStack.CameraFramesAsync(uwePage, "Mona");
        var uweBefore = await WebStack.CameraFramesAsync(mona, "Uwe");
        await Stack.DropBrowserConnectionsAsync();
        await Poll.UntilAsync(() => uwePage.EvaluateAsync<bool>("() => window.sawBanner"), seen => seen, 30);
        Assert.True(await uwePage.EvaluateAsync<bool>("() => window.sawBanner"), "no reconnecting banner");
        await Expect(uwePage.GetByText("Connection lost. Reconnecting…")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Expect(mona.GetByText("Connection lost. Reconnecting…")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        Assert.True(await Poll.UntilAsync(() => WebStack.CameraFramesAsync(mona, "Uwe"), f => f > 15 && f != uweBefore, 60) > 15,
            "Uwe's camera did not come back for Mona");
        var back = await Poll.UntilAsync(() => WebStack.CameraFramesAsync(uwePage, "Mona"), f => f > 15 && f != monaBefore, 60);
        if (back <= 15) await WebStack.ScreenshotAsync(uwePage, "failure-uwe-after-reconnect");
        if (back <= 15) await WebStack.ScreenshotAsync(mona, "failure-mona-after-reconnect");
        Assert.True(back > 15, "Mona's camera did not come back for Uwe");
        await Expect(uweTile.GetByRole(AriaRole.Img, new() { Name = "Hand raised" })).ToBeVisibleAsync();
        await WebStack.ScreenshotAsync(uwePage, "15-after-reconnect");
    }

    [Fact]
    public async Task A_guest_needs_the_password_and_the_moderator_runs_a_timer_a_vote_the_talking_stick_and_breakout_rooms()
    {
        var admin = await Stack.Node.AsAdminAsync();
        await admin.CreateAccountAsync("mona", "password-mona", "Mona");
        var monaApi = await Stack.Node.AsAsync("mona", "password-mona");
        var meeting = await monaApi.CreateEventAsync(new EventRequest("Board meeting", "", "s3cret", true, true, null, null, []));
        var link = await monaApi.CreateInviteAsync(meeting.Room.Id);

        var mona = await Stack.OpenAsync();
        await SignInAsync(mona, "mona");
        await mona.GetByRole(AriaRole.Button, new() { Name = "Join Board meeting" }).ClickAsync();
        await EnterRoomAsync(mona);

        // The guest must know the room's password.
        var gina = await Stack.OpenAsync("/invite/" + Uri.EscapeDataString(link.InviteCode));
        await gina.GetByLabel("Your name").FillAsync("Gina");
        await gina.GetByLabel("Meeting password").FillAsync("wrong");
        await gina.GetByRole(AriaRole.Button, new() { Name = "Join now" }).ClickAsync();
        await Expect(gina.GetByText("The password is not right.")).ToBeVisibleAsync();
        await gina.GetByLabel("Meeting password").FillAsync("s3cret");
        await gina.GetByRole(AriaRole.Button, new() { Name = "Join now" }).ClickAsync();
        await mona.GetByRole(AriaRole.Status).Filter(new() { HasText = "Gina is waiting" }).GetByRole(AriaRole.Button, new() { Name = "Admit" }).ClickAsync();
        await Expect(gina.GetByRole(AriaRole.Navigation, new() { Name = "Meeting controls" })).ToBeVisibleAsync(Slow);

        // A timer with a ready check.
        // Each tool of the moderation panel opens its own dialog, which closes once its action is sent.
        await mona.GetByRole(AriaRole.Button, new() { Name = "Moderation" }).ClickAsync();
        var timerDialog = mona.GetByRole(AriaRole.Dialog, new() { Name = "Timer" });
        await mona.GetByRole(AriaRole.Button, new() { Name = "Timer…" }).ClickAsync();
        await timerDialog.GetByLabel("Title").FillAsync("Read the proposal");
        await timerDialog.GetByRole(AriaRole.Button, new() { Name = "Start timer" }).ClickAsync();
        await Expect(timerDialog).ToBeHiddenAsync();
        var timer = gina.GetByRole(AriaRole.Timer, new() { Name = "Read the proposal" });
        await Expect(timer).ToBeVisibleAsync();
        await timer.GetByRole(AriaRole.Button, new() { Name = "I'm ready" }).ClickAsync();
        await Expect(timer.GetByRole(AriaRole.Button, new() { Name = "Ready" })).ToHaveAttributeAsync("aria-pressed", "true");
        await mona.GetByRole(AriaRole.Button, new() { Name = "Timer…" }).ClickAsync();
        await timerDialog.GetByRole(AriaRole.Button, new() { Name = "Stop timer" }).ClickAsync();
        await Expect(timer).ToBeHiddenAsync();

        // A roll-call vote that closes when everyone voted.
        await mona.GetByRole(AriaRole.Button, new() { Name = "Vote…" }).ClickAsync();
        var voteDialog = mona.GetByRole(AriaRole.Dialog, new() { Name = "Vote" });
        await voteDialog.GetByLabel("Motion").FillAsync("Adopt the plan");
        await voteDialog.GetByRole(AriaRole.Button, new() { Name = "Start vote" }).ClickAsync();
        await gina.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true }).ClickAsync();
        await Expect(gina.GetByText("You voted: Yes")).ToBeVisibleAsync();
        await mona.GetByRole(AriaRole.Region, new() { Name = "Adopt the plan" }).GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }).ClickAsync();
        await Expect(gina.GetByText("Yes 1 · No 1 · Abstain 0")).ToBeVisibleAsync();
        await Expect(mona.GetByText("Yes 1 · No 1 · Abstain 0")).ToBeVisibleAsync();
        await WebStack.ScreenshotAsync(gina, "16-vote");

        // The talking stick: whoever holds it can pass it on.
        var stickDialog = mona.GetByRole(AriaRole.Dialog, new() { Name = "Talking stick" });
        await mona.GetByRole(AriaRole.Button, new() { Name = "Talking stick…" }).ClickAsync();
        await stickDialog.GetByRole(AriaRole.Button, new() { Name = "Start talking stick" }).ClickAsync();
        await Expect(gina.GetByText(new System.Text.RegularExpressions.Regex("(Mona|You) speaking"))).ToBeVisibleAsync();
        var holder = await gina.GetByRole(AriaRole.Button, new() { Name = "Pass the stick" }).IsVisibleAsync() ? gina : mona;
        var first = holder == gina ? "Gina" : "Mona";
        await holder.GetByRole(AriaRole.Button, new() { Name = "Pass the stick" }).ClickAsync();
        await Expect(mona.GetByText(first == "Gina" ? "You speaking" : "Gina speaking")).ToBeVisibleAsync();
        await mona.GetByRole(AriaRole.Button, new() { Name = "Talking stick…" }).ClickAsync();
        await stickDialog.GetByRole(AriaRole.Button, new() { Name = "Stop", Exact = true }).ClickAsync();
        await Expect(gina.GetByText("speaking")).ToBeHiddenAsync();

        // Breakout rooms: the guest goes to hers, the moderator visits, and closing them brings her back. Closing
        // is off while none are open.
        var breakoutDialog = mona.GetByRole(AriaRole.Dialog, new() { Name = "Breakout rooms" });
        await mona.GetByRole(AriaRole.Button, new() { Name = "Breakout rooms…" }).ClickAsync();
        await Expect(breakoutDialog.GetByRole(AriaRole.Button, new() { Name = "Close breakout rooms" })).ToBeDisabledAsync();
        await breakoutDialog.GetByLabel("Rooms").FillAsync("1");
        await WebStack.ScreenshotAsync(mona, "54-breakout-dialog");
        await breakoutDialog.GetByRole(AriaRole.Button, new() { Name = "Open breakout rooms" }).ClickAsync();
        await Expect(breakoutDialog).ToBeHiddenAsync();
        await Expect(gina.GetByText("Breakout rooms are open. You are in Room 1.")).ToBeVisibleAsync();
        await gina.GetByRole(AriaRole.Button, new() { Name = "Go to Room 1" }).ClickAsync();
        await Expect(gina.GetByRole(AriaRole.Heading, new() { Name = "Board meeting · Room 1" })).ToBeVisibleAsync(Slow);
        await mona.GetByRole(AriaRole.Button, new() { Name = "Go to Room 1" }).ClickAsync();
        await Expect(mona.GetByRole(AriaRole.Heading, new() { Name = "Board meeting · Room 1" })).ToBeVisibleAsync(Slow);
        Assert.True(await Poll.UntilAsync(() => WebStack.CameraFramesAsync(gina, "Mona"), f => f > 15, 60) > 15, "Gina does not see Mona in the breakout room");
        await WebStack.ScreenshotAsync(gina, "17-breakout-room");
        await mona.GetByRole(AriaRole.Button, new() { Name = "Back to the main room" }).ClickAsync();
        await Expect(mona.GetByRole(AriaRole.Heading, new() { Name = "Board meeting", Exact = true })).ToBeVisibleAsync(Slow);
        await mona.GetByRole(AriaRole.Button, new() { Name = "Moderation" }).ClickAsync();
        await mona.GetByRole(AriaRole.Button, new() { Name = "Breakout rooms…" }).ClickAsync();
        await breakoutDialog.GetByRole(AriaRole.Button, new() { Name = "Close breakout rooms" }).ClickAsync();
        // Back in the main room, not in its waiting room: she was let in before.
        await Expect(gina.GetByRole(AriaRole.Heading, new() { Name = "Board meeting", Exact = true })).ToBeVisibleAsync(Slow);
        await Expect(gina.GetByRole(AriaRole.Navigation, new() { Name = "Meeting controls" })).ToBeVisibleAsync(Slow);
        await Expect(gina.GetByRole(AriaRole.Heading, new() { Name = "Please wait" })).ToHaveCountAsync(0);
        await Expect(mona.Locator("figure[data-kind='video'] video[aria-label='Gina']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task Two_people_whisper_and_hear_each_other_while_the_room_gets_quieter()
    {
        var (mona, uwePage) = await MonaAndUweInAsync("Workshop");

        await mona.GetByRole(AriaRole.Button, new() { Name = "People" }).ClickAsync();
        await mona.GetByRole(AriaRole.Button, new() { Name = "More actions for Uwe" }).ClickAsync();
        await mona.GetByRole(AriaRole.Menuitem, new() { Name = "Whisper with Uwe" }).ClickAsync();
        await Expect(mona.GetByText("Waiting for the others to join the whisper…")).ToBeVisibleAsync();
        await Expect(uwePage.GetByText("Mona invites you to whisper.")).ToBeVisibleAsync();
        await uwePage.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(uwePage.GetByText("Whispering with Mona")).ToBeVisibleAsync();
        await Expect(mona.GetByText("Whispering with Uwe")).ToBeVisibleAsync();

        // Each hears the other through the group's mixer; the room is quieter and their room microphones are off.
        Assert.True(await Poll.UntilAsync(() => WhisperHeardAsync(uwePage), heard => heard, 30), "Uwe hears nothing from the whisper group");
        Assert.True(await Poll.UntilAsync(() => WhisperHeardAsync(mona), heard => heard, 30), "Mona hears nothing from the whisper group");
        await Expect(uwePage.Locator("figure[data-kind='video'] video[aria-label='Mona']")).ToHaveAttributeAsync("data-volume", "0.3");
        await Expect(uwePage.GetByRole(AriaRole.Button, new() { Name = "Unmute microphone" })).ToBeVisibleAsync();
        await WebStack.ScreenshotAsync(uwePage, "18-whisper");

        await uwePage.GetByRole(AriaRole.Button, new() { Name = "Stop whispering" }).ClickAsync();
        await Expect(uwePage.GetByText("Whispering with Mona")).ToBeHiddenAsync();
        await Expect(mona.GetByText("Waiting for the others to join the whisper…")).ToBeVisibleAsync();
        await Expect(uwePage.Locator("figure[data-kind='video'] video[aria-label='Mona']")).ToHaveAttributeAsync("data-volume", "1");
        await Expect(uwePage.GetByRole(AriaRole.Button, new() { Name = "Mute microphone" })).ToBeVisibleAsync();

        // Mona makes Uwe a moderator and takes the role back, from the same menu.
        await mona.GetByRole(AriaRole.Button, new() { Name = "More actions for Uwe" }).ClickAsync();
        await mona.GetByRole(AriaRole.Menuitem, new() { Name = "Make Uwe a moderator" }).ClickAsync();
        await Expect(uwePage.GetByRole(AriaRole.Button, new() { Name = "Moderation" })).ToBeVisibleAsync();
        await mona.GetByRole(AriaRole.Button, new() { Name = "More actions for Uwe" }).ClickAsync();
        await mona.GetByRole(AriaRole.Menuitem, new() { Name = "Take the moderator role from Uwe" }).ClickAsync();
        await Expect(uwePage.GetByRole(AriaRole.Button, new() { Name = "Moderation" })).ToBeHiddenAsync();
    }

    /// <summary>Whether sound arrives from the whisper group (a received track is unmuted once packets flow).</summary>
    private static Task<bool> WhisperHeardAsync(IPage page) => page.EvaluateAsync<bool>(
        "() => { const a = document.querySelector('audio[aria-label=\"Whisper group\"]'); return !!a && !!a.srcObject && a.srcObject.getAudioTracks().some(t => !t.muted); }");
}
