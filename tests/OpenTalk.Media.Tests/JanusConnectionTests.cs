using System.Text.Json;
using System.Text.Json.Nodes;
using OpenTalk.Media.Janus;
using OpenTalk.Media;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Media.Tests;

/// <summary>The Janus API client against a real Janus: sessions, handles, VideoRoom requests, errors, failure detection.</summary>
public sealed class JanusConnectionTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private JanusProcess _janus = null!;

    public async Task InitializeAsync() => _janus = await JanusProcess.StartAsync();

    public async Task DisposeAsync() => await _janus.DisposeAsync();

    [Fact]
    public async Task A_session_attaches_videoroom_and_creates_checks_and_destroys_a_room()
    {
        await using var connection = await JanusConnection.ConnectAsync(_janus.Url, _janus.ApiSecret, Timeout, CancellationToken.None);
        await using var session = await JanusSession.CreateAsync(connection, TimeSpan.FromSeconds(10), CancellationToken.None);
        var handle = await session.AttachAsync("janus.plugin.videoroom", _ => { }, CancellationToken.None);
        var room = Guid.NewGuid().ToString();

        var (created, _) = await handle.MessageAsync(new JsonObject { ["request"] = "create", ["room"] = room, ["admin_key"] = _janus.ApiSecret });
        Assert.Equal("created", created.GetProperty("videoroom").GetString());
        var (exists, _) = await handle.MessageAsync(new JsonObject { ["request"] = "exists", ["room"] = room });
        Assert.True(exists.GetProperty("exists").GetBoolean());

        var twice = await Assert.ThrowsAsync<JanusException>(() =>
            handle.MessageAsync(new JsonObject { ["request"] = "create", ["room"] = room, ["admin_key"] = _janus.ApiSecret }));
        Assert.Equal(JanusException.RoomExists, twice.Code);

        await handle.MessageAsync(new JsonObject { ["request"] = "destroy", ["room"] = room });
        var (gone, _) = await handle.MessageAsync(new JsonObject { ["request"] = "exists", ["room"] = room });
        Assert.False(gone.GetProperty("exists").GetBoolean());
    }

    [Fact]
    public async Task An_asynchronous_request_sent_without_waiting_for_its_event_returns_once_acknowledged()
    {
        await using var connection = await JanusConnection.ConnectAsync(_janus.Url, _janus.ApiSecret, Timeout, CancellationToken.None);
        await using var session = await JanusSession.CreateAsync(connection, TimeSpan.FromSeconds(10), CancellationToken.None);
        var events = new List<JsonElement>();
        var handle = await session.AttachAsync("janus.plugin.videoroom", e => { lock (events) events.Add(e.Clone()); }, CancellationToken.None);
        var room = Guid.NewGuid().ToString();
        await handle.MessageAsync(new JsonObject { ["request"] = "create", ["room"] = room, ["admin_key"] = _janus.ApiSecret });

        // "join" is asynchronous in the video room: Janus acknowledges it at once and answers with an event.
        var (data, jsep) = await handle.MessageAsync(new JsonObject { ["request"] = "join", ["room"] = room, ["ptype"] = "publisher", ["id"] = "p1" });
        Assert.Equal(JsonValueKind.Object, data.ValueKind);
        Assert.Null(jsep);
        var joined = await PollEventAsync(events, e => e.TryGetProperty("plugindata", out var p) && p.GetProperty("data").GetProperty("videoroom").GetString() == "joined");
        Assert.True(joined, "the join's event never came");
    }

    private static async Task<bool> PollEventAsync(List<JsonElement> events, Func<JsonElement, bool> wanted)
    {
        for (var i = 0; i < 100; i++)
        {
            lock (events)
            {
                if (events.Any(wanted))
                    return true;
            }
            await Task.Delay(50);
        }
        return false;
    }

    [Fact]
    public async Task A_wrong_api_secret_and_a_room_without_the_admin_key_are_refused()
    {
        await using var wrong = await JanusConnection.ConnectAsync(_janus.Url, "not-the-secret", Timeout, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<JanusException>(() => JanusSession.CreateAsync(wrong, TimeSpan.FromSeconds(10), CancellationToken.None));
        Assert.Equal(403, refused.Code);

        await using var connection = await JanusConnection.ConnectAsync(_janus.Url, _janus.ApiSecret, Timeout, CancellationToken.None);
        await using var session = await JanusSession.CreateAsync(connection, TimeSpan.FromSeconds(10), CancellationToken.None);
        var handle = await session.AttachAsync("janus.plugin.videoroom", _ => { }, CancellationToken.None);
        var noKey = await Assert.ThrowsAsync<JanusException>(() =>
            handle.MessageAsync(new JsonObject { ["request"] = "create", ["room"] = Guid.NewGuid().ToString() }));
        Assert.NotEqual(0, noKey.Code);
    }

    [Fact]
    public async Task A_killed_janus_is_noticed_by_the_session_within_seconds()
    {
        await using var connection = await JanusConnection.ConnectAsync(_janus.Url, _janus.ApiSecret, Timeout, CancellationToken.None);
        await using var session = await JanusSession.CreateAsync(connection, TimeSpan.FromSeconds(1), CancellationToken.None);
        var lost = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Lost += e => lost.TrySetResult(e);

        _janus.Kill();

        var reason = await lost.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.IsType<JanusUnavailableException>(reason);
        await Assert.ThrowsAsync<JanusUnavailableException>(() =>
            session.AttachAsync("janus.plugin.videoroom", _ => { }, CancellationToken.None));
    }

    [Fact]
    public async Task A_publisher_offer_without_a_codec_in_common_is_refused_or_answered_with_its_media_rejected()
    {
        await using var connection = await JanusConnection.ConnectAsync(_janus.Url, _janus.ApiSecret, Timeout, CancellationToken.None);
        await using var session = await JanusSession.CreateAsync(connection, TimeSpan.FromSeconds(10), CancellationToken.None);
        var handle = await session.AttachAsync("janus.plugin.videoroom", _ => { }, CancellationToken.None);
        var room = Guid.NewGuid().ToString();
        await handle.MessageAsync(new JsonObject { ["request"] = "create", ["room"] = room, ["admin_key"] = _janus.ApiSecret, ["audiocodec"] = "opus" });

        string? answer = null;
        try
        {
            var (_, jsep) = await handle.MessageAsync(new JsonObject { ["request"] = "joinandconfigure", ["room"] = room, ["ptype"] = "publisher", ["id"] = "p1" },
                new JsonObject { ["type"] = "offer", ["sdp"] = Offers.PcmuOnly }, JanusReply.Event);
            answer = jsep?.GetProperty("sdp").GetString();
        }
        catch (JanusException)
        {
            return; // refused outright: also "no codec in common"
        }
        Assert.False(answer is not null && Sdp.HasAcceptedMedia(answer), answer);
    }

    [Fact]
    public async Task Nobody_listening_is_a_clear_error()
    {
        var nowhere = new Uri($"ws://{MediaNetwork.InsideAddress}:9");
        await Assert.ThrowsAsync<JanusUnavailableException>(() => JanusConnection.ConnectAsync(nowhere, "x", Timeout, CancellationToken.None));
    }
}
