using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>Timers and coffee breaks through the real Host, on Postgres, including a restart.</summary>
public sealed class TimerTests : RoomTest
{
    protected override string[] NodeArguments => ["--OpenTalk:ResumeWindowSeconds", "60"];

    [Fact]
    public async Task A_coffee_break_with_a_ready_check_runs_until_the_moderator_stops_it()
    {
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var user = await Participant.JoinAsync(Node, Room, await Node.NewUserAsync("uma"), "Uma");

        await user.Socket.SendAsync("timer", "start", new { kind = "countdown", duration = 300, style = "coffee-break" });
        Assert.Equal("insufficient_permissions", (await user.Socket.WaitForAsync(m => m.Message == "error")).Error);

        await owner.Socket.SendAsync("timer", "start", new { kind = "countdown", duration = 300, style = "coffee-break", title = "Coffee", enable_ready_check = true });
        var started = (await user.Socket.WaitForAsync("timer", "started")).Payload; // flat, as OpenTalk's apps read it
        Assert.Equal("coffee-break", started.GetProperty("style").GetString());
        Assert.True(started.GetProperty("ready_check_enabled").GetBoolean());
        var timerId = started.GetProperty("timer_id").GetGuid();
        var endsAt = started.GetProperty("ends_at").GetDateTimeOffset();
        Assert.Equal(300, (endsAt - started.GetProperty("started_at").GetDateTimeOffset()).TotalSeconds, 3);

        await user.Socket.SendAsync("timer", "update_ready_status", new { timer_id = timerId, status = true });
        var ready = await owner.Socket.WaitForAsync("timer", "updated_ready_status");
        Assert.Equal(user.Id, ready.Payload.GetProperty("participant_id").GetGuid());

        // Someone joining during the break sees it (not ready themselves yet), and who is ready among the others.
        var late = await Participant.JoinAsync(Node, Room, await Node.NewUserAsync("lea"), "Lea");
        var timer = late.JoinSuccess.GetProperty("timer");
        Assert.Equal(timerId, timer.GetProperty("timer_id").GetGuid());
        Assert.Equal("coffee-break", timer.GetProperty("style").GetString());
        Assert.False(timer.GetProperty("ready_status").GetBoolean());
        var readiness = late.JoinSuccess.GetProperty("participants").EnumerateArray()
            .ToDictionary(p => p.GetProperty("id").GetGuid(), p => p.GetProperty("timer").GetProperty("ready_status").GetBoolean());
        Assert.Equal(new Dictionary<Guid, bool> { [owner.Id] = false, [user.Id] = true }, readiness);

        await owner.Socket.SendAsync("timer", "stop", new { timer_id = timerId });
        var stopped = (await late.Socket.WaitForAsync("timer", "stopped")).Payload;
        Assert.Equal(("by_moderator", owner.Id), (stopped.GetProperty("kind").GetString(), stopped.GetProperty("participant_id").GetGuid()));
        foreach (var p in new[] { owner, user, late })
            await p.Socket.DisposeAsync();
    }

    [Fact]
    public async Task A_running_countdown_survives_a_restart_and_still_expires_once()
    {
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        await owner.Socket.SendAsync("timer", "start", new { kind = "countdown", duration = 8, title = "Quick" });
        var config = (await owner.Socket.WaitForAsync("timer", "started")).Payload;
        var endsAt = config.GetProperty("ends_at").GetDateTimeOffset();

        var restart = RestartAsync();
        await owner.Socket.WaitForCloseAsync();
        await restart;

        var back = await Participant.JoinAsync(Node, Room, Olga, "Olga", owner.Resumption);
        var timer = back.JoinSuccess.GetProperty("timer");
        Assert.Equal(endsAt, timer.GetProperty("ends_at").GetDateTimeOffset());

        var stopped = await back.Socket.WaitForAsync("timer", "stopped", TimeSpan.FromSeconds(30));
        Assert.Equal("expired", stopped.Payload.GetProperty("kind").GetString());
        Assert.True(DateTimeOffset.UtcNow >= endsAt);

        var journal = (await Olga.GetAuditEventsAsync(Room)).GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "meeting.timer_stopped.v1").ToList();
        Assert.Single(journal);
        await back.Socket.DisposeAsync();
    }
}
