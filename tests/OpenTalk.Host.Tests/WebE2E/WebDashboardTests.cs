using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;
using static Microsoft.Playwright.Assertions;

namespace OpenTalk.Host.Tests.WebE2E;

/// <summary>
/// The dashboard and a meeting's page as a newcomer finds them: on a phone and on a desktop, starting a meeting at once,
/// meetings in the order they come, their descriptions, and a past session in German.
/// </summary>
public sealed class WebDashboardTests : WebTest
{
    private const string Description = "Agenda:\nBudget <b>and</b> hiring";

    [Fact]
    public async Task A_host_on_a_phone_sees_meetings_in_order_with_descriptions_and_starts_one_now_with_a_link_to_share()
    {
        var admin = await Stack.Node.AsAdminAsync();
        await admin.CreateAccountAsync("mona", "password-mona", "Mona Moderator");
        var monaApi = await Stack.Node.AsAsync("mona", "password-mona");
        // The later meeting is planned first: the list must not follow the order of creation.
        var day = DateTime.UtcNow.Date.AddDays(3);
        await monaApi.CreateEventAsync(Planned("Budget review with the whole department and the works council", "", day.AddDays(2)));
        await monaApi.CreateEventAsync(Planned("Kick-off", Description, day));

        var violations = new List<string>();
        async Task CheckAsync(IPage page, string screen)
        {
            violations.AddRange((await WebStack.AccessibilityViolationsAsync(page)).Select(v => $"{screen}: {v}"));
            foreach (var width in new[] { 390, 360, 414 })
            {
                await page.SetViewportSizeAsync(width, 844);
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                    $"{screen} scrolls sideways at {width} px: {await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px wide");
            }
            await page.SetViewportSizeAsync(390, 844);
        }

        var mona = await Stack.OpenAsync();
        await mona.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await mona.SetViewportSizeAsync(390, 844);
        await SignInAsync(mona, "mona");

        // Soonest first, each with its description as plain text, line break kept.
        var titles = mona.Locator(".meeting-title");
        await Expect(titles).ToHaveTextAsync(["Kick-off", "Budget review with the whole department and the works council"]);
        var description = mona.Locator(".meeting-description").First;
        await Expect(description).ToBeVisibleAsync();
        Assert.Equal(Description, await description.InnerTextAsync());
        await WebStack.ScreenshotAsync(mona, "dashboard-phone");
        await CheckAsync(mona, "dashboard");

