using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests.Media;

/// <summary>A whisper group's mixer moves to a healthy Janus when the one mixing it dies.</summary>
[Collection(BrowserMediaCollection.Name)]
public sealed class WhisperFailoverTests : IAsyncLifetime
{
    private MediaRoom _room = null!;

    public async Task InitializeAsync() => _room = await MediaRoom.StartAsync(janusInstances: 2);

    public async Task DisposeAsync() => await _room.DisposeAsync();

    [Fact]
    public async Task When_the_instance_mixing_a_group_dies_the_members_reconnect_to_a_mixer_on_a_healthy_one()
    {
        var room = _room;
        var olga = await room.JoinAsync("Olga");
        var uma = await room.JoinAsync("Uma");
        var group = await WhisperAudioTests.CreateGroupAsync(olga, uma);
        await olga.WhisperAsync(group);
        await uma.WhisperAsync(group);
        var key = $"whisper/{group}";
        await Poll.UntilAsync(uma.StatsAsync, s => s.TryGetValue(key, out var m) && m.AudioEnergy > 0, 60);

        var journal = (await room.Owner.GetAuditEventsAsync(room.Room)).GetProperty("events").EnumerateArray();
        var mixer = journal.Last(e => e.GetProperty("type").GetString() == "meeting.whisper_audio_placed.v1").GetProperty("data").GetProperty("instance").GetString();
        room.Janus[mixer == "janus-a" ? 0 : 1].Kill();

        // Both get webrtc_down for their whisper session, connect again, and the group is mixed on the survivor.
        await Poll.UntilAsync(async () => (await olga.MessagesAsync()).Concat(await uma.MessagesAsync())
            .Count(m => m.GetProperty("message").GetString() == "webrtc_down" && m.GetProperty("payload").GetProperty("media_session_type").GetString() == "whisper"),
            n => n >= 2, 30);
        var hearsAgain = await Poll.UntilAsync(uma.StatsAsync, s => s.TryGetValue(key, out var m) && m.State == "connected" && m.AudioEnergy > 0, 60);
        Assert.True(hearsAgain[key].AudioEnergy > 0, await uma.DescribeAsync());
        var moved = (await room.Owner.GetAuditEventsAsync(room.Room)).GetProperty("events").EnumerateArray()
            .Last(e => e.GetProperty("type").GetString() == "meeting.whisper_audio_placed.v1").GetProperty("data").GetProperty("instance").GetString();
        Assert.NotEqual(mixer, moved);
    }
}
