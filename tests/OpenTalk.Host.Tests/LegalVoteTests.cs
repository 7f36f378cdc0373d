using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>Formal votes through the real Host, on Postgres.</summary>
public sealed class LegalVoteTests : RoomTest
{
    [Fact]
    public async Task A_pseudonymous_vote_gives_each_voter_a_secret_token_closes_itself_and_keeps_voters_out_of_the_journal()
    {
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var ann = await Participant.JoinAsync(Node, Room, await Node.NewUserAsync("ann"), "Ann");
        var ben = await Participant.JoinAsync(Node, Room, await Node.NewUserAsync("ben"), "Ben");
        var invite = await Olga.CreateInviteAsync(Room);
        var guest = await Participant.JoinWithTicketAsync(Node, await Node.Anonymous().StartInvitedAsync(Room, invite.InviteCode), "Gus");

        await owner.Socket.SendAsync("legal_vote", "start", new
        {
            name = "Budget 2027", kind = "pseudonymous", allowed_participants = new[] { ann.Id, ben.Id }, enable_abstain = true, auto_close = true,
        });
        var started = await guest.Socket.WaitForAsync("legal_vote", "started");
        var voteId = started.Payload.GetProperty("legal_vote_id").GetGuid();
        var annToken = (await ann.Socket.WaitForAsync("legal_vote", "token")).Payload.GetProperty("token").GetString();
        var benToken = (await ben.Socket.WaitForAsync("legal_vote", "token")).Payload.GetProperty("token").GetString();
        Assert.NotEqual(annToken, benToken);

        // The guest was not allowed: no token, and a made-up one does not work.
        await guest.Socket.SendAsync("legal_vote", "vote", new { legal_vote_id = voteId, option = "yes", token = "guess" });
        Assert.Equal("not_allowed_to_vote", (await guest.Socket.WaitForAsync(m => m.Message == "error")).Error);

        await ann.Socket.SendAsync("legal_vote", "vote", new { legal_vote_id = voteId, option = "yes", token = annToken });
        Assert.Equal("yes", (await ann.Socket.WaitForAsync("legal_vote", "voted")).Payload.GetProperty("option").GetString());
        await ben.Socket.SendAsync("legal_vote", "vote", new { legal_vote_id = voteId, option = "no", token = benToken });
        var stopped = await owner.Socket.WaitForAsync("legal_vote", "stopped");
        Assert.Equal("auto", stopped.Payload.GetProperty("kind").GetString());
        Assert.Equal(1, stopped.Payload.GetProperty("results").GetProperty("yes").GetInt32());
        Assert.Equal(1, stopped.Payload.GetProperty("results").GetProperty("no").GetInt32());

        await ann.Socket.SendAsync("legal_vote", "vote", new { legal_vote_id = voteId, option = "no", token = annToken });
        Assert.Equal("no_vote_running", (await ann.Socket.WaitForAsync(m => m.Message == "error")).Error);

        var casts = (await Olga.GetAuditEventsAsync(Room)).GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "meeting.legal_vote_cast.v1").ToList();
        Assert.Equal(2, casts.Count);
        foreach (var cast in casts)
        {
            Assert.Equal("pseudonymous", cast.GetProperty("by").GetString());
            Assert.DoesNotContain(ann.Id.ToString(), cast.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain(ben.Id.ToString(), cast.GetRawText(), StringComparison.Ordinal);
        }
        Assert.True((await Olga.VerifyAuditAsync(Room)).GetProperty("intact").GetBoolean());
        foreach (var p in new[] { owner, ann, ben, guest })
            await p.Socket.DisposeAsync();
    }

    [Fact]
    public async Task A_roll_call_shows_who_voted_what_as_it_goes()
    {
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var ann = await Participant.JoinAsync(Node, Room, await Node.NewUserAsync("ann"), "Ann");
        await owner.Socket.SendAsync("legal_vote", "start", new { name = "Agenda", kind = "roll_call", allowed_participants = new[] { ann.Id, owner.Id } });
        var voteId = (await ann.Socket.WaitForAsync("legal_vote", "started")).Payload.GetProperty("legal_vote_id").GetGuid();
        await ann.Socket.SendAsync("legal_vote", "vote", new { legal_vote_id = voteId, option = "yes" });
        var updated = await owner.Socket.WaitForAsync("legal_vote", "updated");
        Assert.Equal(ann.Id, updated.Payload.GetProperty("votes")[0].GetProperty("participant_id").GetGuid());

        // Someone coming in finds the running vote in OpenTalk's list of votes.
        var cy = await Participant.JoinAsync(Node, Room, await Node.NewUserAsync("cy"), "Cy");
        var running = Assert.Single(cy.JoinSuccess.GetProperty("legal_vote").GetProperty("votes").EnumerateArray());
        Assert.Equal((voteId, "started", "Agenda"), (running.GetProperty("legal_vote_id").GetGuid(), running.GetProperty("state").GetString(),
            running.GetProperty("name").GetString()));
        await owner.Socket.SendAsync("legal_vote", "stop", new { legal_vote_id = voteId });
        var stopped = await ann.Socket.WaitForAsync("legal_vote", "stopped");
        Assert.Equal("by_participant", stopped.Payload.GetProperty("kind").GetString());
        Assert.Equal(64, stopped.Payload.GetProperty("votes_digest").GetString()!.Length);
        await owner.Socket.DisposeAsync();
        await ann.Socket.DisposeAsync();
        await cy.Socket.DisposeAsync();
    }
}
