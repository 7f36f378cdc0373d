using System.Text.Json;
using OpenTalk.Host.Tests.Infrastructure;

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
    public async Task Whoever_raises_or_lowers_a_hand_is_told_so_and_the_others_see_an_update()
    {
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga"); // the owner: a moderator
        var ben = await UserAsync("Ben");
        await olga.Socket.WaitForAsync("control", "joined");

        await ben.Socket.SendAsync("control", "raise_hand");
        await ben.Socket.WaitForAsync("control", "hand_raised");
        var seen = await olga.Socket.WaitForAsync(m => m.Message == "update" && m.Payload.GetProperty("control").GetProperty("hand_is_up").GetBoolean());
        Assert.Equal(ben.Id, seen.Payload.GetProperty("id").GetGuid());

        await ben.Socket.SendAsync("control", "lower_hand");
        await ben.Socket.WaitForAsync("control", "hand_lowered");

        // A moderator lowering it counts too: OpenTalk's app drives its own hand button only by these.
        await ben.Socket.SendAsync("control", "raise_hand");
        await ben.Socket.WaitForAsync("control", "hand_raised");
        await olga.Socket.SendAsync("moderation", "reset_raised_hands", new { target = ben.Id });
        await ben.Socket.WaitForAsync("control", "hand_lowered");
    }
}
