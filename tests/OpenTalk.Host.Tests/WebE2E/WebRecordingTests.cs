using Microsoft.Playwright;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenTalk.Host.Tests.WebE2E;

/// <summary>
/// Recording in the web app: the moderator's control, REC for everyone, the consent question. The test plays the
/// recorder service as a recorder speaks to the node (client credentials, service ticket, hidden session).
/// </summary>
public sealed class WebRecordingTests : WebTest
{
    [Fact]
    public async Task A_moderator_records_everyone_sees_rec_and_is_asked_and_a_missing_recorder_is_said_plainly()
    {
        var (mona, uwe) = await MonaAndUweInAsync("Town hall");
        var room = Guid.Parse(new Uri(mona.Url).Segments[^1].TrimEnd('/'));

        // Nobody records yet: the start ends in plain words after five seconds.
        await mona.GetByRole(AriaRole.Button, new() { Name = "Moderation" }).ClickAsync();
        await mona.GetByRole(AriaRole.Button, new() { Name = "Recording and live streams…" }).ClickAsync();
        // The dialog stays open: each stream's state changes in it.
        var tool = mona.GetByRole(AriaRole.Dialog, new() { Name = "Recording and live streams" }).Locator(".tool.streams li[data-stream='recording']");
        await tool.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Expect(mona.GetByText("No recorder is available right now")).ToBeVisibleAsync(Slow);

        // Now a recorder answers the room's call.
        var recorderApi = await Stack.Node.AsRecorderAsync();
        await tool.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        var ticket = await Poll.UntilAsync(async () =>
        {
            try
            {
                return await recorderApi.StartRecorderAsync(room);
            }
            catch (OpenTalkApiException)
            {
                return null;
            }
        }, t => t is not null, 10);
        await using var recorder = await Stack.Node.ConnectAsync(ticket!.Ticket);
        await recorder.JoinAsync("Recorder");
        var welcome = (await recorder.WaitForAsync("control", "join_success")).Payload;
        var recording = welcome.GetProperty("recording_service").GetProperty("streams").EnumerateObject().Single().Name;
        await recorder.SendAsync("recording_service", "stream_updated", new { target_id = recording, status = "active" });

        await Expect(mona.Locator(".room-head .badge.rec")).ToBeVisibleAsync();
        await Expect(uwe.Locator(".room-head .badge.rec")).ToBeVisibleAsync();
        // Everyone is told once, in a toast, that the recording started.
        await Expect(uwe.GetByRole(AriaRole.Status).Filter(new() { HasText = "This meeting is now being recorded." })).ToBeVisibleAsync();
        await Expect(mona.GetByText("No recorder is available right now")).ToBeHiddenAsync();
        await Expect(tool.Locator(".status")).ToHaveTextAsync("on");
        await Expect(uwe.GetByText("This meeting is being recorded. May you be seen and named in the recording?")).ToBeVisibleAsync();
        await WebStack.ScreenshotAsync(uwe, "20-recording-consent");
        await uwe.GetByRole(AriaRole.Button, new() { Name = "No, leave me out" }).ClickAsync();
        await Expect(uwe.GetByText("This meeting is being recorded. May you be seen and named in the recording?")).ToBeHiddenAsync();
        var answer = await recorder.WaitForAsync(m => m.Message == "update" && m.Payload.TryGetProperty("recording", out _));
        Assert.False(answer.Payload.GetProperty("recording").GetProperty("consents_recording").GetBoolean());

        await tool.GetByRole(AriaRole.Button, new() { Name = "Stop" }).ClickAsync();
        await recorder.WaitForAsync("recording_service", "stop_streams");
        await recorder.SendAsync("recording_service", "stream_updated", new { target_id = recording, status = "inactive" });
        await Expect(uwe.Locator(".room-head .badge.rec")).ToBeHiddenAsync();
        await Expect(tool.GetByRole(AriaRole.Button, new() { Name = "Start" })).ToBeVisibleAsync();
    }
}
