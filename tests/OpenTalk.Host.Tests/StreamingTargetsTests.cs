using System.Net;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>Live-stream destinations per room, kept for recording and streaming; the owner's business only.</summary>
public sealed class StreamingTargetsTests : RoomTest
{
    [Fact]
    public async Task The_owner_adds_changes_and_removes_targets_and_they_survive_a_restart()
    {
        var youtube = await Olga.AddStreamingTargetAsync(Room,
            new StreamingTargetRequest("YouTube", "rtmp://a.rtmp.youtube.com/live2", "abcd-efgh", "https://youtube.com/watch?v=x"));
        var owncast = await Olga.AddStreamingTargetAsync(Room, new StreamingTargetRequest("Owncast", "rtmps://stream.example.org/live", "k1", null));

        var changed = await Olga.PatchStreamingTargetAsync(Room, owncast.Id, new StreamingTargetRequest(null, null, "k2", "https://stream.example.org"));
        Assert.Equal(("Owncast", "k2", "https://stream.example.org"), (changed.Name, changed.StreamingKey, changed.PublicUrl));

        await RestartAsync();
        var olga = Olga; // her token outlives the restart
        var targets = await olga.ListStreamingTargetsAsync(Room);
        Assert.Equal(["Owncast", "YouTube"], targets.Select(t => t.Name));
        Assert.Equal("abcd-efgh", targets.Single(t => t.Id == youtube.Id).StreamingKey);

        await olga.DeleteStreamingTargetAsync(Room, youtube.Id);
        Assert.Equal([owncast.Id], (await olga.ListStreamingTargetsAsync(Room)).Select(t => t.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<OpenTalkApiException>(() =>
            olga.DeleteStreamingTargetAsync(Room, youtube.Id))).Status);
    }

    [Fact]
    public async Task Bad_targets_are_refused_field_by_field()
    {
        var bad = await Assert.ThrowsAsync<OpenTalkApiException>(() => Olga.AddStreamingTargetAsync(Room,
            new StreamingTargetRequest("", "http://not-rtmp.example.org", "key\r\nX: y", "javascript:alert(1)")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.Status);
        foreach (var field in new[] { "name", "streaming_endpoint", "streaming_key", "public_url" })
            Assert.Contains($"\"{field}\"", bad.Body, StringComparison.Ordinal);
        Assert.Empty(await Olga.ListStreamingTargetsAsync(Room));
    }

    [Fact]
    public async Task Nobody_but_the_owner_sees_or_changes_the_keys()
    {
        var target = await Olga.AddStreamingTargetAsync(Room, new StreamingTargetRequest("Main", "rtmp://127.0.0.1/live", "secret", null));
        var mallory = await Node.NewUserAsync("mallory");

        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() => mallory.ListStreamingTargetsAsync(Room))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() =>
            mallory.AddStreamingTargetAsync(Room, new StreamingTargetRequest("Mine", "rtmp://127.0.0.1/x", "k", null)))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() =>
            mallory.PatchStreamingTargetAsync(Room, target.Id, new StreamingTargetRequest(null, null, "stolen", null)))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() =>
            mallory.DeleteStreamingTargetAsync(Room, target.Id))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Assert.ThrowsAsync<OpenTalkApiException>(() =>
            Node.Anonymous().ListStreamingTargetsAsync(Room))).Status);
        Assert.Equal("secret", Assert.Single(await Olga.ListStreamingTargetsAsync(Room)).StreamingKey);
    }
}
