using System.Text.Json;
using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests.Media;

/// <summary>Two Janus instances; one is killed mid-meeting. Publications move to the survivor and nobody leaves.</summary>
[Collection(BrowserMediaCollection.Name)]
public sealed class JanusFailoverTests : IAsyncLifetime
{
    private MediaRoom _room = null!;

    public async Task InitializeAsync() => _room = await MediaRoom.StartAsync(janusInstances: 2);

    public async Task DisposeAsync() => await _room.DisposeAsync();

    [Fact]
    public async Task Killing_a_janus_moves_its_publications_to_the_other_and_media_flows_again()
    {
        var olga = await _room.JoinAsync("Olga");
        var uma = await _room.JoinAsync("Uma");
        await olga.PublishAsync("video");
        await uma.PublishAsync("video");
        var olgasVideo = BrowserParticipant.Key(olga, "video");
        var umasVideo = BrowserParticipant.Key(uma, "video");
        await Poll.UntilAsync(uma.StatsAsync, s => s.TryGetValue(olgasVideo, out var m) && m.FramesDecoded > 10, 60);
        await Poll.UntilAsync(olga.StatsAsync, s => s.TryGetValue(umasVideo, out var m) && m.FramesDecoded > 10, 60);

        // The least loaded instance takes each new publisher: the two are on different instances.
        var placement = await InstancesWithPublishersAsync();
        Assert.Equal(2, placement.Count(p => p.Value > 0));

        var victim = _room.Janus[0];
        var offersBefore = await OffersAsync(uma, olga.Id);
        victim.Kill();

        // What lived on the dead instance is reported down; its publisher publishes again on the other instance,
        // and whoever watched it gets a fresh offer without asking, then decodes frames again.
        var downs = await Poll.UntilAsync(async () => (await uma.MessagesAsync()).Concat(await olga.MessagesAsync())
            .Count(m => m.GetProperty("message").GetString() == "webrtc_down"), n => n >= 2, 30);
        Assert.True(downs >= 2, $"webrtc_down for the publisher and its viewer: {await uma.DescribeAsync()} || {await olga.DescribeAsync()}");
        Assert.True(await Poll.UntilAsync(() => OffersAsync(uma, olga.Id), n => n > offersBefore, 60) > offersBefore, "a fresh offer");
        var umaAfter = await Poll.UntilAsync(uma.StatsAsync, s => s.TryGetValue(olgasVideo, out var m) && m.State == "connected" && m.FramesDecoded > 10, 60);
        Assert.True(umaAfter[olgasVideo].FramesDecoded > 10, await uma.DescribeAsync());
        var olgaAfter = await Poll.UntilAsync(olga.StatsAsync, s => s.TryGetValue(umasVideo, out var m) && m.FramesDecoded > 10, 30);
        Assert.True(olgaAfter[umasVideo].FramesDecoded > 10, await olga.DescribeAsync());

        var everything = (await uma.MessagesAsync()).Concat(await olga.MessagesAsync()).ToList();
        Assert.DoesNotContain(everything, m => m.GetProperty("message").GetString() == "left");
        var after = await InstancesWithPublishersAsync();
        Assert.True(after.GetValueOrDefault("janus-b") == 2,
            $"before: {string.Join(",", placement)} after: {string.Join(",", after)}; {await uma.DescribeAsync()} || {await olga.DescribeAsync()}");
    }

    private static async Task<int> OffersAsync(BrowserParticipant viewer, Guid source) =>
        (await viewer.MessagesAsync()).Count(m => m.GetProperty("message").GetString() == "sdp_offer"
            && m.GetProperty("payload").GetProperty("source").GetString() == source.ToString());

    private async Task<Dictionary<string, int>> InstancesWithPublishersAsync()
    {
        var admin = await _room.Node.AsAdminAsync();
        return await Poll.UntilAsync(async () =>
        {
            using var response = await admin.SendRawAsync(HttpMethod.Get, "v1/admin/media", null);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("instances").EnumerateArray()
                .ToDictionary(i => i.GetProperty("name").GetString()!, i => i.GetProperty("up").GetBoolean() ? i.GetProperty("publishers").GetInt32() : -1);
        }, p => p.Values.Sum(v => Math.Max(0, v)) == 2, 30);
    }
}