        // Start a meeting now: the link to hand on, copied; the meeting in the list; the guest link leads to its lobby.
        await mona.GetByRole(AriaRole.Button, new() { Name = "Start a meeting now" }).ClickAsync();
        await Expect(mona.GetByRole(AriaRole.Heading, new() { Name = "Your meeting is ready" })).ToBeVisibleAsync();
        var link = await mona.GetByTestId("share-link").InputValueAsync();
        Assert.Matches("/invite/", link);
        await mona.GetByRole(AriaRole.Button, new() { Name = "Copy", Exact = true }).ClickAsync();
        await Expect(mona.GetByRole(AriaRole.Button, new() { Name = "Copied", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(link, await mona.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await Expect(mona.GetByRole(AriaRole.Button, new() { Name = "Join Quick meeting" }).Last).ToBeVisibleAsync();
        await WebStack.ScreenshotAsync(mona, "dashboard-started-phone");
        await CheckAsync(mona, "dashboard with a meeting started");
        await mona.ReloadAsync();
        await Expect(mona.Locator(".meeting-title").GetByText("Quick meeting")).ToBeVisibleAsync();
        await Expect(titles).ToHaveTextAsync(["Kick-off", "Budget review with the whole department and the works council", "Quick meeting"]);
        var guest = await Stack.OpenAsync(new Uri(link).PathAndQuery);
        await Expect(guest.GetByLabel("Your name")).ToBeVisibleAsync(Slow);

        // The meeting's page: its description at the top, and no failing request on the way (no call-in: nothing asked).
        var failed = new List<string>();
        mona.Response += (_, response) => { if (response.Status >= 400) failed.Add($"{response.Status} {response.Url}"); };
        mona.Console += (_, message) => { if (message.Type == "error") failed.Add(message.Text); };
        await mona.GetByRole(AriaRole.Button, new() { Name = "Edit Kick-off" }).ClickAsync();
        await Expect(mona.GetByTestId("meeting-description")).ToHaveTextAsync(Description);
        await Expect(mona.GetByRole(AriaRole.Heading, new() { Name = "Past sessions" })).ToBeVisibleAsync();
        await Expect(mona.GetByRole(AriaRole.Heading, new() { Name = "Recordings" })).ToBeVisibleAsync();
        await mona.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(failed);
        await WebStack.ScreenshotAsync(mona, "meeting-phone");
        await CheckAsync(mona, "meeting");

        await mona.GetByRole(AriaRole.Link, new() { Name = "My recordings" }).ClickAsync();
        await Expect(mona.GetByRole(AriaRole.Heading, new() { Name = "My recordings" })).ToBeVisibleAsync();
        await CheckAsync(mona, "recordings");

        await mona.SetViewportSizeAsync(1280, 800);
        await mona.GetByRole(AriaRole.Link, new() { Name = "OpenTalk" }).ClickAsync();
        await Expect(titles).ToHaveCountAsync(3);
        await WebStack.ScreenshotAsync(mona, "dashboard-desktop");
        Assert.Empty(violations);
    }

    [Fact]
    public async Task A_past_session_reads_in_German_and_counts_a_person_who_joined_twice_once()
    {
        var admin = await Stack.Node.AsAdminAsync();
        await admin.CreateAccountAsync("mona", "password-mona", "Mona Moderator");
        var uwe = await admin.CreateAccountAsync("uwe", "password-uwe", "Uwe");
        var monaApi = await Stack.Node.AsAsync("mona", "password-mona");
        var meeting = await monaApi.CreateEventAsync(new EventRequest("Retro", "", null, false, true, null, null, []));
        await monaApi.InviteAsync(meeting.Id, new EventInviteRequest(uwe.GetProperty("id").GetGuid(), null, InviteRole.User));
        var uweApi = await Stack.Node.AsAsync("uwe", "password-uwe");

        // Mona and Uwe meet; Uwe's page reloads in between (he leaves and joins again as a new participant).
        var host = await Participant.JoinAsync(Stack.Node, meeting.Room.Id, monaApi, "Mona Moderator");
        var first = await Participant.JoinAsync(Stack.Node, meeting.Room.Id, uweApi, "Uwe");
        await first.Socket.SendAsync("control", "leave");
        await host.Socket.WaitForAsync("control", "left");
        var again = await Participant.JoinAsync(Stack.Node, meeting.Room.Id, uweApi, "Uwe");
        await again.Socket.SendAsync("control", "leave");
        await host.Socket.WaitForAsync("control", "left");
        await host.Socket.SendAsync("control", "leave");
        await host.Socket.WaitForCloseAsync();

        var mona = await Stack.OpenAsync();
        await SignInAsync(mona, "mona");
        await mona.GetByLabel("Language").SelectOptionAsync("de");
        await Expect(mona.GetByRole(AriaRole.Heading, new() { Name = "Ihre Besprechungen" })).ToBeVisibleAsync();
        await mona.GetByRole(AriaRole.Button, new() { Name = "Retro bearbeiten" }).ClickAsync();
        var session = mona.Locator("#history-title + ul li").First;
        // The history is a read model: it may catch up a moment after the session.
        await Poll.UntilAsync(async () =>
        {
            await mona.ReloadAsync();
            await Expect(mona.GetByRole(AriaRole.Heading, new() { Name = "Vergangene Sitzungen" })).ToBeVisibleAsync();
            await mona.WaitForLoadStateAsync(LoadState.NetworkIdle);
            return await session.CountAsync();
        }, count => count > 0);
        await Expect(session).ToContainTextAsync("2 Personen");
        await Expect(session.Locator("time")).ToHaveTextAsync(new Regex(@"^\d{1,2}\.\d{1,2}\.\d{4}, \d{2}:\d{2}$"));
        await session.ScrollIntoViewIfNeededAsync();
        await WebStack.ScreenshotAsync(mona, "meeting-past-session-de");
        Assert.Empty(await WebStack.AccessibilityViolationsAsync(mona));
    }

    private static EventRequest Planned(string title, string description, DateTime day) =>
        new(title, description, null, false, false,
            new DateTimeTz(day.AddHours(9), "Europe/Berlin"), new DateTimeTz(day.AddHours(10), "Europe/Berlin"), []);
}
