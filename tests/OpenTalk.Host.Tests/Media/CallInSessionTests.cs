using Microsoft.Extensions.Logging.Abstractions;
using OpenTalk.Host.Tests.CallIn;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Services.CallIn;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Host.Tests.Media;

/// <summary>
/// A whole call through the gateway's session, a real node, a real Janus and Chromium: the phone keys in the room's
/// conference id and PIN, talks (a tone) and listens; the browsers hear the phone and the phone hears the browsers.
/// </summary>
[Collection(BrowserMediaCollection.Name)]
public sealed class CallInSessionTests : IAsyncLifetime
{
    private const string Pin = "0123456789";
    private MediaRoom _room = null!;

    public async Task InitializeAsync() => _room = await MediaRoom.StartAsync();

    public async Task DisposeAsync() => await _room.DisposeAsync();

    private static bool IsUpdateOf(System.Text.Json.JsonElement m, Guid who) =>
        m.GetProperty("message").GetString() == "update" && m.GetProperty("payload").GetProperty("id").GetGuid() == who;

    [Fact]
    public async Task A_phone_caller_hears_the_room_is_heard_in_it_and_mutes_and_raises_a_hand_by_keys()
    {
        var sipId = (await _room.Owner.PutSipAsync(_room.Room, Pin)).GetProperty("sip_id").GetString()!;
        var olga = await _room.JoinAsync("Olga");
        await olga.PublishAsync("video"); // her fake microphone beeps every second
        var prompts = await PromptLibrary.LoadAsync(Path.Combine(Path.GetTempPath(), "opentalk-test-prompts"), "en");
        var gateway = await _room.Node.AsCallInGatewayAsync();
        var settings = new CallInSettings { Node = _room.Node.BaseUri, RoomRtpAddress = MediaNetwork.HostAddress };
        await using var phone = new TestPhone();
        var session = new CallSession(phone.Leg, settings, prompts, _ => Task.FromResult(gateway), NullLogger.Instance).RunAsync(CancellationToken.None);

        await phone.PressAsync(sipId + Pin);
        var joined = await Poll.UntilAsync(olga.MessagesAsync, ms => ms.Any(m => m.GetProperty("message").GetString() == "joined"), 30);
        var callerId = joined.Last(m => m.GetProperty("message").GetString() == "joined").GetProperty("payload").GetProperty("id").GetGuid();

        // The room hears the phone.
        phone.StartTone();
        var key = $"{callerId}/video";
        var heard = await Poll.UntilAsync(olga.StatsAsync, s => s.TryGetValue(key, out var m) && m.AudioEnergy > 0, 60);
        Assert.True(heard[key].AudioEnergy > 0, await olga.DescribeAsync());

        // The phone hears the room: once the "you are in the meeting" prompt is over, Olga's beeps.
        await phone.UntilQuietAsync(TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(30));
        var from = phone.Now;
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.True(phone.Loudness(from, phone.Now) > 100, $"the phone hears nothing of the room ({phone.Loudness(from, phone.Now):0})");

        // *1: muted in everyone's view (and the phone is told); *2: the hand goes up.
        await phone.PressAsync("*1");
        await Poll.UntilAsync(olga.MessagesAsync, ms => ms.Any(m => IsUpdateOf(m, callerId)
            && m.GetProperty("payload").TryGetProperty("media", out var media) && media.TryGetProperty("video", out var session)
            && session.ValueKind == System.Text.Json.JsonValueKind.Object && !session.GetProperty("audio").GetBoolean()), 30);
        await phone.PressAsync("*2");
        await Poll.UntilAsync(olga.MessagesAsync, ms => ms.Any(m => IsUpdateOf(m, callerId)
            && m.GetProperty("payload").TryGetProperty("control", out var control) && control.GetProperty("hand_is_up").GetBoolean()), 30);

        // Unmuted by *1 again, then muted by the moderator: the gateway follows the request.
        static bool AudioIs(System.Text.Json.JsonElement m, bool on) =>
            m.GetProperty("payload").TryGetProperty("media", out var media) && media.TryGetProperty("video", out var session)
            && session.ValueKind == System.Text.Json.JsonValueKind.Object && session.GetProperty("audio").GetBoolean() == on;
        await phone.PressAsync("*1");
        await Poll.UntilAsync(olga.MessagesAsync, ms => ms.Any(m => IsUpdateOf(m, callerId) && AudioIs(m, true)), 30);
        var before = (await olga.MessagesAsync()).Count;
        await olga.SendAsync("moderation", new { action = "mute", targets = new[] { callerId }, force = false });
        await Poll.UntilAsync(olga.MessagesAsync, ms => ms.Skip(before).Any(m => IsUpdateOf(m, callerId) && AudioIs(m, false)), 30);

        phone.Leg.PutDown();
        await session.WaitAsync(TimeSpan.FromSeconds(30));
        await Poll.UntilAsync(olga.MessagesAsync, ms => ms.Any(m => m.GetProperty("message").GetString() == "left"), 30);
    }

