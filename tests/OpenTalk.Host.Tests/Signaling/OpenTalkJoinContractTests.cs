using System.Text.Json;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests.Signaling;

/// <summary>
/// What OpenTalk's web app needs of <c>join_success</c> and the people list (the controller's signaling of its Janus
/// era): the tariff, participants whose <c>left_at</c> is <c>null</c>, the media module's <c>force_mute</c>, chat's
/// history and last-seen fields; and a socket the client closes normally means that person left.
/// </summary>
public sealed class OpenTalkJoinContractTests : RoomTest
{
    [Fact]
    public async Task Join_success_carries_what_OpenTalks_app_reads_before_it_shows_the_room()
    {
        var olga = await UserAsync("Olga");
        var ben = await UserAsync("Ben");
        var welcome = ben.JoinSuccess;

        var tariff = welcome.GetProperty("tariff");
        Assert.Equal(JsonValueKind.Object, tariff.GetProperty("quotas").ValueKind);
        Assert.Contains("chat", tariff.GetProperty("enabled_modules").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(JsonValueKind.Array, tariff.GetProperty("modules").GetProperty("polls").GetProperty("features").ValueKind);

        var other = Assert.Single(welcome.GetProperty("participants").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, other.GetProperty("control").GetProperty("left_at").ValueKind); // present, null
        Assert.Equal("Olga", other.GetProperty("control").GetProperty("display_name").GetString());

        Assert.Equal(JsonValueKind.Array, welcome.GetProperty("media").GetProperty("speakers").ValueKind); // nobody speaks yet
        var forceMute = welcome.GetProperty("media").GetProperty("force_mute");
        Assert.Equal("disabled", forceMute.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Array, forceMute.GetProperty("allow_list").ValueKind);

        var chat = welcome.GetProperty("chat");
        Assert.Equal(JsonValueKind.Array, chat.GetProperty("room_history").ValueKind);
        Assert.Equal(JsonValueKind.Array, chat.GetProperty("groups_history").ValueKind);
        Assert.Equal(JsonValueKind.Array, chat.GetProperty("private_history").ValueKind);
        Assert.Equal(JsonValueKind.Null, chat.GetProperty("last_seen_timestamp_global").ValueKind);
        Assert.Equal(JsonValueKind.Object, chat.GetProperty("last_seen_timestamps_private").ValueKind);
        Assert.Equal(JsonValueKind.Object, chat.GetProperty("last_seen_timestamps_group").ValueKind);

        // Olga learns of Ben with left_at null too.
        var joined = await olga.Socket.WaitForAsync("control", "joined");
        Assert.Equal(JsonValueKind.Null, joined.Payload.GetProperty("control").GetProperty("left_at").ValueKind);
    }

    [Fact]
    public async Task A_socket_the_client_closes_normally_means_the_person_left_at_once()
    {
        var olga = await UserAsync("Olga");
        var ben = await UserAsync("Ben");
        await olga.Socket.WaitForAsync("control", "joined");

        await ben.Socket.DisposeAsync(); // a normal close (1000), as OpenTalk's app leaves: no control/leave
        var left = await olga.Socket.WaitForAsync("control", "left", TimeSpan.FromSeconds(2)); // well inside the resume window
        Assert.Equal((ben.Id.ToString(), "quit"), (left.Payload.GetProperty("id").GetString(), left.Payload.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task A_dropped_socket_keeps_the_place_for_the_resume_window()
    {
        var olga = await UserAsync("Olga");
        var ben = await UserAsync("Ben");
        await olga.Socket.WaitForAsync("control", "joined");

        ben.Socket.Abort(); // the network is gone: no close handshake
        await Assert.ThrowsAnyAsync<Exception>(() => olga.Socket.WaitForAsync("control", "left", TimeSpan.FromSeconds(1.5)));
        var left = await olga.Socket.WaitForAsync("control", "left", TimeSpan.FromSeconds(10));
        Assert.Equal("timeout", left.Payload.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Whoever_raises_or_lowers_a_hand_is_told_so_and_only_the_others_see_an_update()
    {
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga"); // the owner: a moderator
        var ben = await UserAsync("Ben");
        await olga.Socket.WaitForAsync("control", "joined");
        // Everything Ben hears: nobody gets an update about themselves (OpenTalk's app took one for a remote stream).
        var benHeard = new List<ServerMessage>();
        Task<ServerMessage> BenHears(string ns, string message) =>
            ben.Socket.WaitForAsync(m => { benHeard.Add(m); return m.Namespace == ns && m.Message == message; });

        await ben.Socket.SendAsync("control", "raise_hand");
        await BenHears("control", "hand_raised");
        var seen = await olga.Socket.WaitForAsync(m => m.Message == "update" && m.Payload.GetProperty("control").GetProperty("hand_is_up").GetBoolean());
        Assert.Equal(ben.Id, seen.Payload.GetProperty("id").GetGuid());

        await ben.Socket.SendAsync("control", "lower_hand");
        await BenHears("control", "hand_lowered");

        // A moderator lowering it counts too: OpenTalk's app drives its own hand button only by these.
        await ben.Socket.SendAsync("control", "raise_hand");
        await BenHears("control", "hand_raised");
        await olga.Socket.SendAsync("moderation", "reset_raised_hands", new { target = ben.Id });
        await BenHears("control", "hand_lowered");

        // "Reset selected" in OpenTalk's app names the hands as a list.
        await ben.Socket.SendAsync("control", "raise_hand");
        await BenHears("control", "hand_raised");
        await olga.Socket.SendAsync("moderation", "reset_raised_hands", new { target = new[] { ben.Id } });
        await BenHears("control", "hand_lowered");

        await ben.Socket.SendAsync("echo", "ping");
        await BenHears("echo", "pong");
        Assert.DoesNotContain(benHeard, m => m.Message == "update" && m.Payload.GetProperty("id").GetGuid() == ben.Id);
        Assert.Contains(benHeard, m => m.Message == "hand_raised");
    }

    [Fact]
    public async Task Moderators_see_who_waits_as_participants_and_find_them_listed_when_they_come_in()
    {
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga"); // the owner: a moderator
        var ben = await UserAsync("Ben");
        Assert.Equal(JsonValueKind.True, ben.JoinSuccess.GetProperty("moderation").GetProperty("raise_hands_enabled").ValueKind);
        Assert.False(ben.JoinSuccess.GetProperty("moderation").TryGetProperty("waiting_room_participants", out _)); // not for users

        await olga.Socket.SendAsync("moderation", "enable_waiting_room");
        await olga.Socket.WaitForAsync("moderation", "waiting_room_enabled");
        var invite = await Olga.CreateInviteAsync(Room);
        await using var gus = await Node.ConnectAsync((await Node.Anonymous().StartInvitedAsync(Room, invite.InviteCode)).Ticket);
        await gus.JoinAsync("Gus");
        await gus.WaitForAsync("moderation", "in_waiting_room");

        // OpenTalk's app reads the waiting person's control part (it throws without it).
        var waiting = (await olga.Socket.WaitForAsync("moderation", "joined_waiting_room")).Payload;
        Assert.Equal("Gus", waiting.GetProperty("control").GetProperty("display_name").GetString());
        Assert.Equal("guest", waiting.GetProperty("control").GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, waiting.GetProperty("control").GetProperty("left_at").ValueKind);

        // A moderator who comes in later finds Gus waiting.
        var second = await Participant.JoinAsync(Node, Room, Olga, "Olga, second tab");
        var moderation = second.JoinSuccess.GetProperty("moderation");
        Assert.True(moderation.GetProperty("waiting_room_enabled").GetBoolean());
        var listed = Assert.Single(moderation.GetProperty("waiting_room_participants").EnumerateArray());
        Assert.Equal(waiting.GetProperty("id").GetGuid(), listed.GetProperty("id").GetGuid());
        Assert.Equal("Gus", listed.GetProperty("control").GetProperty("display_name").GetString());
        Assert.Equal("waiting", listed.GetProperty("waiting_room_state").GetString());
    }

    [Fact]
    public async Task Join_success_names_the_meeting_and_the_rooms_creator_for_guests_too()
    {
        var meeting = await Olga.CreateEventAsync(new EventRequest("Daily stand-up", "", null, false, true, null, null, null));
        var invite = await Olga.CreateInviteAsync(meeting.Room.Id);
        for (var attempt = 0; attempt < 100; attempt++) // the room's meeting is found through the read model, moments after it is planned
        {
            using var known = await Olga.SendRawAsync(HttpMethod.Get, $"v1/rooms/{meeting.Room.Id}/event", null);
            if (known.IsSuccessStatusCode)
                break;
            await Task.Delay(100);
        }
        var guest = await Participant.JoinWithTicketAsync(Node, await Node.Anonymous().StartInvitedAsync(meeting.Room.Id, invite.InviteCode), "Gus");

        var info = guest.JoinSuccess.GetProperty("event_info");
        Assert.Equal(meeting.Id, info.GetProperty("id").GetGuid());
        Assert.Equal(meeting.Room.Id, info.GetProperty("room_id").GetGuid());
        Assert.Equal("Daily stand-up", info.GetProperty("title").GetString());
        Assert.False(info.GetProperty("is_adhoc").GetBoolean());

        var creator = guest.JoinSuccess.GetProperty("room_info").GetProperty("created_by");
        using var response = await Olga.SendRawAsync(HttpMethod.Get, "v1/users/me", null);
        var me = await response.JsonOkAsync();
        Assert.Equal(me.GetProperty("display_name").GetString(), creator.GetProperty("display_name").GetString());
        Assert.False(creator.TryGetProperty("email", out _)); // guests see the name, not the address

        // A room that belongs to no meeting has no event_info (OpenTalk's app then shows its default title).
        var plain = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        Assert.False(plain.JoinSuccess.TryGetProperty("event_info", out _));
        Assert.Equal(JsonValueKind.Object, plain.JoinSuccess.GetProperty("room_info").GetProperty("created_by").ValueKind);
    }

    [Fact]
    public async Task Speaking_reports_from_OpenTalks_apps_are_taken_without_an_answer()
    {
        var ben = await UserAsync("Ben");
        await ben.Socket.SendAsync("media", "update_speaking_state", new { is_speaking = true }); // sent at every change while people talk
        await ben.Socket.SendAsync("echo", "ping");
        var next = await ben.Socket.WaitForAsync(m => m.Namespace is "media" or "echo");
        Assert.Equal("pong", next.Message); // no error came first
    }

    [Fact]
    public async Task A_moderator_locks_the_microphones_of_all_but_the_allow_list_and_lifts_the_lock()
    {
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga"); // the owner: a moderator
        var ben = await UserAsync("Ben");
        var cy = await UserAsync("Cy");

        await cy.Socket.SendAsync("media", "moderator_enable_force_mute", new { allow_list = Array.Empty<Guid>() });
        Assert.Equal("insufficient_permissions", (await cy.Socket.WaitForAsync(m => m.Message == "error")).Error);

        await olga.Socket.SendAsync("media", "moderator_enable_force_mute", new { allow_list = new[] { ben.Id } });
        var locked = (await cy.Socket.WaitForAsync("media", "force_mute_enabled")).Payload;
        Assert.Equal([ben.Id], locked.GetProperty("allow_list").EnumerateArray().Select(p => p.GetGuid()));
        var cyLocked = await olga.Socket.WaitForAsync(m => m.Message == "update" && m.Payload.GetProperty("id").GetGuid() == cy.Id
            && m.Payload.GetProperty("media").GetProperty("force_muted").GetBoolean());
        Assert.NotNull(cyLocked);

        // Someone coming in finds the lock, and finds themselves locked out.
        var dan = await UserAsync("Dan");
        var media = dan.JoinSuccess.GetProperty("media");
        Assert.Equal("enabled", media.GetProperty("force_mute").GetProperty("type").GetString());
        Assert.Equal([ben.Id], media.GetProperty("force_mute").GetProperty("allow_list").EnumerateArray().Select(p => p.GetGuid()));
        Assert.True(media.GetProperty("force_muted").GetBoolean());
        var listedBen = dan.JoinSuccess.GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == ben.Id);
        Assert.False(listedBen.GetProperty("media").GetProperty("force_muted").GetBoolean());

        await olga.Socket.SendAsync("media", "moderator_disable_force_mute");
        await dan.Socket.WaitForAsync("media", "force_mute_disabled");
        var again = await Participant.JoinAsync(Node, Room, Olga, "Olga, second tab");
        Assert.Equal("disabled", again.JoinSuccess.GetProperty("media").GetProperty("force_mute").GetProperty("type").GetString());
    }
}
