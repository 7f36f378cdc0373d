using System.Net.Http.Json;
using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests;

/// <summary>The tariff's room size (<c>Tariff:RoomParticipantLimit</c>, OpenTalk's <c>room_participant_limit</c>).</summary>
public sealed class ParticipantLimitTests : RoomTest
{
    protected override string[] NodeArguments => ["--Tariff:RoomParticipantLimit", "2"];

    [Fact]
    public async Task One_more_than_the_room_holds_is_blocked_keeps_the_socket_and_gets_in_once_someone_leaves()
    {
        await using var olga = (await Participant.JoinAsync(Node, Room, Olga, "Olga")).Socket;
        var uma = await UserAsync("Uma");
        Assert.Equal(2, uma.JoinSuccess.GetProperty("tariff").GetProperty("quotas").GetProperty("room_participant_limit").GetInt32());

        var invite = await Olga.CreateInviteAsync(Room);
        await using var gus = await Node.ConnectAsync((await Node.Anonymous().StartInvitedAsync(Room, invite.InviteCode)).Ticket);
        await gus.JoinAsync("Gus");
        var blocked = await gus.WaitForAsync("control", "join_blocked");
        Assert.Equal("participant_limit_reached", blocked.Payload.GetProperty("reason").GetString());

        await uma.Socket.SendAsync("control", "leave");
        await olga.WaitForAsync("control", "left");
        await gus.JoinAsync("Gus"); // as OpenTalk's web app does after a while, on the same socket
        await gus.WaitForAsync("control", "join_success");
        await olga.WaitForAsync("control", "joined");

        using var tariff = await Olga.SendRawAsync(HttpMethod.Get, "v1/users/me/tariff", null);
        Assert.Equal(2, (await tariff.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("quotas").GetProperty("room_participant_limit").GetInt32());
    }
}
