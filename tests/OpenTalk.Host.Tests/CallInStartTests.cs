using System.Net;
using OpenTalk.Client;
using OpenTalk.Host.Apis;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>The phone gateway's way in (<c>POST /v1/services/call_in/start</c>): a conference id and PIN for a ticket.</summary>
public sealed class CallInStartTests : RoomTest
{
    private const string Pin = "0123456789";

    private async Task<string> CallInAsync() => (await Olga.PutSipAsync(Room, Pin)).GetProperty("sip_id").GetString()!;

    private static async Task<OpenTalkApiException> RefusedAsync(Func<Task> call) => await Assert.ThrowsAsync<OpenTalkApiException>(call);

    [Fact]
    public async Task A_caller_with_the_rooms_conference_id_and_pin_joins_as_a_phone_participant()
    {
        var sipId = await CallInAsync();
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var gateway = await Node.AsCallInGatewayAsync();

        var ticket = await gateway.StartCallInAsync(sipId, Pin);
        var caller = await Participant.JoinWithTicketAsync(Node, ticket, "Phone …6789");

        var joined = await olga.Socket.WaitForAsync(m => m.Namespace == "control" && m.Message == "joined");
        Assert.Equal(caller.Id, joined.Payload.GetProperty("id").GetGuid());
        var control = joined.Payload.GetProperty("control");
        Assert.Equal(("sip", "Phone …6789"), (control.GetProperty("participation_kind").GetString(), control.GetProperty("display_name").GetString()));
        // A room's password is not asked of callers: their PIN stands for it.
        var locked = (await Olga.CreateRoomAsync(new CreateRoomRequest("open sesame"))).Id;
        var lockedId = (await Olga.PutSipAsync(locked, Pin)).GetProperty("sip_id").GetString()!;
        await Participant.JoinWithTicketAsync(Node, await gateway.StartCallInAsync(lockedId, Pin), "Second caller");
    }

    [Fact]
    public async Task Wrong_pairs_are_refused_alike_and_a_conference_id_that_keeps_failing_takes_no_pin_for_a_while()
    {
        var sipId = await CallInAsync();
        var gateway = await Node.AsCallInGatewayAsync();
        var unknownId = sipId[..9] + (char)('0' + ((sipId[9] - '0' + 1) % 10));

        // A wrong PIN and an id nobody has get the same answer: the id is not revealed.
        foreach (var (id, pin) in new[] { (sipId, "9999999999"), (unknownId, Pin) })
        {
            var wrong = await RefusedAsync(() => gateway.StartCallInAsync(id, pin));
            Assert.Equal((HttpStatusCode.BadRequest, ProblemCodes.InvalidCredentials), (wrong.Status, wrong.Code));
        }
        foreach (var (id, pin) in new[] { ("12345", Pin), (sipId, "12345678ab") })
        {
            var malformed = await RefusedAsync(() => gateway.StartCallInAsync(id, pin));
            Assert.Equal((HttpStatusCode.UnprocessableEntity, ProblemCodes.ValidationFailed), (malformed.Status, malformed.Code));
        }

        for (var i = 1; i < CallInThrottle.Lockout; i++)
            await RefusedAsync(() => gateway.StartCallInAsync(sipId, "9999999999"));
        var locked = await RefusedAsync(() => gateway.StartCallInAsync(sipId, Pin));
        Assert.Equal((HttpStatusCode.TooManyRequests, ProblemCodes.TooManyAttempts), (locked.Status, locked.Code));
        // Other rooms' callers are not held up.
        var other = (await Olga.CreateRoomAsync(new CreateRoomRequest(null))).Id;
        var otherId = (await Olga.PutSipAsync(other, Pin)).GetProperty("sip_id").GetString()!;
        await gateway.StartCallInAsync(otherId, Pin);
    }

    [Fact]
    public async Task A_removed_call_in_lets_nobody_in_and_only_the_gateway_account_may_ask()
    {
        var sipId = await CallInAsync();

        foreach (var api in new[] { Olga, await Node.AsRecorderAsync() })
            Assert.Equal(HttpStatusCode.Forbidden, (await RefusedAsync(() => api.StartCallInAsync(sipId, Pin))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefusedAsync(() => Node.Anonymous().StartCallInAsync(sipId, Pin))).Status);

        await Olga.DeleteSipAsync(Room);
        var gone = await RefusedAsync(async () => await (await Node.AsCallInGatewayAsync()).StartCallInAsync(sipId, Pin));
        Assert.Equal((HttpStatusCode.BadRequest, ProblemCodes.InvalidCredentials), (gone.Status, gone.Code));
    }
}
