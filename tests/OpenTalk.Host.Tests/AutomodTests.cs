using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>The talking stick through the real Host, on Postgres.</summary>
public sealed class AutomodTests : RoomTest
{
    [Fact]
    public async Task A_playlist_with_a_time_limit_moves_on_by_itself_and_everyone_hears_who_speaks()
    {
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var ann = await Participant.JoinAsync(Node, Room, await Node.NewUserAsync("ann"), "Ann");
        var ben = await Participant.JoinAsync(Node, Room, await Node.NewUserAsync("ben"), "Ben");

        await ann.Socket.SendAsync("automod", "start", new { selection_strategy = "playlist", playlist = new[] { ann.Id } });
        Assert.Equal("insufficient_permissions", (await ann.Socket.WaitForAsync(m => m.Message == "error")).Error);

        await owner.Socket.SendAsync("automod", "start", new { selection_strategy = "playlist", playlist = new[] { ann.Id, ben.Id }, time_limit = 2 });
        // Flat, with both lists, as OpenTalk's app reads it (its reducer throws without history or remaining).
        var started = (await ben.Socket.WaitForAsync("automod", "started")).Payload;
        Assert.Equal("playlist", started.GetProperty("selection_strategy").GetString());
        Assert.Equal([ann.Id, ben.Id], started.GetProperty("remaining").EnumerateArray().Select(r => r.GetGuid()));
        Assert.Equal(0, started.GetProperty("history").GetArrayLength());
        var first = await ben.Socket.WaitForAsync("automod", "speaker_updated");
        Assert.Equal(ann.Id, first.Payload.GetProperty("speaker").GetGuid());
        Assert.True(first.Payload.TryGetProperty("ends_at", out _));

        // Ann's two seconds run out: the stick goes to Ben without anyone asking.
        var second = await owner.Socket.WaitForAsync(m => m.Message == "speaker_updated"
            && m.Payload.TryGetProperty("speaker", out var s) && s.GetGuid() == ben.Id, TimeSpan.FromSeconds(15));
        Assert.Equal(ann.Id, second.Payload.GetProperty("history")[0].GetGuid());

        await ben.Socket.SendAsync("automod", "yield");
        var done = await owner.Socket.WaitForAsync("automod", "speaker_updated");
        Assert.False(done.Payload.TryGetProperty("speaker", out _));

        var late = await Participant.JoinAsync(Node, Room, await Node.NewUserAsync("cy"), "Cy");
        Assert.Equal(2, late.JoinSuccess.GetProperty("automod").GetProperty("history").GetArrayLength());
        var config = late.JoinSuccess.GetProperty("automod").GetProperty("config");
        Assert.Equal((2, 0), (config.GetProperty("history").GetArrayLength(), config.GetProperty("remaining").GetArrayLength()));
        await owner.Socket.SendAsync("automod", "stop");
        await late.Socket.WaitForAsync("automod", "stopped");
        foreach (var p in new[] { owner, ann, ben, late })
            await p.Socket.DisposeAsync();
    }
}
