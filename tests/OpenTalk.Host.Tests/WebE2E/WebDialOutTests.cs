using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenTalk.Host.Tests.WebE2E;

/// <summary>A moderator calls a phone from the web app: a wrong number is said plainly, and so is a call nobody could place.</summary>
public sealed class WebDialOutTests : WebTest
{
    [Fact]
    public async Task A_moderator_dials_from_the_moderation_panel_and_hears_plainly_what_became_of_the_call()
    {
        var (mona, uwe) = await MonaAndUweInAsync("Phone round");
        await mona.GetByRole(AriaRole.Button, new() { Name = "Moderation" }).ClickAsync();
        await mona.GetByRole(AriaRole.Button, new() { Name = "Call a phone…" }).ClickAsync();
        // The dialog stays open while the call goes on: what became of it is said there.
        var tool = mona.GetByRole(AriaRole.Dialog, new() { Name = "Call a phone" }).Locator("form.dial-out");
        var number = tool.GetByLabel("Phone number");

        await number.FillAsync("sip:someone@example.org");
        await tool.GetByRole(AriaRole.Button, new() { Name = "Call", Exact = true }).ClickAsync();
        await Expect(tool.GetByRole(AriaRole.Alert)).ToContainTextAsync("This is not a phone number");

        await number.FillAsync("+49 30 1234-567");
        await tool.GetByRole(AriaRole.Button, new() { Name = "Call", Exact = true }).ClickAsync();
        await Expect(tool.GetByText("Calling +49301234567…")).ToBeVisibleAsync(Slow);
        // This node has no phone gateway: after 15 s the room gives up and says why.
        await Expect(tool.GetByText("No phone gateway is available, so +49301234567 was not called")).ToBeVisibleAsync(Slow);
        await WebStack.ScreenshotAsync(mona, "30-dial-out-no-gateway");
        // Only moderators call phones.
        await Expect(uwe.Locator("form.dial-out")).ToHaveCountAsync(0);
    }
}
