using System.Text.Json;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>The core meeting flow through the real Host and WebSocket, on Postgres.</summary>
public sealed class MeetingFlowTests : IAsyncLifetime
{
    private TestNode _node = null!;
    private string _postgres = null!;

    public async Task InitializeAsync()
    {
        _postgres = await TestDatabase.CreateAsync();
        _node = await TestNode.StartAsync(_postgres);
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Two_participants_see_each_other_raise_a_hand_drop_resume_and_leave()
    {
        var olga = await _node.NewUserAsync("olga");
        var uma = await _node.NewUserAsync("uma");
        var room = await olga.CreateRoomAsync(new CreateRoomRequest(null));

        var owner = await Participant.JoinAsync(_node, room.Id, olga, "Olga");
        Assert.Equal("moderator", owner.JoinSuccess.GetProperty("role").GetString());
        Assert.True(owner.JoinSuccess.GetProperty("is_room_owner").GetBoolean());

        var user = await Participant.JoinAsync(_node, room.Id, uma, "Uma");
        var seen = user.JoinSuccess.GetProperty("participants").EnumerateArray().Single();
        Assert.Equal(owner.Id, seen.GetProperty("id").GetGuid());
        Assert.Equal("Olga", seen.GetProperty("control").GetProperty("display_name").GetString());
        var joined = await owner.Socket.WaitForAsync("control", "joined");
        Assert.Equal(user.Id, joined.Payload.GetProperty("id").GetGuid());

        await user.Socket.SendAsync("control", "raise_hand");
        var raised = await owner.Socket.WaitForAsync(m => m.Message == "update" && Control(m).GetProperty("hand_is_up").GetBoolean());
        Assert.Equal(user.Id, raised.Payload.GetProperty("id").GetGuid());

        // The network drops: others see the participant as disconnected, not gone.
        user.Socket.Abort();
        var dropped = await owner.Socket.WaitForAsync(m => m.Message == "update" && !Control(m).GetProperty("is_connected").GetBoolean());
        Assert.Equal(user.Id, dropped.Payload.GetProperty("id").GetGuid());

        // Resuming within the window keeps the id and the raised hand.
        var resumed = await Participant.JoinAsync(_node, room.Id, uma, "Uma", user.Resumption);
        Assert.Equal(user.Id, resumed.Id);
        Assert.True(resumed.JoinSuccess.GetProperty("resumed").GetBoolean());
        await owner.Socket.WaitForAsync(m => m.Message == "update" && Control(m).GetProperty("is_connected").GetBoolean());

        await resumed.Socket.SendAsync("control", "leave");
        var left = await owner.Socket.WaitForAsync("control", "left");
        Assert.Equal(user.Id, left.Payload.GetProperty("id").GetGuid());
        Assert.Equal("quit", left.Payload.GetProperty("reason").GetString());
        await resumed.Socket.WaitForCloseAsync();
        Assert.Equal("left", resumed.Socket.CloseReason);
        await owner.Socket.DisposeAsync();
    }

    [Fact]
    public async Task A_participant_who_does_not_come_back_leaves_with_timeout_after_the_window()
    {
        var olga = await _node.NewUserAsync("olga");
        var room = await olga.CreateRoomAsync(new CreateRoomRequest(null));
        var owner = await Participant.JoinAsync(_node, room.Id, olga, "Olga");
        var invite = await olga.CreateInviteAsync(room.Id);
        var guest = await Participant.JoinWithTicketAsync(_node, await _node.Anonymous().StartInvitedAsync(room.Id, invite.InviteCode), "Gus");
        Assert.Equal("guest", guest.JoinSuccess.GetProperty("role").GetString());

        guest.Socket.Abort();
        var left = await owner.Socket.WaitForAsync("control", "left", TimeSpan.FromSeconds(20));
        Assert.Equal(guest.Id, left.Payload.GetProperty("id").GetGuid());
        Assert.Equal("timeout", left.Payload.GetProperty("reason").GetString());
        await owner.Socket.DisposeAsync();
    }

    [Fact]
    public async Task A_guest_with_the_password_waits_until_a_moderator_accepts_then_enters()
    {
        var olga = await _node.NewUserAsync("olga");
        var room = await olga.CreateRoomAsync(new CreateRoomRequest("open sesame", WaitingRoom: true));
        var owner = await Participant.JoinAsync(_node, room.Id, olga, "Olga");
        var invite = await olga.CreateInviteAsync(room.Id);
        var anonymous = _node.Anonymous();

        var verified = await anonymous.VerifyInviteAsync(invite.InviteCode);
        Assert.Equal(room.Id, verified.RoomId);
        Assert.True(verified.PasswordRequired);
        var wrong = await Assert.ThrowsAsync<OpenTalkApiException>(() => anonymous.StartInvitedAsync(room.Id, invite.InviteCode, "guess"));
        Assert.Equal(ProblemCodes.WrongRoomPassword, wrong.Code);

        var ticket = await anonymous.StartInvitedAsync(room.Id, invite.InviteCode, "open sesame");
        await using var guest = await _node.ConnectAsync(ticket.Ticket);
        await guest.JoinAsync("Gus");
        await guest.WaitForAsync("moderation", "in_waiting_room");
        var waiting = await owner.Socket.WaitForAsync("moderation", "joined_waiting_room");
        var guestId = waiting.Payload.GetProperty("id").GetGuid();

        await guest.SendAsync("control", "enter_room");
        Assert.Equal("not_accepted", (await guest.WaitForAsync("control", "error")).Error);

        await owner.Socket.SendAsync("moderation", "accept", new { target = guestId });
        await guest.WaitForAsync("moderation", "accepted");
        await guest.SendAsync("control", "enter_room");
        var success = await guest.WaitForAsync("control", "join_success");
        Assert.Equal(guestId, success.Payload.GetProperty("id").GetGuid());
        Assert.Equal(guestId, (await owner.Socket.WaitForAsync("control", "joined")).Payload.GetProperty("id").GetGuid());
        await owner.Socket.DisposeAsync();
    }

    [Fact]
    public async Task After_a_restart_the_history_is_unchanged_and_the_room_is_usable()
    {
        var olga = await _node.NewUserAsync("olga");
        var uma = await _node.NewUserAsync("uma");
        var room = await olga.CreateRoomAsync(new CreateRoomRequest(null));
        var owner = await Participant.JoinAsync(_node, room.Id, olga, "Olga");
        var user = await Participant.JoinAsync(_node, room.Id, uma, "Uma");
        foreach (var _ in Enumerable.Range(0, 4))
        {
            await user.Socket.SendAsync("control", "raise_hand");
            await owner.Socket.WaitForAsync(m => m.Message == "update" && Control(m).GetProperty("hand_is_up").GetBoolean());
            await user.Socket.SendAsync("control", "lower_hand");
            await owner.Socket.WaitForAsync(m => m.Message == "update" && !Control(m).GetProperty("hand_is_up").GetBoolean());
        }
        await owner.Socket.SendAsync("control", "grant_moderator_role", new { target = user.Id });
        await user.Socket.WaitForAsync("control", "role_updated");
        await user.Socket.SendAsync("control", "leave");
        await owner.Socket.WaitForAsync("control", "left");
        await owner.Socket.SendAsync("control", "leave");
        await owner.Socket.WaitForCloseAsync();
        // The session's end has the node store its attendance report, a moment later: the history is complete with it.
        await Poll.UntilAsync(() => olga.ListRoomAssetsAsync(room.Id), assets => assets.Any(a => a.Namespace == "meeting_report"));

        var before = (await olga.GetAuditEventsAsync(room.Id)).GetProperty("events").GetRawText();
        var verifiedBefore = await olga.VerifyAuditAsync(room.Id);
        Assert.True(verifiedBefore.GetProperty("intact").GetBoolean());

        var (dataFolder, url) = (_node.DataFolder, _node.BaseUri);
        await _node.DisposeAsync();
        _node = await TestNode.StartAsync(_postgres, dataFolder, url);

        // Same address, same keys: the token from before the restart is still good.
        var after = (await olga.GetAuditEventsAsync(room.Id)).GetProperty("events");
        Assert.Equal(before, after.GetRawText());
        Assert.Contains(after.EnumerateArray(), e => e.GetProperty("type").GetString() == "meeting.moderator_role_granted.v1");
        var verifiedAfter = await olga.VerifyAuditAsync(room.Id);
        Assert.True(verifiedAfter.GetProperty("intact").GetBoolean());
        Assert.Equal(verifiedBefore.GetProperty("head_hash").GetString(), verifiedAfter.GetProperty("head_hash").GetString());

        var again = await Participant.JoinAsync(_node, room.Id, olga, "Olga");
        Assert.Empty(again.JoinSuccess.GetProperty("participants").EnumerateArray());
        await again.Socket.DisposeAsync();
    }

    [Fact]
    public async Task A_node_shutting_down_closes_sockets_by_name_and_participants_resume_after_the_restart()
    {
        var (dataFolder, url) = (_node.DataFolder, _node.BaseUri);
        await _node.DisposeAsync();
        string[] longWindow = ["--OpenTalk:ResumeWindowSeconds", "60"];
        _node = await TestNode.StartAsync(_postgres, dataFolder, url, longWindow);

        var olga = await _node.NewUserAsync("olga");
        var room = await olga.CreateRoomAsync(new CreateRoomRequest(null));
        var owner = await Participant.JoinAsync(_node, room.Id, olga, "Olga");

        await _node.DisposeAsync();
        await owner.Socket.WaitForCloseAsync();
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, owner.Socket.CloseStatus);
        Assert.Equal("server_shutting_down", owner.Socket.CloseReason);

        _node = await TestNode.StartAsync(_postgres, dataFolder, url, longWindow);
        var back = await Participant.JoinAsync(_node, room.Id, olga, "Olga", owner.Resumption);
        Assert.Equal(owner.Id, back.Id);
        Assert.True(back.JoinSuccess.GetProperty("resumed").GetBoolean());
        await back.Socket.DisposeAsync();
    }

