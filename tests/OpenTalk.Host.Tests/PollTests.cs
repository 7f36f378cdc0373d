using System.Text.Json;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>Polls through the real Host, on Postgres, including a restart while a poll runs.</summary>
public sealed class PollTests : RoomTest
{
    protected override string[] NodeArguments => ["--OpenTalk:ResumeWindowSeconds", "60"];

    private static int[] Counts(ServerMessage m) =>
        [.. m.Payload.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("count").GetInt32())];

    [Fact]
    public async Task A_live_poll_shows_results_as_votes_come_in_and_a_hidden_one_only_at_the_end()
    {
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var user = await Participant.JoinAsync(Node, Room, await Node.NewUserAsync("uma"), "Uma");

        await owner.Socket.SendAsync("polls", "start", new { topic = "Lunch?", live = true, multiple_choice = false, choices = new[] { "Pizza", "Salad" }, duration = 120 });
        var pollId = (await user.Socket.WaitForAsync("polls", "started")).Payload.GetProperty("id").GetGuid();
        await user.Socket.SendAsync("polls", "vote", new { poll_id = pollId, choices = new[] { 1 } });
        Assert.Equal(new[] { 0, 1 }, Counts(await owner.Socket.WaitForAsync("polls", "live_update")));
        await user.Socket.SendAsync("polls", "vote", new { poll_id = pollId, choices = new[] { 0 } });
        Assert.Equal("already_voted", (await user.Socket.WaitForAsync(m => m.Message == "error")).Error);
        await owner.Socket.SendAsync("polls", "finish", new { id = pollId });
        var done = await user.Socket.WaitForAsync("polls", "done");
        Assert.Equal(new[] { 0, 1 }, Counts(done));

        await owner.Socket.SendAsync("polls", "start", new { topic = "Secret?", live = false, choices = new[] { "Yes", "No" }, duration = 120 });
        var hidden = (await user.Socket.WaitForAsync("polls", "started")).Payload.GetProperty("id").GetGuid();
        await user.Socket.SendAsync("polls", "vote", new { poll_id = hidden, choice_id = 0 });
        // A hidden poll confirms nothing to the room: wait until the vote is in the journal, then finish it from the
        // other socket (otherwise the two messages race through different connections).
        await Poll.UntilAsync(async () => (await Olga.GetAuditEventsAsync(Room)).GetProperty("events").EnumerateArray()
            .Count(e => e.GetProperty("type").GetString() == "meeting.poll_vote_cast.v1"), n => n >= 2);
        await owner.Socket.SendAsync("polls", "finish", new { id = hidden });
        var seenByOwner = new List<ServerMessage>();
        var hiddenDone = await owner.Socket.WaitForAsync(m =>
        {
            seenByOwner.Add(m);
            return m.Message == "done" && m.Payload.GetProperty("id").GetGuid() == hidden;
        });
        Assert.Equal(new[] { 1, 0 }, Counts(hiddenDone));
        Assert.DoesNotContain(seenByOwner, m => m.Message == "live_update" && m.Payload.GetProperty("id").GetGuid() == hidden);

        var journal = (await Olga.GetAuditEventsAsync(Room)).GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "meeting.poll_finished.v1")
            .Select(e => e.GetProperty("data").GetProperty("tally").EnumerateArray().Select(x => x.GetInt32()).ToArray()).ToList();
        Assert.Equal([[0, 1], [1, 0]], journal);
        await owner.Socket.DisposeAsync();
        await user.Socket.DisposeAsync();
    }

    [Fact]
    public async Task Several_choices_count_when_voted_as_OpenTalks_apps_send_them()
    {
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        await owner.Socket.SendAsync("polls", "start", new { topic = "Which days?", live = true, multiple_choice = true, choices = new[] { "Mon", "Tue", "Wed" }, duration = 120 });
        var pollId = (await owner.Socket.WaitForAsync("polls", "started")).Payload.GetProperty("id").GetGuid();

        await owner.Socket.SendAsync("polls", "vote", new { poll_id = pollId, choice_ids = new[] { 0, 2 } });
        Assert.Equal(new[] { 1, 0, 1 }, Counts(await owner.Socket.WaitForAsync("polls", "live_update")));
        await owner.Socket.DisposeAsync();
    }

    [Fact]
    public async Task A_running_poll_survives_a_restart_and_closes_once_when_its_time_is_up()
    {
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        await owner.Socket.SendAsync("polls", "start", new { topic = "Quick?", live = true, choices = new[] { "A", "B" }, duration = 8 });
        var started = (await owner.Socket.WaitForAsync("polls", "started")).Payload;
        var pollId = started.GetProperty("id").GetGuid();
        await owner.Socket.SendAsync("polls", "vote", new { poll_id = pollId, choices = new[] { 0 } });
        await owner.Socket.WaitForAsync("polls", "live_update");

        var restart = RestartAsync();
        await owner.Socket.WaitForCloseAsync();
        await restart;

        var back = await Participant.JoinAsync(Node, Room, Olga, "Olga", owner.Resumption);
        var polls = back.JoinSuccess.GetProperty("polls");
        Assert.Equal(pollId, polls.GetProperty("id").GetGuid()); // flat, as OpenTalk's apps read it
        Assert.Equal(started.GetProperty("choices").ToString(), polls.GetProperty("choices").ToString());
        Assert.Equal(JsonValueKind.String, polls.GetProperty("started").ValueKind);
        Assert.Equal([0], polls.GetProperty("my_choices").EnumerateArray().Select(c => c.GetInt32()));

        var done = await back.Socket.WaitForAsync("polls", "done", TimeSpan.FromSeconds(30));
        Assert.Equal(new[] { 1, 0 }, Counts(done));
        Assert.Equal("expired", done.Payload.GetProperty("reason").GetString());
        var finished = (await Olga.GetAuditEventsAsync(Room)).GetProperty("events").EnumerateArray()
            .Count(e => e.GetProperty("type").GetString() == "meeting.poll_finished.v1");
        Assert.Equal(1, finished);
        await back.Socket.DisposeAsync();
    }
}
