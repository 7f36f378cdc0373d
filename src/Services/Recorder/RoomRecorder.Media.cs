using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Services.Recorder;

/// <summary>Who is in the mix: every publication of someone who agreed to be recorded, laid out from the room's focus.</summary>
public sealed partial class RoomRecorder
{
    private const string Camera = "video", Screen = "screen";
    private readonly Dictionary<Guid, Peer> _peers = [];
    private readonly Dictionary<InputId, Forward> _forwards = [];
    private Guid? _focus;

    /// <summary>A participant as the recorder needs them: their name, their answer, what they publish.</summary>
    private sealed record Peer(Guid Id, string Name, bool Consents, bool Camera, bool Screen);

    /// <summary>A publication Janus was asked to send to these ports; in the mix once Janus said it does.</summary>
    private sealed record Forward(Guid Participant, string SessionType, int AudioPort, int VideoPort, bool InMix);

    private static InputId InputOf(Guid participant, string sessionType) => new($"{participant:N}-{sessionType}");

    private Peer RememberPeer(JsonElement participant)
    {
        var media = participant.GetProperty("media");
        static bool Publishes(JsonElement media, string session) =>
            media.TryGetProperty(session, out var s) && s.ValueKind == JsonValueKind.Object;
        var peer = new Peer(
            participant.GetProperty("id").GetGuid(),
            participant.GetProperty("control").GetProperty("display_name").GetString() ?? "",
            participant.TryGetProperty("recording", out var recording) && recording.ValueKind == JsonValueKind.Object
                && recording.TryGetProperty("consents_recording", out var consents) && consents.ValueKind == JsonValueKind.True,
            Publishes(media, Camera), Publishes(media, Screen));
        _peers[peer.Id] = peer;
        return peer;
    }

    private async Task OnPeerAsync(JsonElement participant)
    {
        var peer = RememberPeer(participant);
        if (_mixer is not null)
            await ReconcileAsync(peer);
    }

    private async Task OnPeerLeftAsync(Guid id)
    {
        if (!_peers.Remove(id, out var peer))
            return;
        // Janus' forwarders went with the publisher; the node knows. Only the mix is left to tidy up.
        foreach (var input in new[] { InputOf(peer.Id, Camera), InputOf(peer.Id, Screen) })
            RemoveFromMix(input);
        UpdateLayout();
        await Task.CompletedTask;
    }

    /// <summary>What of <paramref name="peer"/> is wanted in the mix is forwarded, what is not any more is stopped.</summary>
    private async Task ReconcileAsync(Peer peer)
    {
        foreach (var (session, publishes) in new[] { (Camera, peer.Camera), (Screen, peer.Screen) })
        {
            var input = InputOf(peer.Id, session);
            var wanted = peer.Consents && publishes;
            var forwarded = _forwards.ContainsKey(input);
            if (wanted && !forwarded)
            {
                var (audio, video) = (FreeUdpPort(), FreeUdpPort());
                _forwards[input] = new Forward(peer.Id, session, audio, video, InMix: false);
                await TrySendAsync(Namespaces.RecordingService, RecordingActions.Forward, new
                {
                    target = peer.Id, media_session_type = session, host = _settings.RtpAddress, audio_port = audio, video_port = video,
                });
            }
            else if (!wanted && forwarded)
            {
                RemoveFromMix(input);
                if (publishes)
                    await TrySendAsync(Namespaces.RecordingService, RecordingActions.StopForward, new { target = peer.Id, media_session_type = session });
            }
        }
        UpdateLayout();
    }

    /// <summary>Janus sends now: the ports join the mix, and a keyframe is asked for so the picture starts at once.</summary>
    private async Task OnForwardingAsync(JsonElement payload)
    {
        var participant = payload.GetProperty("source").GetGuid();
        var session = payload.GetProperty("media_session_type").GetString() ?? Camera;
        var input = InputOf(participant, session);
        if (_mixer is null || !_forwards.TryGetValue(input, out var forward) || forward.InMix || !_peers.TryGetValue(participant, out var peer))
            return;
        var videoCodec = payload.GetProperty("video_codec").GetString() ?? "vp8";
        var audioCodec = payload.GetProperty("audio_codec").GetString() ?? "opus";
        var name = session == Screen ? $"{peer.Name} (screen)" : peer.Name;
        try
        {
            _mixer.AddInput(input, name, new RtpInput(forward.VideoPort, videoCodec, 96), new RtpInput(forward.AudioPort, audioCodec, 111));
        }
        catch (Exception e) when (e is Gst.GstException or ArgumentException)
        {
            // A port taken meanwhile, or a codec the mix cannot decode: without them, the rest of the mix goes on.
            LogInputFailed(_log, input.Value, e.Message);
            _forwards.Remove(input);
            await TrySendAsync(Namespaces.RecordingService, RecordingActions.StopForward, new { target = participant, media_session_type = session });
            return;
        }
        _forwards[input] = forward with { InMix = true };
        UpdateLayout();
        await TrySendAsync(Namespaces.RecordingService, RecordingActions.Keyframe, new { target = participant, media_session_type = session });
    }

    private void RemoveFromMix(InputId input)
    {
        if (_forwards.Remove(input, out var forward) && forward.InMix)
            _mixer?.RemoveInput(input);
    }

    /// <summary>A screen share takes the main area; else the room's focus (the speaker) does; else everybody in a grid.</summary>
    private void UpdateLayout()
    {
        if (_mixer is null)
            return;
        var inMix = _forwards.Where(f => f.Value.InMix).Select(f => f.Key).ToHashSet();
        var screen = _forwards.Where(f => f.Value.InMix && f.Value.SessionType == Screen).Select(f => (InputId?)f.Key).FirstOrDefault();
        InputId? focus = _focus is { } f && inMix.Contains(InputOf(f, Camera)) ? InputOf(f, Camera) : null;
        _mixer.SetLayout(screen is null && focus is null ? new Layout.Grid() : new Layout.Speaker(focus, screen));
    }

    /// <summary>A port nobody uses now (the mix binds it when Janus says it sends).</summary>
    private int FreeUdpPort()
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Parse(_settings.RtpAddress), 0));
        return ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
    }
}
