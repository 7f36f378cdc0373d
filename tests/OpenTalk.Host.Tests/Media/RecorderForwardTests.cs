using System.Net;
using System.Net.Sockets;
using OpenTalk.Actors.Meetings;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Host.Tests.Media;

/// <summary>
/// The recorder receives what it records as plain RTP: the node has Janus copy a publication to the recorder's UDP
/// ports (rtp_forward), only for people who agreed to be recorded, and stops when the recorder goes.
/// </summary>
[Collection(BrowserMediaCollection.Name)]
public sealed class RecorderForwardTests : IAsyncLifetime
{
    private MediaRoom _room = null!;

    public async Task InitializeAsync() => _room = await MediaRoom.StartAsync();

    public async Task DisposeAsync() => await _room.DisposeAsync();

    /// <summary>RTP packets with this payload type that reach the socket within <paramref name="within"/>.</summary>
    private static async Task<int> RtpPacketsAsync(UdpClient socket, int payloadType, TimeSpan within)
    {
        var count = 0;
        using var timeout = new CancellationTokenSource(within);
        try
        {
            while (true)
            {
                var packet = await socket.ReceiveAsync(timeout.Token);
                var bytes = packet.Buffer;
                // RTP version 2, and the payload type Janus was told to use (RTCP would be 200-204 in the second byte).
                if (bytes.Length > 12 && bytes[0] >> 6 == 2 && (bytes[1] & 0x7F) == payloadType)
                    count++;
            }
        }
        catch (OperationCanceledException)
        {
            return count;
        }
    }

    /// <summary>Whether an RTP packet starts a VP8 keyframe (RFC 7741: the first packet of a frame, P bit clear).</summary>
    private static bool StartsVp8Keyframe(byte[] rtp)
    {
        var at = 12 + 4 * (rtp[0] & 0x0F);
        if ((rtp[0] & 0x10) != 0) // header extension: 4 bytes, then its length in 32-bit words
            at += 4 + 4 * ((rtp[at + 2] << 8) | rtp[at + 3]);
        if (at >= rtp.Length)
            return false;
        var descriptor = rtp[at];
        if ((descriptor & 0x10) == 0 || (descriptor & 0x07) != 0) // S: start of a partition; PID 0
            return false;
        at++;
        if ((descriptor & 0x80) != 0) // X: an extension byte says which optional fields follow
        {
            var extension = rtp[at++];
            if ((extension & 0x80) != 0) at += (rtp[at] & 0x80) != 0 ? 2 : 1; // picture id, 7 or 15 bits
            if ((extension & 0x40) != 0) at++; // TL0PICIDX
            if ((extension & 0x30) != 0) at++; // TID / KEYIDX
        }
        return at < rtp.Length && (rtp[at] & 0x01) == 0;
    }

    /// <summary>How many VP8 keyframes start on the socket within <paramref name="within"/>.</summary>
    private static async Task<int> Vp8KeyframesAsync(UdpClient socket, TimeSpan within)
    {
        var count = 0;
        using var timeout = new CancellationTokenSource(within);
        try
        {
            while (true)
            {
                var bytes = (await socket.ReceiveAsync(timeout.Token)).Buffer;
                if (bytes.Length > 12 && (bytes[1] & 0x7F) == 96 && StartsVp8Keyframe(bytes))
                    count++;
            }
        }
        catch (OperationCanceledException)
        {
            return count;
        }
    }

    [Fact]
    public async Task A_publication_reaches_the_recorder_as_rtp_only_with_consent_and_stops_when_the_recorder_goes()
    {
        var (olga, uma, _) = await _room.OlgaReceivesUmaAsync(m => m.FramesDecoded > 0);
        await olga.SendAsync("recording", new { action = "start_stream", target_ids = new[] { RoomRecording.TargetIdOf(_room.Room).ToString() } });

        var recorderApi = await _room.Node.AsRecorderAsync();
        var ticket = await recorderApi.StartRecorderAsync(_room.Room);
        await using var recorder = await _room.Node.ConnectAsync(ticket.Ticket);
        await recorder.JoinAsync("Recorder");
        await recorder.WaitForAsync("control", "join_success");

        using var audio = new UdpClient(new IPEndPoint(IPAddress.Parse(MediaNetwork.HostAddress), 0));
        using var video = new UdpClient(new IPEndPoint(IPAddress.Parse(MediaNetwork.HostAddress), 0));
        var forward = new
        {
            target = uma.Id, media_session_type = "video", host = MediaNetwork.HostAddress,
            audio_port = ((IPEndPoint)audio.Client.LocalEndPoint!).Port, video_port = ((IPEndPoint)video.Client.LocalEndPoint!).Port,
        };

        // Uma has not said she may be recorded: nothing is forwarded.
        await recorder.SendAsync("recording_service", "forward", forward);
        Assert.Equal("no_recording_consent", (await recorder.WaitForAsync("media", "error")).Error);
        Assert.Equal(0, await RtpPacketsAsync(video, 96, TimeSpan.FromSeconds(1)));

        // Nobody but the recorder may ask for it.
        await olga.SendAsync("recording_service", new { action = "forward", forward.target, forward.media_session_type, forward.host, forward.audio_port, forward.video_port });
        await Poll.UntilAsync(olga.MessagesAsync, ms => ms.Any(m => m.GetProperty("message").GetString() == "error"
            && m.GetProperty("payload").GetProperty("error").GetString() == "insufficient_permissions"));

        await uma.SendAsync("recording", new { action = "set_consent", consent = true });
        await recorder.WaitForAsync(m => m.Message == "update" && m.Payload.GetProperty("id").GetGuid() == uma.Id);
        await recorder.SendAsync("recording_service", "forward", forward);
        var forwarding = await recorder.WaitForAsync("media", "forwarding");
        Assert.Equal(("vp8", "opus"), (forwarding.Payload.GetProperty("video_codec").GetString(), forwarding.Payload.GetProperty("audio_codec").GetString()));
        // The forward starts with a keyframe (asked of the browser), and the recorder may ask for another.
        Assert.True(await Vp8KeyframesAsync(video, TimeSpan.FromSeconds(3)) >= 1, "No keyframe came when the forward started.");
        Assert.True(await RtpPacketsAsync(video, 96, TimeSpan.FromSeconds(3)) > 10, "No VP8 RTP reached the recorder's video port.");
        await recorder.SendAsync("recording_service", "keyframe", new { target = uma.Id, media_session_type = "video" });
        Assert.True(await Vp8KeyframesAsync(video, TimeSpan.FromSeconds(3)) >= 1, "No keyframe came when the recorder asked for one.");
        Assert.True(await RtpPacketsAsync(audio, 111, TimeSpan.FromSeconds(3)) > 10, "No Opus RTP reached the recorder's audio port.");

        // The recorder goes: so do its forwarders, though the publication goes on.
        await recorder.SendAsync("control", "leave");
        await recorder.WaitForCloseAsync();
        await RtpPacketsAsync(video, 96, TimeSpan.FromSeconds(2)); // what was on its way, and what the socket holds
        Assert.Equal(0, await RtpPacketsAsync(video, 96, TimeSpan.FromSeconds(2)));
    }
}
