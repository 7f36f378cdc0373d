using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests.Media;

/// <summary>
/// Real browsers (Debian's Chromium with fake camera and microphone) in a real meeting through the real node and a real
/// Janus, all inside the media network namespace: what each browser decodes is read from WebRTC statistics.
/// </summary>
[Collection(BrowserMediaCollection.Name)]
public sealed class BrowserMediaTests : IAsyncLifetime
{
    private MediaRoom _room = null!;

    public async Task InitializeAsync() => _room = await MediaRoom.StartAsync();

    public async Task DisposeAsync() => await _room.DisposeAsync();

    [Fact]
    public async Task Three_people_see_and_hear_each_other_and_two_screens_shared_at_once_reach_the_third()
    {
        var olga = await _room.JoinAsync("Olga");
        var uma = await _room.JoinAsync("Uma");
        var ulf = await _room.JoinAsync("Ulf");
        BrowserParticipant[] everyone = [olga, uma, ulf];
        foreach (var p in everyone)
            await p.PublishAsync("video");

        foreach (var viewer in everyone)
        {
            var others = everyone.Where(p => p != viewer).Select(p => BrowserParticipant.Key(p, "video")).ToList();
            var first = await Poll.UntilAsync(viewer.StatsAsync, s => others.All(k => s.TryGetValue(k, out var m) && m.FramesDecoded > 0 && m.AudioEnergy > 0), 60);
            var seen = await viewer.DescribeAsync();
            Assert.All(others, k => Assert.True(first.TryGetValue(k, out var m) && m.FramesDecoded > 0 && m.AudioEnergy > 0, $"{k}: {seen}"));
            var later = await Poll.UntilAsync(viewer.StatsAsync, s => others.All(k => s[k].FramesDecoded > first[k].FramesDecoded + 10), 30);
            Assert.All(others, k => Assert.True(later[k].FramesDecoded > first[k].FramesDecoded, $"{viewer.Name}: frames of {k} keep coming"));
        }

        await olga.PublishAsync("screen");
        await uma.PublishAsync("screen");
        string[] screens = [BrowserParticipant.Key(olga, "screen"), BrowserParticipant.Key(uma, "screen")];
        var shared = await Poll.UntilAsync(ulf.StatsAsync, s => screens.All(k => s.TryGetValue(k, out var m) && m.FramesDecoded > 5), 60);
        var ulfSaw = await ulf.DescribeAsync();
        Assert.All(screens, k => Assert.True(shared.TryGetValue(k, out var m) && m.FramesDecoded > 5, $"Ulf decodes the screen {k}: {ulfSaw}"));

        var messages = await ulf.MessagesAsync();
        Assert.Contains(messages, m => m.GetProperty("message").GetString() == "webrtc_up");
        // The media messages in OpenTalk's shapes (opentalk-types, signaling media): a renamed field fails here.
        var shapes = new Dictionary<string, string[]>
        {
            ["sdp_answer"] = ["sdp", "source", "media_session_type"],
            ["sdp_offer"] = ["sdp", "source", "media_session_type"],
            ["webrtc_up"] = ["source", "media_session_type"],
        };
        foreach (var (message, fields) in shapes)
        {
            var sent = messages.Where(m => m.GetProperty("namespace").GetString() == "media" && m.GetProperty("message").GetString() == message)
                .Select(m => m.GetProperty("payload")).ToList();
            Assert.NotEmpty(sent);
            Assert.All(sent, p => Assert.All(fields, f => Assert.True(p.TryGetProperty(f, out _), $"{message} lacks {f}: {p}")));
            Assert.All(sent, p => Assert.Contains(p.GetProperty("media_session_type").GetString(), new[] { "video", "screen" }));
        }
        // Janus puts its candidates into its SDP, so none trickle to the clients (sdp_candidate is a client's message here).
        // A session shows to others once its publisher said what it sends (every one here sends video): OpenTalk's apps
        // keep the first state they see of a session, and one shown as "no video" too early was never watched.
        var announced = messages.Where(m => m.GetProperty("message").GetString() is "update" or "joined"
            && m.GetProperty("payload").TryGetProperty("media", out var media) && media.TryGetProperty("video", out _)).ToList();
        Assert.NotEmpty(announced);
        Assert.All(announced, m => Assert.True(m.GetProperty("payload").GetProperty("media").GetProperty("video").GetProperty("video").GetBoolean()));

        // The fake microphones beep: Janus reports talking, and the floor goes to one of the three.
        var focus = await Poll.UntilAsync(ulf.MessagesAsync, ms => ms.Any(m => m.GetProperty("message").GetString() == "focus_update"
            && m.GetProperty("payload").GetProperty("focus").ValueKind == System.Text.Json.JsonValueKind.String), 30);
        var focused = focus.Last(m => m.GetProperty("message").GetString() == "focus_update").GetProperty("payload").GetProperty("focus").GetGuid();
        Assert.Contains(focused, everyone.Select(p => p.Id));

        // OpenTalk's apps show who speaks by speaker_updated, from the same reports.
        var speaking = focus.Where(m => m.GetProperty("message").GetString() == "speaker_updated").Select(m => m.GetProperty("payload")).ToList();
        Assert.Contains(speaking, p => p.GetProperty("is_speaking").GetBoolean() && everyone.Any(e => e.Id == p.GetProperty("participant").GetGuid()));

        // Someone coming in while the beeps go on learns who speaks from join_success (OpenTalk's media.speakers).
        var late = await _room.JoinAsync("Lea");
        var welcome = (await late.MessagesAsync()).First(m => m.GetProperty("message").GetString() == "join_success").GetProperty("payload");
        var speakers = welcome.GetProperty("media").GetProperty("speakers").EnumerateArray().ToList();
        Assert.All(speakers, s => Assert.Contains(s.GetProperty("participant").GetGuid(), everyone.Select(p => p.Id)));
    }

