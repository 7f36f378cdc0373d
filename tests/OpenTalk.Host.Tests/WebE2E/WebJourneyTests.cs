using Microsoft.Playwright;
using OpenTalk.Host.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenTalk.Host.Tests.WebE2E;

/// <summary>
/// A moderator plans a meeting in the web app and a guest comes in through the invite link: lobby, waiting room,
/// video both ways, coffee break, poll, a vote, chat and removing the guest, all through the real node, Janus and Chromium.
/// </summary>
public sealed class WebJourneyTests : WebTest
{
    [Fact]
    public async Task A_moderator_schedules_a_meeting_and_lets_an_invited_guest_in_and_both_see_hear_break_vote_and_chat()
    {
        await (await Stack.Node.AsAdminAsync()).CreateAccountAsync("mona", "password-mona", "Mona Moderator");
        var violations = new List<string>();
        async Task CheckAccessibilityAsync(IPage page, string screen) =>
            violations.AddRange((await WebStack.AccessibilityViolationsAsync(page)).Select(v => $"{screen}: {v}"));

        // Sign in through the embedded provider.
        var mona = await Stack.OpenAsync();
        await CheckAccessibilityAsync(mona, "welcome");
        await SignInAsync(mona, "mona");
        await Expect(mona.GetByText("Mona Moderator")).ToBeVisibleAsync();
        await Expect(mona.GetByText("No meetings planned.")).ToBeVisibleAsync();
        await WebStack.ScreenshotAsync(mona, "01-dashboard");
        await CheckAccessibilityAsync(mona, "dashboard");

        // Schedule a meeting with a waiting room, invite a guest by e-mail, make a guest link.
        await mona.GetByRole(AriaRole.Button, new() { Name = "New meeting" }).ClickAsync();
        await mona.GetByLabel("Title").FillAsync("Quarterly review");
        await mona.GetByLabel("Repeats").SelectOptionAsync("weekly");
        await mona.GetByLabel("Waiting room").CheckAsync();
        await WebStack.ScreenshotAsync(mona, "02-new-meeting");
        await CheckAccessibilityAsync(mona, "meeting form");
        await mona.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(mona.GetByRole(AriaRole.Heading, new() { Name = "Edit meeting" })).ToBeVisibleAsync();
        await mona.GetByLabel("E-mail address").FillAsync("gustav@example.org");
        await mona.GetByLabel("Role").SelectOptionAsync("guest");
        await mona.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
        await Expect(mona.GetByText("gustav@example.org")).ToBeVisibleAsync();
        await mona.GetByRole(AriaRole.Button, new() { Name = "Create guest link" }).ClickAsync();
        var link = await mona.GetByTestId("guest-link").InputValueAsync();
        Assert.Matches("/invite/", link);
        await WebStack.ScreenshotAsync(mona, "03-meeting-with-invites");
        await CheckAccessibilityAsync(mona, "meeting editor");

        // The moderator passes the lobby and opens the room.
        await mona.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await Expect(mona.GetByRole(AriaRole.Heading, new() { Name = "Ready to join? · Quarterly review" })).ToBeVisibleAsync();
        await Expect(mona.GetByRole(AriaRole.Meter, new() { Name = "Microphone level" })).ToBeVisibleAsync();
        await Poll.UntilAsync(() => mona.EvaluateAsync<int>("() => document.querySelector('video[aria-label=\"Your camera\"]')?.videoWidth ?? 0"), w => w > 0);
        await WebStack.ScreenshotAsync(mona, "04-lobby");
        await CheckAccessibilityAsync(mona, "lobby");
        await EnterRoomAsync(mona);
        await Expect(mona.GetByRole(AriaRole.Heading, new() { Name = "Quarterly review" })).ToBeVisibleAsync();

        // The guest opens the link, gives a name and waits.
        var gustav = await Stack.OpenAsync(new Uri(link).PathAndQuery);
        await gustav.GetByLabel("Your name").FillAsync("Gustav Guest");
        await gustav.GetByRole(AriaRole.Button, new() { Name = "Join now" }).ClickAsync();
        await Expect(gustav.GetByRole(AriaRole.Heading, new() { Name = "Please wait" })).ToBeVisibleAsync(Slow);
        await WebStack.ScreenshotAsync(gustav, "05-waiting-room");
        await CheckAccessibilityAsync(gustav, "waiting room");

        // The moderator sees him waiting and lets him in.
        await mona.GetByRole(AriaRole.Button, new() { Name = "People, 1 waiting" }).ClickAsync();
        await WebStack.ScreenshotAsync(mona, "06-waiting-list");
        await mona.GetByRole(AriaRole.Button, new() { Name = "Admit Gustav Guest" }).ClickAsync();
        await Expect(gustav.GetByRole(AriaRole.Navigation, new() { Name = "Meeting controls" })).ToBeVisibleAsync(Slow);

        // Each sees the other's camera moving.
        await Poll.UntilAsync(() => FramesShownAsync(mona, "Gustav Guest"), frames => frames > 30, 60);
        await Poll.UntilAsync(() => FramesShownAsync(gustav, "Mona Moderator"), frames => frames > 30, 60);
        Assert.True(await FramesShownAsync(mona, "Gustav Guest") > 30, "the moderator does not see the guest's video");
        Assert.True(await FramesShownAsync(gustav, "Mona Moderator") > 30, "the guest does not see the moderator's video");
        await WebStack.ScreenshotAsync(mona, "07-room-moderator");
        await WebStack.ScreenshotAsync(gustav, "08-room-guest");
        await CheckAccessibilityAsync(mona, "room");

        // Coffee break: a full-screen countdown for both; the guest goes back early, the moderator ends it.
        await mona.GetByRole(AriaRole.Button, new() { Name = "Moderation" }).ClickAsync();
        await mona.GetByRole(AriaRole.Button, new() { Name = "Coffee break…" }).ClickAsync();
        await mona.GetByRole(AriaRole.Dialog, new() { Name = "Coffee break" }).GetByRole(AriaRole.Button, new() { Name = "Start coffee break" }).ClickAsync();
        var monaBreak = mona.GetByRole(AriaRole.Dialog, new() { Name = "Coffee break" });
        var gustavBreak = gustav.GetByRole(AriaRole.Dialog, new() { Name = "Coffee break" });
        await Expect(monaBreak).ToBeVisibleAsync();
        await Expect(gustavBreak).ToBeVisibleAsync();
        await Expect(gustavBreak).ToContainTextAsync(new System.Text.RegularExpressions.Regex("0[45]:[0-5][0-9]"));
        await WebStack.ScreenshotAsync(gustav, "09-coffee-break");
        await CheckAccessibilityAsync(gustav, "coffee break");
        await gustav.GetByRole(AriaRole.Button, new() { Name = "Back to the room" }).ClickAsync();
        await Expect(gustavBreak).ToBeHiddenAsync();
        await mona.GetByRole(AriaRole.Button, new() { Name = "End the break for everyone" }).ClickAsync();
        await Expect(monaBreak).ToBeHiddenAsync();
        await Expect(gustav.GetByText("Coffee break ·")).ToBeHiddenAsync();

        // A poll with live results, set up in its own dialog.
        await mona.GetByRole(AriaRole.Button, new() { Name = "Poll…" }).ClickAsync();
        var pollDialog = mona.GetByRole(AriaRole.Dialog, new() { Name = "Poll" });
        await Expect(pollDialog.GetByLabel("Question")).ToBeFocusedAsync();
        await pollDialog.GetByLabel("Question").FillAsync("Lunch at noon?");
        await pollDialog.GetByLabel("Answers (one per line)").FillAsync("Yes\nNo");
        await WebStack.ScreenshotAsync(mona, "50-poll-dialog");
        await CheckAccessibilityAsync(mona, "poll dialog");
        await pollDialog.GetByRole(AriaRole.Button, new() { Name = "Start poll" }).ClickAsync();
        await Expect(pollDialog).ToBeHiddenAsync();
        await gustav.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true }).ClickAsync();
        await Expect(mona.GetByLabel("1 vote for Yes")).ToBeVisibleAsync();
        await mona.GetByRole(AriaRole.Button, new() { Name = "Close poll" }).ClickAsync();
        await Expect(gustav.GetByText("Poll closed · 1 vote")).ToBeVisibleAsync();
        await Expect(gustav.GetByLabel("1 vote for Yes")).ToBeVisibleAsync();
        await WebStack.ScreenshotAsync(gustav, "10-poll-results");

        // A vote for members only: the guest is told why he cannot vote, and sees the result.
        await mona.GetByRole(AriaRole.Button, new() { Name = "Vote…" }).ClickAsync();
        var voteDialog = mona.GetByRole(AriaRole.Dialog, new() { Name = "Vote" });
        await voteDialog.GetByLabel("Motion").FillAsync("Members only");
        await voteDialog.GetByLabel("Guests can vote").UncheckAsync();
        await voteDialog.GetByRole(AriaRole.Button, new() { Name = "Start vote" }).ClickAsync();
        var gustavVote = gustav.GetByRole(AriaRole.Region, new() { Name = "Members only" });
        await Expect(gustavVote).ToContainTextAsync("Guests cannot vote in this vote; you can follow the result here.");
        await Expect(gustavVote.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true })).ToHaveCountAsync(0);
        await WebStack.ScreenshotAsync(gustav, "51-vote-not-for-guests");
        await mona.GetByRole(AriaRole.Region, new() { Name = "Members only" }).GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true }).ClickAsync();
        await Expect(gustavVote.GetByText("Yes 1 · No 0 · Abstain 0")).ToBeVisibleAsync();

        // Chat both ways, with an unread badge for the one whose chat is closed.
        await gustav.GetByRole(AriaRole.Button, new() { Name = "Chat" }).ClickAsync();
        await gustav.GetByLabel("Message to Everyone").FillAsync("Hello from Gustav");
        await gustav.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(mona.GetByRole(AriaRole.Button, new() { Name = "Chat, 1 unread" })).ToBeVisibleAsync();
        await mona.GetByRole(AriaRole.Button, new() { Name = "Chat, 1 unread" }).ClickAsync();
        // Exactly the chat's line: the new-message notice ("Gustav Guest: Hello from Gustav") may still show beside it.
        await Expect(mona.GetByText("Hello from Gustav", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(mona.GetByRole(AriaRole.Button, new() { Name = "Chat", Exact = true })).ToBeVisibleAsync();
        await mona.GetByLabel("Message to Everyone").FillAsync("Welcome, Gustav!");
        await mona.GetByLabel("Message to Everyone").PressAsync("Enter");
        await Expect(gustav.GetByText("Welcome, Gustav!", new() { Exact = true })).ToBeVisibleAsync();
        await WebStack.ScreenshotAsync(mona, "11-chat");
        await CheckAccessibilityAsync(mona, "chat");

        // Every control of the room is reachable with the keyboard.
        Assert.True(await ReachableByTabAsync(gustav, "Leave"), "the Leave button cannot be reached with Tab");

        // What a moderator can do to someone is in one menu per person, which the keyboard opens and closes.
        await mona.GetByRole(AriaRole.Button, new() { Name = "People", Exact = true }).ClickAsync();
        var more = mona.GetByRole(AriaRole.Button, new() { Name = "More actions for Gustav Guest" });
        var menu = mona.GetByRole(AriaRole.Menu, new() { Name = "More actions for Gustav Guest" });
        await more.FocusAsync();
        await mona.Keyboard.PressAsync("Enter");
        await Expect(more).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(menu.GetByRole(AriaRole.Menuitem, new() { Name = "Whisper with Gustav Guest" })).ToBeFocusedAsync();
        await mona.Keyboard.PressAsync("ArrowUp");
        await Expect(menu.GetByRole(AriaRole.Menuitem, new() { Name = "Ban Gustav Guest" })).ToBeFocusedAsync();
        await WebStack.ScreenshotAsync(mona, "52-person-menu");
        await CheckAccessibilityAsync(mona, "person menu");
        await mona.Keyboard.PressAsync("Escape");
        await Expect(menu).ToBeHiddenAsync();
        await Expect(more).ToBeFocusedAsync();
        await Expect(more).ToHaveAttributeAsync("aria-expanded", "false");

        // Removing asks first: Cancel (or Escape) keeps him in the room, confirming removes him.
        var ask = mona.GetByRole(AriaRole.Dialog, new() { Name = "Remove Gustav Guest?" });
        await mona.Keyboard.PressAsync("ArrowDown");
        await menu.GetByRole(AriaRole.Menuitem, new() { Name = "Remove Gustav Guest" }).ClickAsync();
        await Expect(ask).ToContainTextAsync("Gustav Guest leaves the meeting now");
        await Expect(ask.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
        await WebStack.ScreenshotAsync(mona, "53-remove-confirmation");
        await CheckAccessibilityAsync(mona, "remove confirmation");
        await ask.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(ask).ToBeHiddenAsync();
        await Expect(more).ToBeFocusedAsync();
        await more.ClickAsync();
        await menu.GetByRole(AriaRole.Menuitem, new() { Name = "Remove Gustav Guest" }).ClickAsync();
        await Expect(ask).ToBeVisibleAsync();
        await mona.Keyboard.PressAsync("Escape");
        await Expect(ask).ToBeHiddenAsync();
        await Expect(gustav.GetByRole(AriaRole.Navigation, new() { Name = "Meeting controls" })).ToBeVisibleAsync();
        await more.ClickAsync();
        await menu.GetByRole(AriaRole.Menuitem, new() { Name = "Remove Gustav Guest" }).ClickAsync();
        await ask.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
        await Expect(gustav.GetByRole(AriaRole.Heading, new() { Name = "A moderator removed you from the meeting." })).ToBeVisibleAsync(Slow);
        await Expect(more).ToHaveCountAsync(0);

        Assert.True(violations.Count == 0, "accessibility violations:\n" + string.Join("\n", violations));
    }

    /// <summary>Frames shown so far of someone's camera tile (0 while it has no picture).</summary>
    private static Task<int> FramesShownAsync(IPage page, string name) => page.EvaluateAsync<int>(
        """
        name => {
          const video = document.querySelector(`figure[data-kind="video"] video[aria-label="${name}"]`);
          return video && video.videoWidth > 0 ? video.getVideoPlaybackQuality().totalVideoFrames : 0;
        }
        """, name);

    private static async Task<bool> ReachableByTabAsync(IPage page, string buttonText)
    {
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string>("() => document.activeElement?.textContent ?? ''") == buttonText)
                return true;
        }
        return false;
    }
}
