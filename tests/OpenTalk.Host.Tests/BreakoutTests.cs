using System.Text.Json;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>Breakout rooms through the real Host, on Postgres.</summary>
public sealed class BreakoutTests : RoomTest
{
    [Fact]
    public async Task Participants_go_to_their_room_chat_apart_and_come_back_when_the_moderator_stops()
    {
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var annApi = await Node.NewUserAsync("ann");
        var benApi = await Node.NewUserAsync("ben");
        var ann = await Participant.JoinAsync(Node, Room, annApi, "Ann");
        var ben = await Participant.JoinAsync(Node, Room, benApi, "Ben");

        await owner.Socket.SendAsync("breakout", "start", new
        {
            rooms = new object[] { new { name = "Red", assignments = new[] { ann.Id } }, new { name = "Blue", assignments = new[] { ben.Id } } },
        });
        var started = await ann.Socket.WaitForAsync("breakout", "started");
        var red = started.Payload.GetProperty("assignment").GetGuid();
        var blue = (await ben.Socket.WaitForAsync("breakout", "started")).Payload.GetProperty("assignment").GetGuid();
        Assert.NotEqual(red, blue);

        // Ann may not go to Blue; she leaves the main room for Red, Ben for Blue.
        var refused = await Assert.ThrowsAsync<OpenTalkApiException>(() => annApi.StartAsync(Room, breakoutRoom: blue));
        Assert.Equal(ProblemCodes.NotAssigned, refused.Code);
        await ann.Socket.SendAsync("control", "leave");
        await ben.Socket.SendAsync("control", "leave");
        var annInRed = await Participant.JoinWithTicketAsync(Node, await annApi.StartAsync(Room, breakoutRoom: red), "Ann");
        Assert.Equal(red, annInRed.JoinSuccess.GetProperty("breakout").GetProperty("current").GetGuid());
        Assert.Equal(Room, annInRed.JoinSuccess.GetProperty("breakout").GetProperty("main_room").GetGuid());
        // OpenTalk's app maps breakout.participants on every join and throws when it is missing.
        Assert.Equal(JsonValueKind.Array, annInRed.JoinSuccess.GetProperty("breakout").GetProperty("participants").ValueKind);
        var benInBlue = await Participant.JoinWithTicketAsync(Node, await benApi.StartAsync(Room, breakoutRoom: blue), "Ben");

        // The moderator visits Red; chat there stays there.
        var visit = await Participant.JoinWithTicketAsync(Node, await Olga.StartAsync(Room, breakoutRoom: red), "Olga");
        await annInRed.Socket.SendAsync("chat", "send_message", new { content = "red only" });
        Assert.Equal("red only", (await visit.Socket.WaitForAsync("chat", "message_sent")).Payload.GetProperty("content").GetString());
        await benInBlue.Socket.SendAsync("chat", "send_message", new { content = "blue marker" });
        var seenInBlue = new List<ServerMessage>();
        await benInBlue.Socket.WaitForAsync(m =>
        {
            seenInBlue.Add(m);
            return m.Message == "message_sent";
        });
        Assert.DoesNotContain(seenInBlue, m => m.Raw.Contains("red only", StringComparison.Ordinal));

        await owner.Socket.SendAsync("breakout", "stop");
        await owner.Socket.WaitForAsync("breakout", "stopped");
        await annInRed.Socket.WaitForAsync("breakout", "stopped");
        await annInRed.Socket.WaitForCloseAsync();
        Assert.Equal("breakout_ended", annInRed.Socket.CloseReason);
        await benInBlue.Socket.WaitForCloseAsync();

        // Back in the main room.
        var annBack = await Participant.JoinAsync(Node, Room, annApi, "Ann");
        Assert.Contains(annBack.JoinSuccess.GetProperty("participants").EnumerateArray(), p => p.GetProperty("id").GetGuid() == owner.Id);
        await Assert.ThrowsAsync<OpenTalkApiException>(() => annApi.StartAsync(Room, breakoutRoom: red));
        foreach (var p in new[] { owner, annBack, visit })
            await p.Socket.DisposeAsync();
    }
}
