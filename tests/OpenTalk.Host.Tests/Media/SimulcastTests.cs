using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests.Media;

/// <summary>A camera sent in three qualities (simulcast); each viewer picks the one it needs with <c>configure</c>.</summary>
[Collection(BrowserMediaCollection.Name)]
public sealed class SimulcastTests : IAsyncLifetime
{
    private MediaRoom _room = null!;

    public async Task InitializeAsync() => _room = await MediaRoom.StartAsync();

    public async Task DisposeAsync() => await _room.DisposeAsync();

    [Fact]
    public async Task A_viewer_switches_between_the_lowest_and_the_highest_substream()
    {
        var olga = await _room.JoinAsync("Olga");
        var uma = await _room.JoinAsync("Uma");
        await olga.Page.EvaluateAsync("() => { ot.simulcast = true; }");
        await olga.PublishAsync("video");
        var key = BrowserParticipant.Key(olga, "video");
        await Poll.UntilAsync(uma.StatsAsync, s => s.TryGetValue(key, out var m) && m.FramesDecoded > 10, 60);

        var configure = new { action = "configure", target = olga.Id.ToString(), media_session_type = "video", configuration = new { substream = 0 } };
        await uma.SendAsync("media", configure);
        var low = await Poll.UntilAsync(uma.StatsAsync, s => s[key].FrameWidth is > 0 and <= 160, 30);
        Assert.True(low[key].FrameWidth is > 0 and <= 160, await uma.DescribeAsync());

        // The top layer comes when the sender's bandwidth and CPU allow it; Janus then sends the best layer it has.
        await uma.SendAsync("media", configure with { configuration = new { substream = 2 } });
        var high = await Poll.UntilAsync(uma.StatsAsync, s => s[key].FrameWidth > 160, 60);
        Assert.True(high[key].FrameWidth > 160, $"width {high[key].FrameWidth}: {await uma.DescribeAsync()}");
    }
}
