using System.Net;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests.CallIn;

/// <summary>
/// A moderator calls a phone (<c>dial_out</c>), and the phone gateway's side of it through the node's API: it takes
/// the call, learns the number, and brings the callee in once they answer, or says why they were not reached.
/// </summary>
public sealed class DialOutApiTests : RoomTest
{
    private static async Task<Guid> DialAsync(Participant moderator, string number)
    {
        await moderator.Socket.SendAsync("dial_out", "dial", new { number });
        var dialing = await moderator.Socket.WaitForAsync(m => m.Namespace == "dial_out" && m.Message == "call_updated", TimeSpan.FromSeconds(15));
        Assert.Equal("dialing", dialing.Payload.GetProperty("status").GetString());
        return dialing.Payload.GetProperty("call_id").GetGuid();
    }

    [Fact]
    public async Task The_callee_of_a_moderators_call_joins_past_the_waiting_room_once_the_gateway_says_they_answered()
    {
        var room = (await Olga.CreateRoomAsync(new CreateRoomRequest(null, WaitingRoom: true))).Id;
        var olga = await Participant.JoinAsync(Node, room, Olga, "Olga");
        var callId = await DialAsync(olga, "+49 30 1234-5678");
        var gateway = await Node.AsCallInGatewayAsync();

        Assert.Equal("+493012345678", (await gateway.StartCallOutAsync(room, null, callId)).Number);
        // Taken once: a second gateway finds nothing to do.
        var again = await Assert.ThrowsAsync<OpenTalkApiException>(() => gateway.StartCallOutAsync(room, null, callId));
        Assert.Equal(HttpStatusCode.NotFound, again.Status);

        var callee = await Participant.JoinWithTicketAsync(Node, await gateway.CallOutAnsweredAsync(room, null, callId), "Phone …5678");
        var joined = await olga.Socket.WaitForAsync(m => m.Namespace == "control" && m.Message == "joined", TimeSpan.FromSeconds(15));
        Assert.Equal("sip", joined.Payload.GetProperty("control").GetProperty("participation_kind").GetString());
        var answered = await olga.Socket.WaitForAsync(m => m.Namespace == "dial_out" && m.Message == "call_updated", TimeSpan.FromSeconds(15));
        Assert.Equal(("answered", callee.Id), (answered.Payload.GetProperty("status").GetString(), answered.Payload.GetProperty("participant_id").GetGuid()));
        // The call is used up: it lets nobody else in.
        var twice = await Assert.ThrowsAsync<OpenTalkApiException>(() => gateway.CallOutAnsweredAsync(room, null, callId));
        Assert.Equal(HttpStatusCode.NotFound, twice.Status);
    }

    [Fact]
    public async Task A_busy_line_is_told_to_the_moderator_and_only_moderators_and_gateways_may_take_part()
    {
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var umaAccount = await Node.NewUserAsync("uma");
        var uma = await Participant.JoinAsync(Node, Room, umaAccount, "Uma");
        await uma.Socket.SendAsync("dial_out", "dial", new { number = "+4930123" });
        var refused = await uma.Socket.WaitForAsync(m => m.Message == "error", TimeSpan.FromSeconds(15));
        Assert.Equal("insufficient_permissions", refused.Payload.GetProperty("error").GetString());
        await olga.Socket.SendAsync("dial_out", "dial", new { number = "sip:someone@example.org" });
        Assert.Equal("invalid_phone_number", (await olga.Socket.WaitForAsync(m => m.Message == "error", TimeSpan.FromSeconds(15))).Payload.GetProperty("error").GetString());

        var callId = await DialAsync(olga, "+4930123");
        // A signed-in user is no gateway.
        var notGateway = await Assert.ThrowsAsync<OpenTalkApiException>(() => umaAccount.StartCallOutAsync(Room, null, callId));
        Assert.Equal(HttpStatusCode.Forbidden, notGateway.Status);
        var gateway = await Node.AsCallInGatewayAsync();
        await gateway.StartCallOutAsync(Room, null, callId);
        var badReason = await Assert.ThrowsAsync<OpenTalkApiException>(() => gateway.CallOutFailedAsync(Room, null, callId, "<script>"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badReason.Status);

        await gateway.CallOutFailedAsync(Room, null, callId, "busy");
        var failed = await olga.Socket.WaitForAsync(m => m.Namespace == "dial_out" && m.Message == "call_updated", TimeSpan.FromSeconds(15));
        Assert.Equal(("failed", "busy", "+4930123"), (failed.Payload.GetProperty("status").GetString(), failed.Payload.GetProperty("reason").GetString(),
            failed.Payload.GetProperty("number").GetString()));
        var late = await Assert.ThrowsAsync<OpenTalkApiException>(() => gateway.CallOutAnsweredAsync(Room, null, callId));
        Assert.Equal(HttpStatusCode.NotFound, late.Status);
    }
}
