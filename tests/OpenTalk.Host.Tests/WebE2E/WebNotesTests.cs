using Microsoft.Playwright;
using OpenTalk.Host.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenTalk.Host.Tests.WebE2E;

/// <summary>
/// Meeting notes and the whiteboard in the web app, in several browsers at once: what one writes or draws the others
/// see, someone who comes later sees all of it, a reader cannot change the notes, and the exports are the room's PDFs.
/// </summary>
public sealed class WebNotesTests : WebTest
{
    private static readonly LocatorAssertionsToContainTextOptions SlowText = new() { Timeout = 30_000 };

    private static ILocator Editor(IPage page) => page.GetByTestId("notes-editor").Locator(".ProseMirror");

    private static async Task OpenNotesAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Notes", Exact = true }).ClickAsync();
        await Expect(Editor(page)).ToBeVisibleAsync(Slow);
    }

    [Fact]
    public async Task Two_writers_typing_at_once_end_with_the_same_text_a_late_reader_sees_it_cannot_change_it_and_the_pdf_has_it()
    {
        var (mona, uwe) = await MonaAndUweInAsync("Notes round");
        await mona.GetByRole(AriaRole.Button, new() { Name = "Moderation" }).ClickAsync();
        await mona.GetByRole(AriaRole.Button, new() { Name = "Notes and whiteboard…" }).ClickAsync();
        var collab = mona.GetByRole(AriaRole.Dialog, new() { Name = "Notes and whiteboard" });
        var writers = collab.GetByTestId("notes-writers");
        await writers.GetByLabel("Mona (you)").CheckAsync();
        await writers.GetByLabel("Uwe").CheckAsync();
        await Expect(writers.GetByLabel("Uwe")).ToBeCheckedAsync();
        await collab.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();
        await Expect(collab).ToBeHiddenAsync();
        await OpenNotesAsync(mona);
        await OpenNotesAsync(uwe);
        await Expect(uwe.GetByTestId("notes-status")).ToContainTextAsync("you can edit these notes", SlowText);
        await Expect(mona.GetByTestId("notes-status")).ToContainTextAsync("you can edit these notes", SlowText);

        // Typing interleaved, word by word, in the same paragraph.
        await Editor(mona).ClickAsync();
        await Editor(uwe).ClickAsync();
        foreach (var (page, word) in new[] { (mona, "Agenda "), (uwe, "budget "), (mona, "approved "), (uwe, "unanimously "), (mona, "today. ") })
            await page.Keyboard.TypeAsync(word, new() { Delay = 15 });
        foreach (var word in new[] { "Agenda", "budget", "approved", "unanimously", "today." })
        {
            await Expect(Editor(mona)).ToContainTextAsync(word, SlowText);
            await Expect(Editor(uwe)).ToContainTextAsync(word, SlowText);
        }
        var text = await Editor(mona).InnerTextAsync();
        await Expect(Editor(uwe)).ToHaveTextAsync(text);
        await WebStack.ScreenshotAsync(uwe, "40-notes-two-writers");

        // Lea comes in later and reads everything written so far; she cannot change it.
        var lea = await LaterGuestAsync(mona, "Lea");
        await OpenNotesAsync(lea);
        await Expect(Editor(lea)).ToHaveTextAsync(text, new() { Timeout = 30_000 });
        await Expect(lea.GetByTestId("notes-status")).ToContainTextAsync("You can read these notes but not edit them");
        await Editor(lea).ClickAsync(new() { Force = true });
        await lea.Keyboard.TypeAsync("Lea was here");
        await Expect(Editor(mona)).Not.ToContainTextAsync("Lea was here");
        await Expect(Editor(lea)).ToHaveTextAsync(text);

        // The export is the room's PDF, with the text in it.
        await mona.GetByRole(AriaRole.Button, new() { Name = "Moderation" }).ClickAsync();
        await mona.GetByRole(AriaRole.Button, new() { Name = "Notes and whiteboard…" }).ClickAsync();
        await mona.GetByRole(AriaRole.Button, new() { Name = "Export notes as PDF" }).ClickAsync();
        await Expect(mona.GetByRole(AriaRole.Dialog, new() { Name = "Notes and whiteboard" })).ToBeHiddenAsync();
        await Expect(mona.GetByTestId("pdf-export")).ToContainTextAsync("The notes were exported as PDF", SlowText);
        var pdf = await RoomPdfAsync(mona, "meeting_notes");
        var words = PdfContent.TextOf(pdf);
        foreach (var word in new[] { "Agenda", "budget", "approved", "unanimously", "today." })
            Assert.Contains(word, words);
    }

    [Fact]
    public async Task Two_people_draw_on_the_whiteboard_both_see_both_drawings_and_the_export_is_the_room_s_pdf()
    {
        var (mona, uwe) = await MonaAndUweInAsync("Drawing round");
        await mona.GetByRole(AriaRole.Button, new() { Name = "Moderation" }).ClickAsync();
        await mona.GetByRole(AriaRole.Button, new() { Name = "Notes and whiteboard…" }).ClickAsync();
        await mona.GetByRole(AriaRole.Button, new() { Name = "Open whiteboard" }).ClickAsync();
        foreach (var page in new[] { mona, uwe })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Whiteboard", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("whiteboard").Locator("canvas").First).ToBeVisibleAsync(Slow);
        }

        await DrawAsync(mona, "r", -150);
        foreach (var page in new[] { mona, uwe })
            await Expect(page.GetByTestId("whiteboard-count")).ToHaveTextAsync("1", new() { Timeout = 30_000 });
        await DrawAsync(uwe, "o", 50);
        foreach (var page in new[] { mona, uwe })
            await Expect(page.GetByTestId("whiteboard-count")).ToHaveTextAsync("2", new() { Timeout = 30_000 });
        await WebStack.ScreenshotAsync(uwe, "41-whiteboard-two-drawings");

        await mona.GetByRole(AriaRole.Button, new() { Name = "Notes and whiteboard…" }).ClickAsync();
        await mona.GetByRole(AriaRole.Button, new() { Name = "Export whiteboard as PDF" }).ClickAsync();
        await Expect(mona.GetByTestId("pdf-export")).ToContainTextAsync("The whiteboard was exported as PDF", SlowText);
        Assert.Contains("Whiteboard", PdfContent.TextOf(await RoomPdfAsync(mona, "whiteboard")));

        // The owner finds it with the meeting, beside its recordings, and can fetch it.
        var owner = await Stack.OpenAsync();
        await SignInAsync(owner, "mona");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Edit Drawing round" }).ClickAsync();
        var row = owner.GetByRole(AriaRole.Region, new() { Name = "Meeting documents" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "whiteboard_pdf" });
        await Expect(row).ToContainTextAsync("Whiteboard");
        var download = await owner.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Button, new() { Name = "Download", Exact = false }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        Assert.Empty(await WebStack.AccessibilityViolationsAsync(owner));
    }

    /// <summary>
    /// Picks Excalidraw's tool by its key and drags a shape on the board, <paramref name="dx"/> right of its middle (the
    /// tool's options panel covers the left of the board once a tool is picked).
    /// </summary>
    private static async Task DrawAsync(IPage page, string toolKey, int dx)
    {
        var box = (await page.GetByTestId("whiteboard").BoundingBoxAsync())!;
        var (x, y) = (box.X + box.Width / 2 + dx, box.Y + box.Height / 2);
        await page.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height - 150);
        await page.Keyboard.PressAsync(toolKey);
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x + 80, y + 60, new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    /// <summary>A guest who follows the room's invite link later and comes in through the lobby.</summary>
    private async Task<IPage> LaterGuestAsync(IPage host, string name)
    {
        var roomId = RoomOf(host);
        var mona = await Stack.Node.AsAsync("mona", "password-mona");
        var invite = await mona.CreateInviteAsync(roomId);
        var page = await Stack.OpenAsync($"/invite/{invite.InviteCode}");
        await page.GetByLabel("Your name").FillAsync(name);
        await EnterRoomAsync(page);
        return page;
    }

    private static Guid RoomOf(IPage page) => Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);

    /// <summary>The room's newest PDF of that module, as its owner downloads it.</summary>
    private async Task<byte[]> RoomPdfAsync(IPage page, string module)
    {
        var roomId = RoomOf(page);
        var mona = await Stack.Node.AsAsync("mona", "password-mona");
        var assets = await Poll.UntilAsync(() => mona.ListRoomAssetsAsync(roomId), list => list.Any(a => a.Namespace == module));
        using var file = new MemoryStream();
        await mona.DownloadAssetAsync(roomId, assets.Where(a => a.Namespace == module).OrderBy(a => a.CreatedAt).Last().Id, file);
        return file.ToArray();
    }
}
