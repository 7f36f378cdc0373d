using Microsoft.Playwright;
using OpenTalk.Host.Tests.Media;
using OpenTalk.Protocol.Rest;
using static Microsoft.Playwright.Assertions;

namespace OpenTalk.Host.Tests.WebE2E;

/// <summary>A browser test of the web app: its own node, Janus and Chromium, and the steps every such test takes.</summary>
[Collection(BrowserMediaCollection.Name)]
public abstract class WebTest : IAsyncLifetime
{
    protected static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 30_000 };

    protected WebStack Stack { get; private set; } = null!;

    /// <summary>The browsers are behind a NAT: they reach Janus only through TURN (<see cref="WebStack.StartAsync"/>).</summary>
    protected virtual bool BehindNat => false;

    public async Task InitializeAsync()
    {
        Stack = await WebStack.StartAsync(BehindNat);
        SetDefaultExpectTimeout(15_000);
    }

    public async Task DisposeAsync() => await Stack.DisposeAsync();

    /// <summary>Signs in through the embedded provider's form (password <c>password-{user}</c>) and lands on the dashboard.</summary>
    internal static async Task SignInAsync(IPage page, string user)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync("password-" + user);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your meetings" })).ToBeVisibleAsync();
    }

    /// <summary>Leaves the lobby (once the devices are ready) for the room.</summary>
    internal static async Task EnterRoomAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Join now" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Meeting controls" })).ToBeVisibleAsync(Slow);
    }

    /// <summary>Mona plans a meeting without fixed time and invites Uwe; both sign in and enter its room.</summary>
    protected async Task<(IPage Mona, IPage Uwe)> MonaAndUweInAsync(string title)
    {
        var admin = await Stack.Node.AsAdminAsync();
        await admin.CreateAccountAsync("mona", "password-mona", "Mona");
        var uwe = await admin.CreateAccountAsync("uwe", "password-uwe", "Uwe");
        var monaApi = await Stack.Node.AsAsync("mona", "password-mona");
        var meeting = await monaApi.CreateEventAsync(new EventRequest(title, "", null, false, true, null, null, []));
        await monaApi.InviteAsync(meeting.Id, new EventInviteRequest(uwe.GetProperty("id").GetGuid(), null, InviteRole.User));
        var pages = new List<IPage>();
        foreach (var user in new[] { "mona", "uwe" })
        {
            var page = await Stack.OpenAsync();
            await SignInAsync(page, user);
            await page.GetByRole(AriaRole.Button, new() { Name = $"Join {title}" }).ClickAsync();
            await EnterRoomAsync(page);
            pages.Add(page);
        }
        return (pages[0], pages[1]);
    }
}
