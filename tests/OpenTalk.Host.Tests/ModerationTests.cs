using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>Moderation through the real Host and sockets, on Postgres.</summary>
public sealed class ModerationTests : RoomTest
{
    private OpenTalkApi _uma = null!;
    private string _invite = null!;

    private async Task<Participant> InviteGuestAsync(string name) =>
        await Participant.JoinWithTicketAsync(Node, await Node.Anonymous().StartInvitedAsync(Room, _invite), name);

    protected override async Task ArrangeAsync()
    {
        _uma = await Node.NewUserAsync("uma");
        _invite = (await Olga.CreateInviteAsync(Room)).InviteCode;
    }

    [Fact]
    public async Task A_kicked_participant_is_told_and_disconnected_and_the_others_see_why()
    {
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var user = await Participant.JoinAsync(Node, Room, _uma, "Uma");

        await owner.Socket.SendAsync("moderation", "kick", new { target = user.Id });
        await user.Socket.WaitForAsync("moderation", "kicked");
        await user.Socket.WaitForCloseAsync();
        Assert.Equal("kicked", user.Socket.CloseReason);
        var left = await owner.Socket.WaitForAsync("control", "left");
        Assert.Equal("kicked", left.Payload.GetProperty("reason").GetString());

        // Kicked is not banned: coming back works.
        var back = await Participant.JoinAsync(Node, Room, _uma, "Uma");
        await back.Socket.DisposeAsync();
        await owner.Socket.DisposeAsync();
    }

    [Fact]
    public async Task A_banned_guest_takes_everyone_on_the_same_invite_along_and_cannot_return_until_the_session_ends()
    {
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var gus = await InviteGuestAsync("Gus");
        var gwen = await InviteGuestAsync("Gwen");

        await owner.Socket.SendAsync("moderation", "ban", new { target = gus.Id });
        await gus.Socket.WaitForAsync("moderation", "banned");
        await gwen.Socket.WaitForAsync("moderation", "banned");
        await gus.Socket.WaitForCloseAsync();
        await gwen.Socket.WaitForCloseAsync();
        var refused = await Assert.ThrowsAsync<OpenTalkApiException>(() => Node.Anonymous().StartInvitedAsync(Room, _invite));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(ProblemCodes.Banned, refused.Code);

        // The owner leaves: the session is over, and so is the ban.
        await owner.Socket.SendAsync("control", "leave");
        await owner.Socket.WaitForCloseAsync();
        var again = await InviteGuestAsync("Gus");
        await again.Socket.DisposeAsync();
    }

    [Fact]
    public async Task Sent_to_the_waiting_room_a_user_waits_until_accepted_and_then_enters_again()
    {
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var user = await Participant.JoinAsync(Node, Room, _uma, "Uma");

        await owner.Socket.SendAsync("moderation", "send_to_waiting_room", new { target = user.Id });
        await user.Socket.WaitForAsync("moderation", "sent_to_waiting_room");
        await user.Socket.WaitForAsync("moderation", "in_waiting_room");
        Assert.Equal("sent_to_waiting_room", (await owner.Socket.WaitForAsync("control", "left")).Payload.GetProperty("reason").GetString());
        await owner.Socket.WaitForAsync("moderation", "joined_waiting_room");

        await owner.Socket.SendAsync("moderation", "accept_all");
        await user.Socket.WaitForAsync("moderation", "accepted");
        await user.Socket.SendAsync("control", "enter_room");
        Assert.Equal(user.Id, (await user.Socket.WaitForAsync("control", "join_success")).Payload.GetProperty("id").GetGuid());
        await owner.Socket.WaitForAsync("control", "joined");
        await owner.Socket.DisposeAsync();
        await user.Socket.DisposeAsync();
    }

    [Fact]
    public async Task A_debrief_removes_guests_and_turns_the_waiting_room_on_for_the_next_ones()
    {
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var user = await Participant.JoinAsync(Node, Room, _uma, "Uma");
        var guest = await InviteGuestAsync("Gus");

        await owner.Socket.SendAsync("moderation", "debrief", new { kick_scope = "guests" });
        await user.Socket.WaitForAsync("moderation", "debriefing_started");
        await user.Socket.WaitForAsync("moderation", "waiting_room_enabled");
        await guest.Socket.WaitForAsync("moderation", "kicked");
        Assert.Equal(guest.Id, (await user.Socket.WaitForAsync("control", "left")).Payload.GetProperty("id").GetGuid());

        await using var late = await Node.ConnectAsync((await Node.Anonymous().StartInvitedAsync(Room, _invite)).Ticket);
        await late.JoinAsync("Late");
        await late.WaitForAsync("moderation", "in_waiting_room");
        await owner.Socket.DisposeAsync();
        await user.Socket.DisposeAsync();
    }

    [Fact]
    public async Task Hands_names_and_mute_requests_follow_the_moderator()
    {
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var user = await Participant.JoinAsync(Node, Room, _uma, "Uma");
        var guest = await InviteGuestAsync("Gus");

        await user.Socket.SendAsync("control", "raise_hand");
        await owner.Socket.WaitForAsync(m => m.Message == "update" && m.Payload.GetProperty("control").GetProperty("hand_is_up").GetBoolean());
        await owner.Socket.SendAsync("moderation", "disable_raise_hands");
        await user.Socket.WaitForAsync("moderation", "raise_hands_disabled");
        await user.Socket.WaitForAsync("moderation", "raised_hand_reset_by_moderator");
        await guest.Socket.SendAsync("control", "raise_hand");
        Assert.Equal("raise_hands_disabled", (await guest.Socket.WaitForAsync(m => m.Message == "error")).Error);

        await owner.Socket.SendAsync("moderation", "change_display_name", new { target = guest.Id, new_name = "Gustav" });
        var renamed = await guest.Socket.WaitForAsync("moderation", "display_name_changed");
        Assert.Equal("Gus", renamed.Payload.GetProperty("old_name").GetString());
        Assert.Equal("Gustav", (await user.Socket.WaitForAsync(m => m.Message == "update"
            && m.Payload.GetProperty("id").GetGuid() == guest.Id)).Payload.GetProperty("control").GetProperty("display_name").GetString());
        await owner.Socket.SendAsync("moderation", "change_display_name", new { target = user.Id, new_name = "Nope" });
        Assert.Equal("only_guests_can_be_renamed", (await owner.Socket.WaitForAsync(m => m.Message == "error")).Error);

        await owner.Socket.SendAsync("moderation", "mute", new { targets = Array.Empty<Guid>(), force = true });
        var mute = await user.Socket.WaitForAsync("media", "request_mute");
        Assert.Equal(owner.Id, mute.Payload.GetProperty("issuer").GetGuid());
        await guest.Socket.WaitForAsync("media", "request_mute");

        // And none of it is open to a non-moderator.
        await user.Socket.SendAsync("moderation", "kick", new { target = guest.Id });
        Assert.Equal("insufficient_permissions", (await user.Socket.WaitForAsync(m => m.Message == "error")).Error);
        foreach (var p in new[] { owner, user, guest })
            await p.Socket.DisposeAsync();
    }
}