    [Fact]
    public async Task A_sipp_call_keys_its_way_in_is_heard_by_a_browser_and_star_one_silences_it()
    {
        var sipId = (await _room.Owner.PutSipAsync(_room.Room, Pin)).GetProperty("sip_id").GetString()!;
        var olga = await _room.JoinAsync("Olga");
        await using var gateway = new CallInGateway(new CallInSettings
        {
            Node = _room.Node.BaseUri, ClientId = TestNode.CallInClientId, ClientSecret = TestNode.CallInClientSecret, SipPort = 0,
            RoomRtpAddress = MediaNetwork.HostAddress, PromptFolder = Path.Combine(Path.GetTempPath(), "opentalk-test-prompts"),
        }, NullLoggerFactory.Instance);
        await gateway.StartAsync(CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var serving = gateway.RunAsync(stop.Token);

        // The phone keys in, talks (SIPp's recorded speech, 7 s), keys *1, talks again and hangs up.
        var scenario = CallInScenario.Write(sipId + Pin, talkSeconds: 8, gatewayHangsUp: false, TimeSpan.FromSeconds(1), keysBetweenTalks: "*1");
        var call = Sipp.RunAsync(gateway.UdpEndPoint!.Port, "u1", scenario, "call-in", 90, []);

        var joined = await Poll.UntilAsync(olga.MessagesAsync, ms => ms.Any(m => m.GetProperty("message").GetString() == "joined"), 60);
        var callerId = joined.Last(m => m.GetProperty("message").GetString() == "joined").GetProperty("payload").GetProperty("id").GetGuid();
        var key = $"{callerId}/video";
        var heard = await Poll.UntilAsync(olga.StatsAsync, s => s.TryGetValue(key, out var m) && m.AudioEnergy > 0, 30);
        Assert.True(heard[key].AudioEnergy > 0, await olga.DescribeAsync());

        // Muted: everyone sees it, and from then on nothing of the phone is heard (its speech plays again for 7 s).
        await Poll.UntilAsync(olga.MessagesAsync, ms => ms.Any(m => IsUpdateOf(m, callerId)
            && m.GetProperty("payload").TryGetProperty("media", out var media) && media.TryGetProperty("video", out var session)
            && session.ValueKind == System.Text.Json.JsonValueKind.Object && !session.GetProperty("audio").GetBoolean()), 30);
        await Task.Delay(TimeSpan.FromSeconds(1)); // what was on its way
        var mutedAt = (await olga.StatsAsync())[key].AudioEnergy;
        await Task.Delay(TimeSpan.FromSeconds(2));
        var later = (await olga.StatsAsync())[key].AudioEnergy;
        Assert.True(later - mutedAt < 1e-6, $"the phone is still heard after *1: energy {mutedAt} -> {later}");

        var (exit, output) = await call;
        Assert.True(exit == 0, output);
        await Poll.UntilAsync(olga.MessagesAsync, ms => ms.Any(m => m.GetProperty("message").GetString() == "left"), 30);
        await stop.CancelAsync();
        await serving;
    }
}