    [Fact]
    public async Task The_room_history_read_model_follows_the_journal()
    {
        var olga = await _node.NewUserAsync("olga");
        var room = await olga.CreateRoomAsync(new CreateRoomRequest(null));
        var owner = await Participant.JoinAsync(_node, room.Id, olga, "Olga");
        await owner.Socket.SendAsync("control", "leave");
        await owner.Socket.WaitForCloseAsync();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement sessions;
        do
        {
            await Task.Delay(200);
            using var response = await olga.SendRawAsync(HttpMethod.Get, $"v1/rooms/{room.Id}/history", null);
            sessions = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("sessions").Clone();
        }
        while ((sessions.GetArrayLength() == 0 || !sessions[0].TryGetProperty("ended_at", out _)) && DateTime.UtcNow < deadline);
        Assert.Equal(owner.Id, sessions[0].GetProperty("participants")[0].GetProperty("participant_id").GetGuid());
        Assert.True(sessions[0].TryGetProperty("ended_at", out _));
    }

    [Fact]
    public async Task The_node_reports_ready_and_publishes_its_openapi_document()
    {
        using var http = new HttpClient { BaseAddress = _node.BaseUri };
        Assert.Contains("ready", await http.GetStringAsync("health/ready"), StringComparison.Ordinal);
        var openApi = await http.GetStringAsync("v1/openapi.json");
        Assert.Contains("/v1/rooms/{roomId}/start", openApi, StringComparison.Ordinal);
    }

    private static JsonElement Control(ServerMessage m) => m.Payload.GetProperty("control");
}
