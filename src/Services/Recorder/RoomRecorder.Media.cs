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

    /// <summary>What browsers publish unless the node says otherwise (its <c>forwarding</c> names the codec).</summary>
    private const string ExpectedVideoCodec = "vp8";

    /// <summary>Janus asks a publisher for a keyframe at most about once a second.</summary>
    private static readonly TimeSpan KeyframeAgain = TimeSpan.FromSeconds(1.5);
    private readonly Dictionary<Guid, Peer> _peers = [];
    private readonly Dictionary<InputId, Forward> _forwards = [];
    private Guid? _focus;

    /// <summary>A participant as the recorder needs them: their name, their answer, what they publish.</summary>
    private sealed record Peer(Guid Id, string Name, bool Consents, bool Camera, bool Screen);

    /// <summary>A publication Janus was asked to send to these ports; in the mix once Janus said it does.</summary>
    private sealed record Forward(Guid Participant, string SessionType, int AudioPort, int VideoPort, bool InMix, string VideoCodec)
    {
        /// <summary>Janus said it sends (<c>forwarding</c>).</summary>
        public bool Confirmed { get; init; }

        public int Attempts { get; init; } = 1;
    }

    /// <summary>
    /// A forward the room refused or left unanswered (a publication not yet in Janus, a media server failing over) is
    /// asked for again after this times the attempts so far, up to <see cref="ForwardAttempts"/> times: otherwise the
    /// tile would stay black for the whole recording.
    /// </summary>
    private static readonly TimeSpan ForwardPatience = TimeSpan.FromSeconds(3);

    private const int ForwardAttempts = 5;

    private sealed record ForwardDue(InputId Input, int Attempt);

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

    private void OnPeerLeft(Guid id)
    {
        if (!_peers.Remove(id, out var peer))
            return;
        // Janus' forwarders went with the publisher; the node knows. Only the mix is left to tidy up.
        foreach (var input in new[] { InputOf(peer.Id, Camera), InputOf(peer.Id, Screen) })
            RemoveFromMix(input);
        UpdateLayout();
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
                // The mix listens before Janus sends: the keyframe Janus asks for when the forward starts is the
                // decoder's first frame (another request within a second would be dropped as too soon).
                var (audio, video) = (FreeUdpPort(), FreeUdpPort());
                var forward = new Forward(peer.Id, session, audio, video, InMix: false, VideoCodec: ExpectedVideoCodec);
                if (!TryAddToMix(input, peer, forward))
                    continue;
                _forwards[input] = forward with { InMix = true };
                await RequestForwardAsync(input, _forwards[input]);
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

    /// <summary>
    /// Janus sends now, in the codec it names: the mix decodes that one (started again with it when it is not the one
    /// expected), and a keyframe is asked for once more a little later, in case the first one was lost.
    /// </summary>
    private async Task OnForwardingAsync(JsonElement payload)
    {
        var participant = payload.GetProperty("source").GetGuid();
        var session = payload.GetProperty("media_session_type").GetString() ?? Camera;
        var input = InputOf(participant, session);
        if (_mixer is null || !_forwards.TryGetValue(input, out var forward) || !_peers.TryGetValue(participant, out var peer))
            return;
        var videoCodec = payload.GetProperty("video_codec").GetString() ?? ExpectedVideoCodec;
        if (!videoCodec.Equals(forward.VideoCodec, StringComparison.OrdinalIgnoreCase))
        {
            RemoveFromMix(input);
            forward = forward with { VideoCodec = videoCodec, InMix = false };
            if (!TryAddToMix(input, peer, forward))
            {
                await TrySendAsync(Namespaces.RecordingService, RecordingActions.StopForward, new { target = participant, media_session_type = session });
                return;
            }
            _forwards[input] = forward with { InMix = true };
        }
        _forwards[input] = _forwards[input] with { Confirmed = true };
        UpdateLayout();
        _ = Task.Delay(KeyframeAgain).ContinueWith(_ => _inbox.Writer.TryWrite(new KeyframeDue(participant, session)), TaskScheduler.Default);
    }

    private sealed record KeyframeDue(Guid Participant, string SessionType);

    private async Task RequestForwardAsync(InputId input, Forward forward)
    {
        await TrySendAsync(Namespaces.RecordingService, RecordingActions.Forward, new
        {
            target = forward.Participant, media_session_type = forward.SessionType, host = _settings.RtpAddress,
            audio_port = forward.AudioPort, video_port = forward.VideoPort,
        });
        var attempt = forward.Attempts;
        _ = Task.Delay(ForwardPatience * attempt).ContinueWith(_ => _inbox.Writer.TryWrite(new ForwardDue(input, attempt)), TaskScheduler.Default);
    }

    /// <summary>The same ports again: the mix still listens on them.</summary>
    private async Task OnForwardDueAsync(ForwardDue due)
    {
        if (_mixer is null || !_forwards.TryGetValue(due.Input, out var forward) || forward.Confirmed || forward.Attempts != due.Attempt)
            return;
        if (forward.Attempts >= ForwardAttempts)
        {
            LogForwardGivenUp(_log, due.Input.Value, forward.Attempts);
            return;
        }
        _forwards[due.Input] = forward with { Attempts = forward.Attempts + 1 };
        await RequestForwardAsync(due.Input, _forwards[due.Input]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Janus did not forward {Input} after {Attempts} requests: it stays out of the recording")]
    private static partial void LogForwardGivenUp(ILogger log, string input, int attempts);

    private async Task OnKeyframeDueAsync(KeyframeDue due)
    {
        if (_forwards.ContainsKey(InputOf(due.Participant, due.SessionType)))
            await TrySendAsync(Namespaces.RecordingService, RecordingActions.Keyframe, new { target = due.Participant, media_session_type = due.SessionType });
    }

    private bool TryAddToMix(InputId input, Peer peer, Forward forward)
    {
        var name = forward.SessionType == Screen ? $"{peer.Name} (screen)" : peer.Name;
        try
        {
            _mixer!.AddInput(input, name, new RtpInput(forward.VideoPort, forward.VideoCodec, 96), new RtpInput(forward.AudioPort, "opus", 111));
            return true;
        }
        catch (Exception e) when (e is Gst.GstException or ArgumentException)
        {
            // A port taken meanwhile, or a codec the mix cannot decode: without them, the rest of the mix goes on.
            LogInputFailed(_log, input.Value, e.Message);
            _forwards.Remove(input);
            return false;
        }
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
