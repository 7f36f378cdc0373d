using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;
using OpenTalk.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace OpenTalk.Host.Tests.WebE2E;

/// <summary>
/// A finished recording in the web app: the recorder hands in a real WebM, and the meeting's owner finds it on the
/// meeting's page and under "My recordings", plays it in the page, saves it and deletes it.
/// </summary>
public sealed class WebRecordingListTests : WebTest
{
    [Fact]
    public async Task The_owner_plays_downloads_and_deletes_a_recording_from_the_meeting_page()
    {
        var admin = await Stack.Node.AsAdminAsync();
        await admin.CreateAccountAsync("mona", "password-mona", "Mona");
        var monaApi = await Stack.Node.AsAsync("mona", "password-mona");
        var meeting = await monaApi.CreateEventAsync(new EventRequest("Board review", "", null, false, true, null, null, []));
        var room = meeting.Room.Id;

        var work = Directory.CreateTempSubdirectory("webrec-");
        try
        {
            var file = Path.Combine(work.FullName, "made.webm");
            var (code, _, err) = MediaTools.Run(MediaTools.Require("ffmpeg", "ffmpeg"),
                "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=duration=2:size=320x240:rate=15", "-c:v", "libvpx", file);
            Assert.True(code == 0, "ffmpeg: " + err);
            var bytes = await File.ReadAllBytesAsync(file);
            const string name = "recording-board-review.webm";
            var recorder = await Stack.Node.AsRecorderAsync();
            await using (var upload = File.OpenRead(file))
                await recorder.UploadRecordingAsync(room, null, name, upload, 2);
            // The lists come from a read model that follows the upload within moments.
            await Poll.UntilAsync(() => monaApi.ListRoomAssetsAsync(room), assets => assets.Count == 1);

            var page = await Stack.OpenAsync();
            await SignInAsync(page, "mona");
            await page.GetByRole(AriaRole.Button, new() { Name = "Edit Board review" }).ClickAsync();
            var recordings = page.GetByRole(AriaRole.Region, new() { Name = "Recordings" });
            var row = recordings.GetByRole(AriaRole.Listitem).Filter(new() { HasText = name });
            await Expect(row).ToBeVisibleAsync();
            await Expect(row.Locator(".size")).ToHaveTextAsync(new Regex(@"^\d+(\.\d)? kB$"));

            // Play: the page fetches the file with the token and the player reads it (a 2-second video).
            await row.GetByRole(AriaRole.Button, new() { Name = $"Play {name}" }).ClickAsync();
            await Expect(row.Locator("video.player")).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("() => { const v = document.querySelector('video.player'); return !!v && v.readyState >= 1 && v.duration > 1.5; }");
            await WebStack.ScreenshotAsync(page, "30-recording-player");
            Assert.Empty(await WebStack.AccessibilityViolationsAsync(page));
            await row.GetByRole(AriaRole.Button, new() { Name = "Close player" }).ClickAsync();
            await Expect(row.Locator("video.player")).ToBeHiddenAsync();

            // Download: the saved file is the uploaded one, under its name.
            var download = await page.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Button, new() { Name = $"Download {name}" }).ClickAsync());
            Assert.Equal(name, download.SuggestedFilename);
            var saved = Path.Combine(work.FullName, "saved.webm");
            await download.SaveAsAsync(saved);
            Assert.Equal(bytes, await File.ReadAllBytesAsync(saved));

            // My recordings: the same file with its meeting, and the storage it takes.
            await page.GetByRole(AriaRole.Link, new() { Name = "My recordings" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My recordings" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("used-storage")).ToHaveTextAsync(new Regex(@"^Storage used: \d+(\.\d)? kB$"));
            Assert.Equal(bytes.Length, (await monaApi.GetMeAsync()).UsedStorage);
            var mine = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = name });
            await mine.GetByRole(AriaRole.Link, new() { Name = "Board review" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit meeting" })).ToBeVisibleAsync();

            // Delete, after saying yes to the question that names the file.
            string? asked = null;
            page.Dialog += (_, dialog) =>
            {
                asked = dialog.Message;
                _ = dialog.AcceptAsync();
            };
            await row.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();
            await Expect(row).ToBeHiddenAsync();
            await Expect(recordings.GetByText("No recordings yet.")).ToBeVisibleAsync();
            Assert.Contains(name, asked);
            Assert.Empty(await Poll.UntilAsync(() => monaApi.ListRoomAssetsAsync(room), assets => assets.Count == 0));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
