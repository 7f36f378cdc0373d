using System.Text.Json;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Host.Tests.Media;

/// <summary>When packets get lost between a browser and Janus, the client hears of it (<c>webrtc_slow</c>).</summary>
[Collection(BrowserMediaCollection.Name)]
public sealed class SlowLinkTests : IAsyncLifetime
{
    private MediaRoom _room = null!;

    public async Task InitializeAsync() => _room = await MediaRoom.StartAsync();

    public async Task DisposeAsync() => await _room.DisposeAsync();

    [Fact]
    public async Task A_lossy_link_is_reported_as_webrtc_slow_for_the_session_it_hurts()
    {
        var olga = await _room.JoinAsync("Olga");
        var uma = await _room.JoinAsync("Uma");
        await olga.PublishAsync("video");
        var key = BrowserParticipant.Key(olga, "video");
        await Poll.UntilAsync(uma.StatsAsync, s => s.TryGetValue(key, out var m) && m.FramesDecoded > 10, 60);

        IReadOnlyList<JsonElement> slow;
        await using (await MediaLink.NarrowAsync("120kbit"))
        {
            slow = await Poll.UntilAsync(async () => (await olga.MessagesAsync()).Concat(await uma.MessagesAsync())
                .Where(m => m.GetProperty("message").GetString() == "webrtc_slow").ToList(), found => found.Count > 0, 45);
        }
        Assert.True(slow.Count > 0, $"no webrtc_slow; {await olga.DescribeAsync()}; {await uma.DescribeAsync()}");
        var report = slow[0].GetProperty("payload");
        Assert.Equal(olga.Id, report.GetProperty("source").GetGuid());
        Assert.Equal("video", report.GetProperty("media_session_type").GetString());
        Assert.Contains(report.GetProperty("direction").GetString(), new[] { "upstream", "downstream" });
    }
}
