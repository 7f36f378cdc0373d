using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenTalk.Host.Tests.WebE2E;

/// <summary>
/// The administration page per node: how long it runs, its shards, the projections' lag and last errors; an
/// administrator removes one person from a running meeting and then ends it, each asked first, and the people in it
/// see it happen.
/// </summary>
public sealed class WebAdminTests : WebTest
{
    [Fact]
    public async Task An_admin_removes_a_participant_and_ends_the_meeting_from_the_node_and_the_people_in_it_see_it()
    {
        var adminApi = await Stack.Node.AsAdminAsync();
        await adminApi.CreateAccountAsync("ada", "password-ada", "Ada Admin", isAdmin: true);
        var (mona, uwe) = await MonaAndUweInAsync("Standup");
        var room = (await adminApi.GetClusterAsync()).GetProperty("hosted_meetings").EnumerateArray().Single().GetGuid();

        var ada = await Stack.OpenAsync();
        var asked = new List<string>();
        var answers = new Queue<bool>();
        ada.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            if (answers.Count > 0 && answers.Dequeue())
                await dialog.AcceptAsync();
            else
                await dialog.DismissAsync();
        };
        await SignInAsync(ada, "ada");
        await ada.GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
        var node = ada.GetByRole(AriaRole.Region, new() { Name = "Node akka.tcp://" });
        await Expect(node.GetByText(new System.Text.RegularExpressions.Regex(@"Running since .+ \(\d+ (s|min \d+ s)\)\."))).ToBeVisibleAsync();
        await Expect(node.GetByRole(AriaRole.Table, new() { Name = "Shard regions" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "meeting" }))
            .ToContainTextAsync("meeting");
        await Expect(node.GetByRole(AriaRole.Table, new() { Name = "Projection lag" }).GetByRole(AriaRole.Cell, new() { Name = "room_history" }))
            .ToBeVisibleAsync(Slow);

        // Uwe is removed (asked first); he sees it, Mona stays.
        await node.GetByRole(AriaRole.Button, new() { Name = $"Show who is in room {room}" }).ClickAsync();
        await Expect(node.GetByText("Mona", new() { Exact = true })).ToBeVisibleAsync();
        answers.Enqueue(true);
        await node.GetByRole(AriaRole.Button, new() { Name = "Remove Uwe from the meeting" }).ClickAsync();
        await Expect(node.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uwe was removed from the meeting.");
        Assert.Equal($"Remove Uwe from the meeting in room {room}?", asked[^1]);
        await Expect(uwe.GetByRole(AriaRole.Heading, new() { Name = "A moderator removed you from the meeting." })).ToBeVisibleAsync();
        await Expect(node.GetByRole(AriaRole.Button, new() { Name = "Remove Uwe from the meeting" })).ToBeHiddenAsync();
        await Expect(mona.GetByRole(AriaRole.Navigation, new() { Name = "Meeting controls" })).ToBeVisibleAsync();

        // Ending is asked first: said no to, nothing happens; said yes to, Mona's meeting ends.
        answers.Enqueue(false);
        await node.GetByRole(AriaRole.Button, new() { Name = $"End the meeting in room {room}" }).ClickAsync();
        Assert.Equal($"End the meeting in room {room}? Everyone in it and in its waiting room is removed.", asked[^1]);
        await Expect(mona.GetByRole(AriaRole.Navigation, new() { Name = "Meeting controls" })).ToBeVisibleAsync();
        answers.Enqueue(true);
        await node.GetByRole(AriaRole.Button, new() { Name = $"End the meeting in room {room}" }).ClickAsync();
        await Expect(node.GetByRole(AriaRole.Status)).ToHaveTextAsync($"The meeting in room {room} has ended.");
        await Expect(mona.GetByRole(AriaRole.Heading, new() { Name = "A moderator removed you from the meeting." })).ToBeVisibleAsync();

        // Both actions are in the record, with who did them.
        var record = ada.GetByRole(AriaRole.Region, new() { Name = "Administrators' actions" });
        await Expect(record.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ended a meeting" })).ToContainTextAsync("Ada Admin", new() { Timeout = 15_000 });
        await Expect(record.GetByRole(AriaRole.Row).Filter(new() { HasText = "Removed a participant" })).ToContainTextAsync(room.ToString());
        await WebStack.ScreenshotAsync(ada, "admin-node");
        var violations = await WebStack.AccessibilityViolationsAsync(ada);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
