using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>Whisper groups (their state and signaling) through the real Host, on Postgres.</summary>
public sealed class WhisperTests : RoomTest
{
    [Fact]
    public async Task An_invited_participant_joins_the_group_and_an_outsider_hears_nothing_of_it()
    {
        var ann = await Participant.JoinAsync(Node, Room, Olga, "Ann");
        var ben = await Participant.JoinAsync(Node, Room, await Node.NewUserAsync("ben"), "Ben");
        var cy = await Participant.JoinAsync(Node, Room, await Node.NewUserAsync("cy"), "Cy");

        await ann.Socket.SendAsync("subroom_audio", "create_whisper_group", new { participant_ids = new[] { ben.Id } });
        var created = await ann.Socket.WaitForAsync("subroom_audio", "whisper_group_created");
        var whisperId = created.Payload.GetProperty("whisper_id").GetGuid();
        var invite = await ben.Socket.WaitForAsync("subroom_audio", "whisper_invite");
        Assert.Equal(ann.Id, invite.Payload.GetProperty("issuer").GetGuid());

        await ben.Socket.SendAsync("subroom_audio", "accept_whisper_invite", new { whisper_id = whisperId });
        Assert.Equal(ben.Id, (await ann.Socket.WaitForAsync("subroom_audio", "whisper_invite_accepted")).Payload.GetProperty("participant_id").GetGuid());

        await cy.Socket.SendAsync("subroom_audio", "leave_whisper_group", new { whisper_id = whisperId });
        Assert.Equal("no_such_whisper_group", (await cy.Socket.WaitForAsync(m => m.Message == "error")).Error);

        await ann.Socket.SendAsync("subroom_audio", "kick_whisper_participants", new { whisper_id = whisperId, participant_ids = new[] { ben.Id } });
        await ben.Socket.WaitForAsync("subroom_audio", "kicked");
        // A room-wide message after all that: whatever Cy was sent before it has arrived by then.
        await ann.Socket.SendAsync("chat", "send_message", new { content = "marker" });
        var seenByCy = new List<ServerMessage>();
        await cy.Socket.WaitForAsync(m =>
        {
            seenByCy.Add(m);
            return m.Message == "message_sent";
        });
        Assert.DoesNotContain(seenByCy, m => m.Namespace == "subroom_audio");
        foreach (var p in new[] { ann, ben, cy })
            await p.Socket.DisposeAsync();
    }
}
