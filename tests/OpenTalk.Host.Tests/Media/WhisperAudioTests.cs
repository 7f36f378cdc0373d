using System.Text.Json;
using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests.Media;

/// <summary>
/// Whisper groups' audio: each group is mixed by a Janus AudioBridge room that only joined members can connect to.
/// Members hear the group's mix on their whisper connection (and lower the room's volume themselves, in the client);
/// nobody else can connect to the mixer.
/// </summary>
[Collection(BrowserMediaCollection.Name)]
public sealed class WhisperAudioTests : IAsyncLifetime
{
    private MediaRoom _room = null!;

    public async Task InitializeAsync() => _room = await MediaRoom.StartAsync();

    public async Task DisposeAsync() => await _room.DisposeAsync();

    [Fact]
    public async Task Members_hear_each_other_through_the_group_mixer_and_an_outsider_cannot_connect()
    {
        var olga = await _room.JoinAsync("Olga");
        var uma = await _room.JoinAsync("Uma");
        var ulf = await _room.JoinAsync("Ulf");

        await olga.SendAsync("subroom_audio", new { action = "create_whisper_group", participant_ids = new[] { uma.Id.ToString() } });
        var created = await Poll.UntilAsync(olga.MessagesAsync, ms => ms.Any(m => m.GetProperty("message").GetString() == "whisper_group_created"));
        var group = created.First(m => m.GetProperty("message").GetString() == "whisper_group_created").GetProperty("payload").GetProperty("whisper_id").GetGuid();
        await uma.SendAsync("subroom_audio", new { action = "accept_whisper_invite", whisper_id = group.ToString() });
        await Poll.UntilAsync(olga.MessagesAsync, ms => ms.Any(m => m.GetProperty("message").GetString() == "whisper_invite_accepted"));

        await olga.WhisperAsync(group);
        await uma.WhisperAsync(group);
        var key = $"whisper/{group}";
        var olgaHears = await Poll.UntilAsync(olga.StatsAsync, s => s.TryGetValue(key, out var m) && m.AudioEnergy > 0, 60);
        var umaHears = await Poll.UntilAsync(uma.StatsAsync, s => s.TryGetValue(key, out var m) && m.AudioEnergy > 0, 60);
        Assert.True(olgaHears.TryGetValue(key, out var o) && o.AudioEnergy > 0, await olga.DescribeAsync());
        Assert.True(umaHears.TryGetValue(key, out var u) && u.AudioEnergy > 0, await uma.DescribeAsync());

        await ulf.WhisperAsync(group);
        var refused = await Poll.UntilAsync(ulf.MessagesAsync, ms => ms.Any(IsError), 30);
        Assert.Equal("not_in_group", refused.First(IsError).GetProperty("payload").GetProperty("error").GetString());
        var ulfStats = await ulf.StatsAsync();
        Assert.False(ulfStats.TryGetValue(key, out var leaked) && leaked.AudioEnergy > 0, "the outsider hears nothing of the group");
    }

    internal static async Task<Guid> CreateGroupAsync(BrowserParticipant creator, BrowserParticipant member)
    {
        await creator.SendAsync("subroom_audio", new { action = "create_whisper_group", participant_ids = new[] { member.Id.ToString() } });
        var created = await Poll.UntilAsync(creator.MessagesAsync, ms => ms.Any(m => m.GetProperty("message").GetString() == "whisper_group_created"));
        var group = created.First(m => m.GetProperty("message").GetString() == "whisper_group_created").GetProperty("payload").GetProperty("whisper_id").GetGuid();
        await member.SendAsync("subroom_audio", new { action = "accept_whisper_invite", whisper_id = group.ToString() });
        await Poll.UntilAsync(creator.MessagesAsync, ms => ms.Any(m => m.GetProperty("message").GetString() == "whisper_invite_accepted"));
        return group;
    }

    private static bool IsError(JsonElement m) =>
        m.GetProperty("namespace").GetString() == "media" && m.GetProperty("message").GetString() == "error";
}
