using System.Text.Json;
using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests.Media;

/// <summary>A camera sent in three qualities (simulcast); each viewer picks the one it needs with <c>configure</c>.</summary>
[Collection(BrowserMediaCollection.Name)]
public sealed class SimulcastTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

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
        // The browser adds its top layer once its bandwidth estimate allows it; only then can a viewer get it.
        var sent = await Poll.UntilAsync(() => SentLayersAsync(olga), l => l.Count == 3 && l.All(x => x.Encoded > 30), 60);
        Assert.True(sent.Count == 3 && sent.All(x => x.Encoded > 30), $"layers sent: {string.Join(", ", sent)}");

        var configure = new { action = "configure", target = olga.Id.ToString(), media_session_type = "video", configuration = new { substream = 0 } };
        await uma.SendAsync("media", configure);
        var low = await Poll.UntilAsync(uma.StatsAsync, s => s[key].FrameWidth is > 0 and <= 240, 30);
        Assert.True(low[key].FrameWidth is > 0 and <= 240, $"{await uma.DescribeAsync()}; sent {string.Join(", ", await SentLayersAsync(olga))}");

        await uma.SendAsync("media", configure with { configuration = new { substream = 2 } });
        var high = await Poll.UntilAsync(uma.StatsAsync, s => s[key].FrameWidth > 480, 60);
        Assert.True(high[key].FrameWidth > 480, $"{await uma.DescribeAsync()}; sent {string.Join(", ", await SentLayersAsync(olga))}");
    }

    /// <summary>What the publishing browser encodes per layer, to tell "Janus did not switch" from "the layer is not sent".</summary>
    private static async Task<IReadOnlyList<SentLayer>> SentLayersAsync(BrowserParticipant publisher)
    {
        var json = await publisher.Page.EvaluateAsync<string>(
            "() => ot.publishers.video.getStats().then(r => JSON.stringify([...r.values()]" +
            ".filter(s => s.type === 'outbound-rtp' && s.kind === 'video')" +
            ".map(s => ({ rid: s.rid, width: s.frameWidth ?? 0, encoded: s.framesEncoded ?? 0 }))))");
        return JsonSerializer.Deserialize<List<SentLayer>>(json, Web) ?? [];
    }

    private sealed record SentLayer(string Rid, int Width, long Encoded);
}