    [Fact]
    public async Task A_resubscribe_restarts_ICE_on_the_same_connection_and_the_video_goes_on()
    {
        var (olga, uma, key) = await OlgaWatchesUmaAsync();
        static IEnumerable<string> Offers(IEnumerable<System.Text.Json.JsonElement> ms) => ms
            .Where(m => m.GetProperty("message").GetString() == "sdp_offer")
            .Select(m => m.GetProperty("payload").GetProperty("sdp").GetString()!);
        var first = Assert.Single(Offers(await olga.MessagesAsync()));

        // OpenTalk's apps recover a broken subscription so: the new offer must fit the PeerConnection they have.
        await olga.ResubscribeAsync(uma, "video");
        var restart = Offers(await Poll.UntilAsync(olga.MessagesAsync, ms => Offers(ms).Count() > 1, 30)).Last();
        Assert.Equal(Line(first, "a=fingerprint:"), Line(restart, "a=fingerprint:")); // the same Janus handle, the same DTLS
        Assert.NotEqual(Line(first, "a=ice-ufrag:"), Line(restart, "a=ice-ufrag:")); // new ICE credentials: a restart

        var before = (await olga.StatsAsync())[key].FramesDecoded;
        var after = await Poll.UntilAsync(olga.StatsAsync, s => s[key].FramesDecoded > before + 30, 30);
        Assert.True(after[key].FramesDecoded > before + 30, $"The video stopped after the restart: {await olga.DescribeAsync()}");
    }

    [Fact]
    public async Task A_publisher_restarting_ICE_keeps_its_session_and_nobody_has_to_subscribe_again()
    {
        var (olga, uma, key) = await OlgaWatchesUmaAsync();
        static int Count(IEnumerable<System.Text.Json.JsonElement> ms, string message) => ms.Count(m => m.GetProperty("message").GetString() == message);

        // OpenTalk's apps send publish again from the same PeerConnection: a renegotiation of the session it has.
        await uma.RestartPublicationAsync("video");
        await Poll.UntilAsync(uma.MessagesAsync, ms => Count(ms, "sdp_answer") > 1, 30);
        var before = (await olga.StatsAsync())[key].FramesDecoded;
        var after = await Poll.UntilAsync(olga.StatsAsync, s => s[key].FramesDecoded > before + 30, 30);
        Assert.True(after[key].FramesDecoded > before + 30, $"Olga's video stopped: {await olga.DescribeAsync()}");
        var olgaSaw = await olga.MessagesAsync();
        Assert.Equal(1, Count(olgaSaw, "sdp_offer")); // her subscription went on as it was
        Assert.Equal(0, Count(olgaSaw, "webrtc_down"));
    }

    [Fact]
    public async Task Only_the_one_who_is_heard_is_reported_speaking()
    {
        var olga = await _room.JoinAsync("Olga");
        var uma = await _room.JoinAsync("Uma");
        await olga.Page.EvaluateAsync("() => { ot.muteMicrophone = true; }");
        await olga.PublishAsync("video");
        await uma.PublishAsync("video");
        static bool Speaking(System.Text.Json.JsonElement m, Guid who) => m.GetProperty("message").GetString() == "speaker_updated"
            && m.GetProperty("payload").GetProperty("participant").GetGuid() == who && m.GetProperty("payload").GetProperty("is_speaking").GetBoolean();

        // Janus tells every publisher's handle when Uma's beeps start and stop; only Uma speaks.
        await Poll.UntilAsync(olga.MessagesAsync, ms => ms.Count(m => Speaking(m, uma.Id)) >= 2, 30);
        Assert.DoesNotContain(await olga.MessagesAsync(), m => Speaking(m, olga.Id));
        Assert.DoesNotContain(await uma.MessagesAsync(), m => Speaking(m, olga.Id));
    }

    /// <summary>Uma publishes her camera and Olga decodes it.</summary>
    private Task<(BrowserParticipant Olga, BrowserParticipant Uma, string Key)> OlgaWatchesUmaAsync() => _room.OlgaReceivesUmaAsync(m => m.FramesDecoded > 5);

    private static string? Line(string sdp, string prefix) =>
        sdp.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
}
