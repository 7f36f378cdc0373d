using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests;

/// <summary>
/// The whole cluster (here: its one node) stops while a poll and a countdown, or a formal vote and breakout rooms, run,
/// and stays down past their end. Once it is back they end by themselves, at once, although nobody comes back to the
/// room or asks anything of it.
/// </summary>
public sealed class FullRestartTests : RoomTest
{
    [Fact]
    public async Task A_poll_and_a_countdown_that_fell_due_while_everything_was_down_end_once_it_is_back()
    {
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var uma = await Participant.JoinAsync(Node, Room, await Node.NewUserAsync("uma"), "Uma");
        await olga.Socket.SendAsync("polls", "start", new { topic = "Lunch?", live = true, choices = new[] { "Pizza", "Salad" }, duration = 8 });
        var poll = (await uma.Socket.WaitForAsync("polls", "started")).Payload;
        var pollEndsAt = poll.GetProperty("ends_at").GetDateTimeOffset();
        await uma.Socket.SendAsync("polls", "vote", new { poll_id = poll.GetProperty("id").GetGuid(), choices = new[] { 1 } });
        await olga.Socket.WaitForAsync("polls", "live_update");
        await olga.Socket.SendAsync("timer", "start", new { kind = "countdown", duration = 8, style = "normal" });
        var timerEndsAt = (await uma.Socket.WaitForAsync("timer", "started")).Payload.GetProperty("ends_at").GetDateTimeOffset();

        await RestartAsync(whileStopped: async () =>
        {
            var latest = pollEndsAt > timerEndsAt ? pollEndsAt : timerEndsAt;
            await Task.Delay(latest - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2));
        });
        var restartedAt = DateTimeOffset.UtcNow;

        // Only the journal is read (the audit reads the table, it does not wake the room).
        var ended = await Poll.UntilAsync(async () => (await Olga.GetAuditEventsAsync(Room)).GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() is "meeting.poll_finished.v1" or "meeting.timer_stopped.v1").ToList(),
            events => events.Count == 2, seconds: 60);
        Assert.Equal(2, ended.Count);
        var pollFinished = ended.Single(e => e.GetProperty("type").GetString() == "meeting.poll_finished.v1");
        Assert.True(pollFinished.GetProperty("occurred_at").GetDateTimeOffset() >= pollEndsAt);
        Assert.Equal("expired", pollFinished.GetProperty("data").GetProperty("reason").GetString());
        Assert.Equal([0, 1], pollFinished.GetProperty("data").GetProperty("tally").EnumerateArray().Select(c => c.GetInt32()));
        var timerStopped = ended.Single(e => e.GetProperty("type").GetString() == "meeting.timer_stopped.v1");
        Assert.Equal("expired", timerStopped.GetProperty("data").GetProperty("kind").GetString());
        Assert.True(timerStopped.GetProperty("occurred_at").GetDateTimeOffset() >= restartedAt.AddSeconds(-1));

        // Nobody came back: the room's session ends after the resume window, and the room leaves memory.
        await Poll.UntilAsync(async () => (await Olga.GetAuditEventsAsync(Room)).GetProperty("events").EnumerateArray()
            .Count(e => e.GetProperty("type").GetString() == "meeting.session_closed.v1"), n => n >= 1, seconds: 60);
        await olga.Socket.DisposeAsync();
        await uma.Socket.DisposeAsync();
    }

    [Fact]
    public async Task A_formal_vote_and_breakout_rooms_that_fell_due_while_everything_was_down_end_once_it_is_back()
    {
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var uma = await Participant.JoinAsync(Node, Room, await Node.NewUserAsync("uma"), "Uma");
        await olga.Socket.SendAsync("legal_vote", "start", new { name = "Budget", kind = "roll_call", allowed_participants = new[] { olga.Id, uma.Id }, duration = 8 });
        var vote = (await uma.Socket.WaitForAsync("legal_vote", "started")).Payload;
        var voteEndsAt = vote.GetProperty("ends_at").GetDateTimeOffset();
        await uma.Socket.SendAsync("legal_vote", "vote", new { legal_vote_id = vote.GetProperty("legal_vote_id").GetGuid(), option = "yes" });
        await olga.Socket.WaitForAsync("legal_vote", "updated");
        await olga.Socket.SendAsync("breakout", "start", new { rooms = new object[] { new { name = "Red", assignments = new[] { uma.Id } } }, duration = 8 });
        var breakoutEndsAt = (await uma.Socket.WaitForAsync("breakout", "started")).Payload.GetProperty("expires").GetDateTimeOffset();

        await RestartAsync(whileStopped: async () =>
        {
            var latest = voteEndsAt > breakoutEndsAt ? voteEndsAt : breakoutEndsAt;
            await Task.Delay(latest - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2));
        });

        var ended = await Poll.UntilAsync(async () => (await Olga.GetAuditEventsAsync(Room)).GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() is "meeting.legal_vote_stopped.v1" or "meeting.breakout_session_ended.v1").ToList(),
            events => events.Count == 2, seconds: 60);
        Assert.Equal(2, ended.Count);
        var voteStopped = ended.Single(e => e.GetProperty("type").GetString() == "meeting.legal_vote_stopped.v1").GetProperty("data");
        Assert.Equal(("expired", 1, 0), (voteStopped.GetProperty("kind").GetString(), voteStopped.GetProperty("yes").GetInt32(), voteStopped.GetProperty("no").GetInt32()));
        var breakoutEnded = ended.Single(e => e.GetProperty("type").GetString() == "meeting.breakout_session_ended.v1");
        Assert.Equal("expired", breakoutEnded.GetProperty("data").GetProperty("reason").GetString());
        Assert.True(breakoutEnded.GetProperty("occurred_at").GetDateTimeOffset() >= breakoutEndsAt);
        await olga.Socket.DisposeAsync();
        await uma.Socket.DisposeAsync();
    }
}
