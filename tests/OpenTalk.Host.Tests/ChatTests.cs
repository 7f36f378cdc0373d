using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>Chat through the real Host and sockets, on Postgres.</summary>
public sealed class ChatTests : RoomTest
{
    private static Task Say(Participant p, string content, string scope = "global", object? target = null) =>
        p.Socket.SendAsync("chat", "send_message", new { content, scope, target });

    [Fact]
    public async Task Global_private_and_group_messages_reach_exactly_their_audience()
    {
        var admin = await Node.AsAdminAsync();
        await admin.CreateAccountAsync("sam", "password-sam", "Sam", groups: ["staff"]);
        await admin.CreateAccountAsync("sue", "password-sue", "Sue", groups: ["staff"]);
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var sam = await Participant.JoinAsync(Node, Room, await Node.AsAsync("sam", "password-sam"), "Sam");
        var sue = await Participant.JoinAsync(Node, Room, await Node.AsAsync("sue", "password-sue"), "Sue");
        var guest = await GuestAsync("Gus");

        await Say(sam, "hello all");
        foreach (var p in new[] { owner, sam, sue, guest })
            Assert.Equal("hello all", (await p.Socket.WaitForAsync("chat", "message_sent")).Payload.GetProperty("content").GetString());

        await Say(sam, "psst", "private", guest.Id);
        await Say(sam, "staff only", "group", "staff");
        await Say(sam, "marker"); // from the same socket, so it reaches the room after the two before
        var toGuest = await guest.Socket.WaitForAsync("chat", "message_sent");
        Assert.Equal("psst", toGuest.Payload.GetProperty("content").GetString());
        Assert.Equal("marker", (await guest.Socket.WaitForAsync("chat", "message_sent")).Payload.GetProperty("content").GetString());
        Assert.Equal("staff only", (await sue.Socket.WaitForAsync("chat", "message_sent")).Payload.GetProperty("content").GetString());
        // The owner is in neither conversation: the next message it sees is the marker.
        Assert.Equal("marker", (await owner.Socket.WaitForAsync("chat", "message_sent")).Payload.GetProperty("content").GetString());

        await guest.Socket.SendAsync("chat", "send_message", new { content = "let me in", scope = "group", target = "staff" });
        Assert.Equal("not_in_group", (await guest.Socket.WaitForAsync(m => m.Message == "error")).Error);
        foreach (var p in new[] { owner, sam, sue, guest })
            await p.Socket.DisposeAsync();
    }

    [Fact]
    public async Task A_late_joiner_gets_recent_history_pages_back_and_searches()
    {
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        // Four senders, so nobody exceeds the per-socket rate limit.
        Participant[] senders = [owner, await GuestAsync("A"), await GuestAsync("B"), await GuestAsync("C")];
        for (var i = 0; i < 105; i++)
        {
            await Say(senders[i % senders.Length], $"message {i}");
            await owner.Socket.WaitForAsync(m => m.Message == "message_sent" && m.Payload.GetProperty("content").GetString() == $"message {i}");
        }
        var late = await GuestAsync("Late");
        var chat = late.JoinSuccess.GetProperty("chat");
        var history = chat.GetProperty("room_history").EnumerateArray().ToList();
        Assert.Equal(100, history.Count);
        Assert.Equal("message 104", history[^1].GetProperty("content").GetString());
        Assert.True(chat.GetProperty("has_more_history").GetBoolean());

        await late.Socket.SendAsync("chat", "get_history_chunk", new { before = history[0].GetProperty("id").GetGuid(), count = 50 });
        var chunk = await late.Socket.WaitForAsync("chat", "history_chunk");
        Assert.Equal(["message 0", "message 1", "message 2", "message 3", "message 4"],
            chunk.Payload.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").GetString()));
        Assert.False(chunk.Payload.GetProperty("has_more").GetBoolean());

        await late.Socket.SendAsync("chat", "search_history", new { query = "MESSAGE 10" });
        var found = await late.Socket.WaitForAsync("chat", "search_results");
        Assert.Contains(found.Payload.GetProperty("messages").EnumerateArray(), m => m.GetProperty("content").GetString() == "message 104");
        foreach (var p in senders.Append(late))
            await p.Socket.DisposeAsync();
    }

    [Fact]
    public async Task Moderators_switch_and_clear_the_chat_and_the_audit_trail_keeps_it()
    {
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var guest = await GuestAsync("Gus");
        await Say(guest, "first");
        await owner.Socket.WaitForAsync("chat", "message_sent");

        await guest.Socket.SendAsync("chat", "clear_history");
        Assert.Equal("insufficient_permissions", (await guest.Socket.WaitForAsync(m => m.Message == "error")).Error);
        await owner.Socket.SendAsync("chat", "disable_chat");
        await guest.Socket.WaitForAsync("chat", "chat_disabled");
        await Say(guest, "second");
        Assert.Equal("chat_disabled", (await guest.Socket.WaitForAsync(m => m.Message == "error")).Error);
        await owner.Socket.SendAsync("chat", "enable_chat");
        await guest.Socket.WaitForAsync("chat", "chat_enabled");
        await owner.Socket.SendAsync("chat", "clear_history");
        await guest.Socket.WaitForAsync("chat", "history_cleared");

        var late = await GuestAsync("Late");
        Assert.Empty(late.JoinSuccess.GetProperty("chat").GetProperty("room_history").EnumerateArray());
        var journal = (await Olga.GetAuditEventsAsync(Room)).GetProperty("events").EnumerateArray();
        Assert.Contains(journal, e => e.GetProperty("type").GetString() == "meeting.chat_message_posted.v1"
            && e.GetProperty("data").GetProperty("content").GetString() == "first");
        foreach (var p in new[] { owner, guest, late })
            await p.Socket.DisposeAsync();
    }

    [Fact]
    public async Task Last_seen_markers_come_back_on_resumption()
    {
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var seen = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        await owner.Socket.SendAsync("chat", "set_last_seen_timestamp", new { scope = "global", timestamp = seen });
        await owner.Socket.SendAsync("echo", "ping");
        await owner.Socket.WaitForAsync("echo", "pong");
        await Task.Delay(300); // the marker is written after the ping was answered
        owner.Socket.Abort();

        var back = await Participant.JoinAsync(Node, Room, Olga, "Olga", owner.Resumption);
        var markers = back.JoinSuccess.GetProperty("chat").GetProperty("last_seen_timestamps");
        Assert.Equal(seen, markers.GetProperty("global").GetDateTimeOffset());
        await back.Socket.DisposeAsync();
    }
}
