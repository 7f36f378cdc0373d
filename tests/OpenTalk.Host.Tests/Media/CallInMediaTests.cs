using System.Net;
using System.Net.Sockets;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Sip.Rtp;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Host.Tests.Media;

/// <summary>
/// A phone caller's audio through the node and a real Janus, as the gateway carries it: the caller's G.711 into the
/// room as plain RTP (a Janus remote publisher browsers subscribe to), and a browser's audio forwarded to the caller.
/// Here the test plays the gateway: a signaling client with a call-in ticket and UDP sockets.
/// </summary>
[Collection(BrowserMediaCollection.Name)]
public sealed class CallInMediaTests : IAsyncLifetime
{
    private const string Pin = "0123456789";
    private MediaRoom _room = null!;

    public async Task InitializeAsync() => _room = await MediaRoom.StartAsync();

    public async Task DisposeAsync() => await _room.DisposeAsync();

    private async Task<(SignalingClient Caller, Guid Id)> CallInAsync()
    {
        var sipId = (await _room.Owner.PutSipAsync(_room.Room, Pin)).GetProperty("sip_id").GetString()!;
        var ticket = await (await _room.Node.AsCallInGatewayAsync()).StartCallInAsync(sipId, Pin);
        var caller = await _room.Node.ConnectAsync(ticket.Ticket);
        await caller.JoinAsync("Phone …6789");
        var joined = await caller.WaitForAsync("control", "join_success");
        return (caller, joined.Payload.GetProperty("id").GetGuid());
    }

    /// <summary>A 440 Hz tone as G.711 μ-law, 20 ms a packet at the pace of a phone, with the SSRC Janus was given.</summary>
    private static async Task SendToneAsync(IPEndPoint to, uint ssrc, CancellationToken ct)
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Parse(MediaNetwork.HostAddress), 0));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var n = 0; !ct.IsCancellationRequested; n++)
        {
            var samples = Enumerable.Range(n * 160, 160).Select(i => (short)(10000 * Math.Sin(2 * Math.PI * 440 * i / 8000))).ToArray();
            var payload = new byte[160];
            G711.EncodeMuLaw(samples, payload);
            var packet = new RtpPacket { PayloadType = 0, SequenceNumber = (ushort)n, Timestamp = (uint)(n * 160), Ssrc = ssrc, Payload = payload, Marker = n == 0 };
            await socket.SendAsync(packet.ToBytes(), to, ct);
            var due = TimeSpan.FromMilliseconds(20 * (n + 1)) - clock.Elapsed;
            if (due > TimeSpan.Zero)
                await Task.Delay(due, ct).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [Fact]
    public async Task A_callers_audio_reaches_the_browsers_and_a_browsers_audio_reaches_the_caller()
    {
        var olga = await _room.JoinAsync("Olga");
        var uma = await _room.JoinAsync("Uma");
        await uma.PublishAsync("video");
        var (caller, callerId) = await CallInAsync();

        await caller.SendAsync("call_in", "publish");
        var publishing = await caller.WaitForAsync("media", "call_publishing", TimeSpan.FromSeconds(30));
        var janus = new IPEndPoint(IPAddress.Parse(publishing.Payload.GetProperty("host").GetString()!), publishing.Payload.GetProperty("port").GetInt32());
        Assert.Equal(0, publishing.Payload.GetProperty("payload_type").GetInt32());
        using var stop = new CancellationTokenSource();
        var tone = SendToneAsync(janus, publishing.Payload.GetProperty("ssrc").GetUInt32(), stop.Token);

        // Olga's browser subscribes to the caller like to anyone, and hears the tone.
        var key = $"{callerId}/video";
        var heard = await Poll.UntilAsync(olga.StatsAsync, s => s.TryGetValue(key, out var m) && m.AudioEnergy > 0, 60);
        Assert.True(heard.TryGetValue(key, out var media) && media.AudioEnergy > 0, await olga.DescribeAsync());
        var shown = (await olga.MessagesAsync()).Last(m => m.GetProperty("message").GetString() is "joined" or "update"
            && m.GetProperty("payload").GetProperty("id").GetGuid() == callerId).GetProperty("payload");
        Assert.Equal("sip", shown.GetProperty("control").GetProperty("participation_kind").GetString());
        var session = shown.GetProperty("media").GetProperty("video");
        Assert.True(session.GetProperty("audio").GetBoolean());
        Assert.False(session.GetProperty("video").GetBoolean());

        // Uma's microphone, forwarded to the caller as Opus.
        using var ear = new UdpClient(new IPEndPoint(IPAddress.Parse(MediaNetwork.HostAddress), 0));
        await caller.SendAsync("call_in", "forward", new { target = uma.Id, host = MediaNetwork.HostAddress, audio_port = ((IPEndPoint)ear.Client.LocalEndPoint!).Port });
        var forwarding = await caller.WaitForAsync(m => m.Message is "forwarding" or "error", TimeSpan.FromSeconds(30));
        Assert.Equal("forwarding", forwarding.Message);
        var packet = await ear.ReceiveAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(RtpPacket.TryParse(packet.Buffer, out var rtp) && rtp.PayloadType == 111, $"not Opus: {rtp?.PayloadType}");

        // Hanging up takes the caller out of the room and out of Janus.
        await stop.CancelAsync();
        await tone;
        await caller.SendAsync("control", "leave");
        await Poll.UntilAsync(olga.MessagesAsync, ms => ms.Any(m => m.GetProperty("message").GetString() == "left"
            && m.GetProperty("payload").GetProperty("id").GetGuid() == callerId), 30);
        await caller.DisposeAsync();
    }

    [Fact]
    public async Task Only_a_caller_may_publish_plain_rtp_or_have_audio_forwarded()
    {
        var olga = await _room.JoinAsync("Olga");
        var uma = await _room.JoinAsync("Uma");
        await uma.PublishAsync("video");
        await Poll.UntilAsync(olga.StatsAsync, s => s.ContainsKey(BrowserParticipant.Key(uma, "video")), 60);

        await olga.SendAsync("call_in", new { action = "publish" });
        await olga.SendAsync("call_in", new { action = "forward", target = uma.Id, host = MediaNetwork.HostAddress, audio_port = 40000 });

        var refusals = await Poll.UntilAsync(olga.MessagesAsync, ms => ms.Count(m => m.GetProperty("message").GetString() == "error") >= 2, 30);
        Assert.Equal(2, refusals.Count(m => m.GetProperty("message").GetString() == "error"
            && m.GetProperty("payload").GetProperty("error").GetString() == "insufficient_permissions"));
        Assert.DoesNotContain(refusals, m => m.GetProperty("message").GetString() is "call_publishing" or "forwarding");
    }
}
