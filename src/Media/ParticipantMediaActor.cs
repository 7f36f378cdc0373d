using System.Text.Json;
using System.Text.Json.Nodes;
using Akka.Actor;
using Akka.Event;
using OpenTalk.Actors.Meetings;
using OpenTalk.Media.Janus;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Media;

/// <summary>
/// The media of one participant connection: its publications (camera, screen) and subscriptions, each a VideoRoom
/// handle on a Janus instance. The meeting decides rights and records where media lives; this actor does the Janus
/// work and reports Janus' events to the client. Lives beside the connection, on the node that serves the socket.
/// </summary>
public sealed partial class ParticipantMediaActor : ReceiveActor
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(15);

    private readonly Guid _roomId;
    private readonly Guid _me;
    private readonly IActorRef _meetings;
    private readonly IActorRef _gateway;
    private readonly IActorRef _client;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<MediaSessionType, Publication> _publications = [];
    private readonly Dictionary<(Guid Target, MediaSessionType Type), Subscription> _subscriptions = [];
    private readonly Dictionary<(Guid Target, MediaSessionType Type), RtpForward> _forwards = [];

    // Subscriptions whose publisher's media server failed: renewed when the publisher is back.
    private readonly HashSet<(Guid Target, MediaSessionType Type)> _dropped = [];

    /// <param name="client">Receives <see cref="MediaToClient"/> (the connection actor, which writes to the socket).</param>
    public ParticipantMediaActor(Guid roomId, Guid me, IActorRef meetings, IActorRef gateway, IActorRef client)
    {
        _roomId = roomId;
        _me = me;
        _meetings = meetings;
        _gateway = gateway;
        _client = client;

        ReceiveAsync<MediaCommand>(HandleAsync);
        ReceiveAsync<JanusEvent>(OnJanusEventAsync);
        ReceiveAsync<JanusInstanceLost>(OnInstanceLostAsync);
        ReceiveAsync<StopMedia>(OnStopMediaAsync);
        ReceiveAsync<MediaAvailable>(OnMediaAvailableAsync);
        ReceiveAsync<CheckSubstream>(OnCheckSubstreamAsync);
        ReceiveAsync<RelayAudio>(OnRelayAudioAsync);
        ReceiveAsync<SendKeyframe>(OnSendKeyframeAsync);
    }

    public static Props Props(Guid roomId, Guid me, IActorRef meetings, IActorRef gateway, IActorRef client) =>
        Akka.Actor.Props.Create(() => new ParticipantMediaActor(roomId, me, meetings, gateway, client));

    private Task HandleAsync(MediaCommand command) => command switch
    {
        MediaCommand.Publish c => PublishAsync(c),
        MediaCommand.PublishComplete c => RecordStateAsync(c.Type, c.State),
        MediaCommand.UpdateMediaSession c => RecordStateAsync(c.Type, c.State),
        MediaCommand.Unpublish { Type: MediaSessionType.Video } when _call is not null => RemoveCallAsync(tellMeeting: true),
        MediaCommand.Unpublish c => UnpublishAsync(c.Type, MediaEndReasons.Unpublished, tellMeeting: true),
        MediaCommand.PublishCall => PublishCallAsync(),
        MediaCommand.Subscribe c => SubscribeAsync(c.Target, c.Type, c.WithoutVideo),
        MediaCommand.Resubscribe c => ResubscribeAsync(c.Target, c.Type),
        MediaCommand.SdpAnswer c => StartSubscriptionAsync(c),
        MediaCommand.Candidate c => TrickleAsync(c),
        MediaCommand.Configure c => ConfigureAsync(c),
        MediaCommand.Forward c => ForwardAsync(c, forCall: false),
        MediaCommand.ForwardToCall c => ForwardAsync(new MediaCommand.Forward(c.Target, MediaSessionType.Video, c.Host, c.AudioPort, null), forCall: true),
        MediaCommand.StopForward c => StopForwardAsync(c.Target, c.Type),
        MediaCommand.Keyframe c => RequestKeyframeAsync(c.Target, c.Type),
        _ => Task.CompletedTask,
    };

    private async Task PublishAsync(MediaCommand.Publish c)
    {
        if (!Sdp.LooksValid(c.Sdp))
        {
            Error(ErrorCodes.InvalidSdp);
            return;
        }
        if (c.Type == MediaSessionType.Whisper)
        {
            await JoinWhisperAsync(c.WhisperId!.Value, c.Sdp);
            return;
        }
        var check = await AskMeetingAsync(new CheckPublish(_roomId, _me, c.Type.ToMeeting()));
        if (check.Error is { } refused)
        {
            Error(refused);
            return;
        }
        if (_publications.TryGetValue(c.Type, out var current) && current.OfferSession is { } same && same == Sdp.SessionIdOf(c.Sdp))
        {
            await RenegotiateAsync(c.Type, current, c.Sdp);
            return;
        }
        if (_publications.ContainsKey(c.Type))
            await UnpublishAsync(c.Type, MediaEndReasons.Unpublished, tellMeeting: false);

        var (instance, session) = await OpenAsync(await _gateway.Ask<InstanceFound>(new PickPublisherInstance(), AskTimeout));
        if (session is null)
        {
            Error(ErrorCodes.MediaUnavailable);
            return;
        }
        var feed = $"{_me}-{c.Type.ToString().ToLowerInvariant()}";
        // Recorded (and so announced to subscribers) once Janus reports the PeerConnection up: a feed
        // whose PeerConnection is not up yet cannot be subscribed to.
        await OfferAsync(session, "janus.plugin.videoroom", new JsonObject
        {
            ["request"] = "joinandconfigure", ["room"] = _roomId.ToString(), ["ptype"] = "publisher", ["id"] = feed,
            ["display"] = feed, ["audio"] = true, ["video"] = true,
        }, c.Sdp, c.Type, handle => new Publication(instance!, handle, feed, AudioMid: Sdp.MidOf(c.Sdp, "audio"), OfferSession: Sdp.SessionIdOf(c.Sdp)));
    }

    /// <summary>
    /// A new offer from the PeerConnection already publishing (OpenTalk's apps restart ICE so when the connection
    /// breaks): renegotiated on the same handle, so the session, its feed and everyone's subscriptions stay as they are.
    /// </summary>
    private async Task RenegotiateAsync(MediaSessionType type, Publication publication, string offer)
    {
        try
        {
            var (_, jsep) = await publication.Handle.MessageAsync(new JsonObject { ["request"] = "configure" },
                new JsonObject { ["type"] = "offer", ["sdp"] = offer }, JanusReply.Event);
            var answer = jsep?.GetProperty("sdp").GetString();
            if (answer is null || !Sdp.HasAcceptedMedia(answer))
            {
                Error(ErrorCodes.NoUsableCodec);
                return;
            }
            ToClient(new SdpAnswerPayload(answer, _me, type));
        }
        catch (JanusException e)
        {
            LogJanusRefused(type, e);
            Error(ErrorCodes.InvalidSdp);
        }
        catch (JanusUnavailableException)
        {
            Error(ErrorCodes.MediaUnavailable);
        }
    }

    /// <summary>
    /// Connects this member's microphone to a whisper group's mixer (an AudioBridge room, on the instance the group was
    /// placed on): the answer's connection sends back the mix of the other members. Only joined members get in.
    /// </summary>
    private async Task JoinWhisperAsync(Guid whisperId, string offer)
    {
        var preferred = await _gateway.Ask<InstanceFound>(new PickPublisherInstance(), AskTimeout);
        if (preferred.Name is null)
        {
            Error(ErrorCodes.MediaUnavailable);
            return;
        }
        var placed = await AskMeetingAsync(new JoinWhisperAudio(_roomId, _me, whisperId, preferred.Name));
        if (placed.Location is not { } location)
        {
            Error(placed.Error ?? ErrorCodes.NotInGroup);
            return;
        }
        var found = await _gateway.Ask<InstanceFound>(new FindInstance(location.Instance), AskTimeout);
        if (found.Instance is null)
        {
            // The group's mixer was on an instance that is down now: the group moves to a healthy one.
            placed = await AskMeetingAsync(new JoinWhisperAudio(_roomId, _me, whisperId, preferred.Name, Unavailable: location.Instance));
            if (placed.Location is not { } moved || (found = await _gateway.Ask<InstanceFound>(new FindInstance(moved.Instance), AskTimeout)).Instance is null)
            {
                Error(placed.Error ?? ErrorCodes.MediaUnavailable);
                return;
            }
            location = moved;
        }
        if (_publications.ContainsKey(MediaSessionType.Whisper))
            await UnpublishAsync(MediaSessionType.Whisper, MediaEndReasons.Unpublished, tellMeeting: false);
        var opened = await found.Instance.Ask<RoomOpened>(new OpenAudioRoom(whisperId.ToString(), Self), AskTimeout);
        if (opened.Session is not { } session)
        {
            Error(ErrorCodes.MediaUnavailable);
            return;
        }
        // Whisper audio is never announced to the room: it is recorded nowhere but in the group's placement.
        await OfferAsync(session, "janus.plugin.audiobridge", new JsonObject
        {
            ["request"] = "join", ["room"] = whisperId.ToString(), ["display"] = _me.ToString(), ["muted"] = false,
        }, offer, MediaSessionType.Whisper, handle => new Publication(location.Instance, handle, whisperId.ToString(), Recorded: true));
    }

    /// <summary>
    /// Sends the client's offer on a new handle with the plugin's join request. An answer that accepts media is kept as
    /// the publication and sent to the client; an answer without a usable codec or a refusal detaches the handle.
    /// </summary>
    private async Task OfferAsync(JanusSession session, string plugin, JsonObject join, string offer, MediaSessionType type,
        Func<JanusHandle, Publication> publication)
    {
        JanusHandle? handle = null;
        try
        {
            handle = await AttachAsync(session, plugin);
            var (_, jsep) = await handle.MessageAsync(join, new JsonObject { ["type"] = "offer", ["sdp"] = offer }, JanusReply.Event);
            var answer = jsep?.GetProperty("sdp").GetString();
            if (answer is null || !Sdp.HasAcceptedMedia(answer))
            {
                await DetachQuietlyAsync(handle);
                Error(ErrorCodes.NoUsableCodec);
                return;
            }
            _publications[type] = publication(handle);
            ToClient(new SdpAnswerPayload(answer, _me, type));
        }
        catch (JanusException e)
        {
            LogJanusRefused(type, e);
            await DetachQuietlyAsync(handle);
            Error(ErrorCodes.InvalidSdp);
        }
        catch (JanusUnavailableException)
        {
            Error(ErrorCodes.MediaUnavailable);
        }
    }

    private async Task RecordStateAsync(MediaSessionType type, MediaSessionState state)
    {
        if (type == MediaSessionType.Whisper)
            return; // whisper audio is heard by the group only: nothing for the room to know

        if (_publications.TryGetValue(type, out var publication) && !publication.Recorded)
        {
            _publications[type] = publication with { PendingState = state };
            return;
        }
        var reply = await AskMeetingAsync(new RecordMediaState(_roomId, _me, type.ToMeeting(), state.Audio, state.Video));
        if (reply.Error is { } error)
            Error(error);
    }

    private async Task UnpublishAsync(MediaSessionType type, string reason, bool tellMeeting)
    {
        if (!_publications.Remove(type, out var publication))
        {
            if (tellMeeting)
                Error(ErrorCodes.NotPublishing);
            return;
        }
        await DetachQuietlyAsync(publication.Handle);
        if (tellMeeting && publication.Recorded && type != MediaSessionType.Whisper)
            await AskMeetingAsync(new RecordUnpublished(_roomId, _me, type.ToMeeting(), reason));
    }

    /// <summary>The publisher's PeerConnection is up: the meeting records where it lives, and subscribers may come.</summary>
    private async Task RecordPublicationAsync(MediaSessionType type)
    {
        if (!_publications.TryGetValue(type, out var publication) || publication.Recorded)
            return;
        var recorded = await AskMeetingAsync(new RecordPublished(_roomId, _me, type.ToMeeting(), publication.Instance, publication.Feed));
        if (recorded.Error is { } error)
        {
            _publications.Remove(type);
            await DetachQuietlyAsync(publication.Handle);
            ToClient(new WebrtcDown(_me, type));
            Error(error);
            return;
        }
        _publications[type] = publication with { Recorded = true, PendingState = null };
        if (publication.PendingState is { } state)
            await RecordStateAsync(type, state);
    }

    private async Task SubscribeAsync(Guid target, MediaSessionType type, bool withoutVideo)
    {
        if (target == _me)
        {
            Error(ErrorCodes.InvalidPayload);
            return;
        }
        var located = await AskMeetingAsync(new LocateMedia(_roomId, _me, target, type.ToMeeting()));
        if (located.Location is not { } location)
        {
            Error(located.Error ?? ErrorCodes.NoSuchMediaSession);
            return;
        }
        if (_subscriptions.Remove((target, type), out var old))
            await DetachQuietlyAsync(old.Handle);
        _dropped.Remove((target, type));

        var (_, session) = await OpenAsync(await _gateway.Ask<InstanceFound>(new FindInstance(location.Instance), AskTimeout));
        if (session is null)
        {
            Error(ErrorCodes.MediaUnavailable);
            return;
        }
        JanusHandle? handle = null;
        try
        {
            handle = await AttachAsync(session);
            var (data, jsep) = await handle.MessageAsync(new JsonObject
            {
                ["request"] = "join", ["room"] = _roomId.ToString(), ["ptype"] = "subscriber",
                ["streams"] = new JsonArray(new JsonObject { ["feed"] = location.Feed }),
            }, reply: JanusReply.Event);
            var offer = jsep?.GetProperty("sdp").GetString() ?? throw new JanusException(0, "no offer");
            _subscriptions[(target, type)] = new Subscription(location.Instance, handle, VideoMid(data));
            if (withoutVideo && VideoMid(data) is { } mid)
                await handle.MessageAsync(new JsonObject { ["request"] = "configure", ["streams"] = new JsonArray(new JsonObject { ["mid"] = mid, ["send"] = false }) });
            ToClient(new SdpOfferPayload(offer, target, type));
        }
        catch (JanusException e)
        {
            LogJanusRefused(type, e);
            await DetachQuietlyAsync(handle);
            Error(e.Code == JanusException.NoSuchFeed ? ErrorCodes.NoSuchMediaSession : ErrorCodes.MediaUnavailable);
        }
        catch (JanusUnavailableException)
        {
            Error(ErrorCodes.MediaUnavailable);
        }
    }

    /// <summary>
    /// The recorder receives a publication as plain RTP (Janus <c>rtp_forward</c>): no WebRTC per publication, and the
    /// room admits it only for people who agreed to be recorded.
    /// </summary>
    private async Task ForwardAsync(MediaCommand.Forward c, bool forCall)
    {
        var located = await AskMeetingAsync(new LocateMedia(_roomId, _me, c.Target, c.Type.ToMeeting(), ForRecording: !forCall, ForCall: forCall));
        if (located.Location is not { } location)
        {
            Error(located.Error ?? ErrorCodes.NoSuchMediaSession);
            return;
        }
        await StopForwardAsync(c.Target, c.Type);
        var found = await _gateway.Ask<InstanceFound>(new FindInstance(location.Instance), AskTimeout);
        if (found.Instance is not { } instance)
        {
            Error(ErrorCodes.MediaUnavailable);
            return;
        }
        var forwarded = await instance.Ask<RtpForwarded>(new ForwardRtp(_roomId.ToString(), location.Feed, c.Host, c.AudioPort, c.VideoPort), AskTimeout);
        if (forwarded.Error is not null)
        {
            LogJanusRefused(c.Type, new JanusException(0, forwarded.Error));
            Error(ErrorCodes.MediaUnavailable);
            return;
        }
        _forwards[(c.Target, c.Type)] = new RtpForward(instance, location.Feed, forwarded.StreamIds);
        // Rooms offer VP8 first and browsers all have it, so publications are VP8 (and Opus).
        ToClient(new Forwarding(c.Target, c.Type, "opus", "vp8"));
        // A decoder starts at a keyframe, and browsers send one only when asked. Janus asks when a forwarder of the form
        // we use starts (not for its newer form), so this one is insurance that costs a keyframe.
        await RequestKeyframeAsync(c.Target, c.Type);
    }

    private async Task RequestKeyframeAsync(Guid target, MediaSessionType type)
    {
        var asked = await AskMeetingAsync(new RequestKeyframe(_roomId, _me, target, type.ToMeeting()));
        if (asked.Error is { } error)
            Error(error);
    }

    /// <summary>Someone who records this publication needs a keyframe: Janus asks the browser for one (PLI).</summary>
    private async Task OnSendKeyframeAsync(SendKeyframe wanted)
    {
        if (!_publications.TryGetValue(wanted.Type.ToWire(), out var publication))
            return;
        try
        {
            // A publisher's configure is answered with an event (after an ack), like its first one.
            await publication.Handle.MessageAsync(new JsonObject { ["request"] = "configure", ["keyframe"] = true }, reply: JanusReply.Event);
        }
        catch (Exception e) when (e is JanusException or JanusUnavailableException)
        {
            LogJanusRefused(wanted.Type.ToWire(), e);
        }
    }

    private Task StopForwardAsync(Guid target, MediaSessionType type)
    {
        if (_forwards.Remove((target, type), out var forward))
            forward.Instance.Tell(new StopRtpForward(_roomId.ToString(), forward.Feed, forward.StreamIds));
        return Task.CompletedTask;
    }

    /// <summary>
    /// OpenTalk's recovery of a broken subscription: an ICE restart on the handle the client has, so the new offer
    /// keeps its DTLS and media lines and the client answers on the same PeerConnection. Without a live subscription
    /// (or when Janus cannot restart it), a subscription anew.
    /// </summary>
    private async Task ResubscribeAsync(Guid target, MediaSessionType type)
    {
        if (!_subscriptions.TryGetValue((target, type), out var subscription))
        {
            await SubscribeAsync(target, type, withoutVideo: false);
            return;
        }
        try
        {
            var (_, jsep) = await subscription.Handle.MessageAsync(new JsonObject { ["request"] = "configure", ["restart"] = true },
                reply: JanusReply.Event);
            var offer = jsep?.GetProperty("sdp").GetString() ?? throw new JanusException(0, "no offer");
            ToClient(new SdpOfferPayload(offer, target, type));
        }
        catch (JanusException e)
        {
            LogJanusRefused(type, e);
            await SubscribeAsync(target, type, withoutVideo: false);
        }
        catch (JanusUnavailableException)
        {
            Error(ErrorCodes.MediaUnavailable);
        }
    }

    private async Task StartSubscriptionAsync(MediaCommand.SdpAnswer c)
    {
        if (!_subscriptions.TryGetValue((c.Target, c.Type), out var subscription))
        {
            Error(ErrorCodes.NotSubscribed);
            return;
        }
        if (!Sdp.LooksValid(c.Sdp))
        {
            Error(ErrorCodes.InvalidSdp);
            return;
        }
        try
        {
            await subscription.Handle.MessageAsync(new JsonObject { ["request"] = "start" },
                new JsonObject { ["type"] = "answer", ["sdp"] = c.Sdp }, JanusReply.Event);
        }
        catch (JanusException e)
        {
            LogJanusRefused(c.Type, e);
            Error(ErrorCodes.InvalidSdp);
        }
        catch (JanusUnavailableException)
        {
            Error(ErrorCodes.MediaUnavailable);
        }
    }

    private async Task TrickleAsync(MediaCommand.Candidate c)
    {
        var handle = c.Target == _me
            ? _publications.GetValueOrDefault(c.Type)?.Handle
            : _subscriptions.GetValueOrDefault((c.Target, c.Type))?.Handle;
        if (handle is null)
        {
            Error(c.Target == _me ? ErrorCodes.NotPublishing : ErrorCodes.NotSubscribed);
            return;
        }
        var candidate = c.Value is { } v
            ? new JsonObject { ["candidate"] = v.Candidate, ["sdpMLineIndex"] = v.SdpMLineIndex, ["sdpMid"] = v.SdpMid }
            : null;
        try
        {
            await handle.TrickleAsync(candidate);
        }
        catch (JanusUnavailableException)
        {
            Error(ErrorCodes.MediaUnavailable);
        }
    }

    private async Task OnInstanceLostAsync(JanusInstanceLost lost)
    {
        if (_call is { } call && call.InstanceName == lost.Instance)
        {
            // The gateway hears webrtc_down for its caller and publishes again (on a healthy instance).
            _call = null;
            ToClient(new WebrtcDown(_me, MediaSessionType.Video));
            await AskMeetingAsync(new RecordUnpublished(_roomId, _me, MediaKind.Video, MediaEndReasons.MediaServerLost));
        }
        foreach (var (type, publication) in _publications.Where(p => p.Value.Instance == lost.Instance).ToList())
        {
            _publications.Remove(type);
            ToClient(new WebrtcDown(_me, type));
            if (publication.Recorded && type != MediaSessionType.Whisper)
                await AskMeetingAsync(new RecordUnpublished(_roomId, _me, type.ToMeeting(), MediaEndReasons.MediaServerLost));
        }
        foreach (var (key, _) in _subscriptions.Where(s => s.Value.Instance == lost.Instance).ToList())
        {
            _subscriptions.Remove(key);
            _dropped.Add(key);
            ToClient(new WebrtcDown(key.Target, key.Type));
        }
    }

    /// <summary>A forced mute (or its end): the publisher's audio stream is (no longer) passed on by Janus.</summary>
    private async Task OnRelayAudioAsync(RelayAudio relay)
    {
        if (!_publications.TryGetValue(MediaSessionType.Video, out var publication) || publication.AudioMid is not { } mid)
            return;
        try
        {
            await publication.Handle.MessageAsync(new JsonObject
            {
                ["request"] = "configure", ["streams"] = new JsonArray(new JsonObject { ["mid"] = mid, ["send"] = relay.Relay }),
            });
        }
        catch (Exception e) when (e is JanusException or JanusUnavailableException)
        {
            LogJanusRefused(MediaSessionType.Video, e);
        }
    }

    private async Task OnStopMediaAsync(StopMedia stop)
    {
        if (stop.Type is null or MediaKind.Video)
            await RemoveCallAsync(tellMeeting: false);
        foreach (var type in _publications.Keys.Where(t => stop.Type is null || t == stop.Type.Value.ToWire()).ToList())
        {
            await UnpublishAsync(type, MediaEndReasons.Unpublished, tellMeeting: false);
            ToClient(new WebrtcDown(_me, type));
        }
    }

    /// <summary>A publisher whose server failed published again: this client gets a fresh offer without asking.</summary>
    private Task OnMediaAvailableAsync(MediaAvailable available) =>
        _dropped.Contains((available.Participant, available.Type.ToWire()))
            ? SubscribeAsync(available.Participant, available.Type.ToWire(), withoutVideo: false)
            : Task.CompletedTask;

    private async Task<(string? Instance, JanusSession? Session)> OpenAsync(InstanceFound found)
    {
        if (found.Instance is null)
            return (null, null);
        var opened = await found.Instance.Ask<RoomOpened>(new OpenRoom(_roomId.ToString(), Self), AskTimeout);
        return (opened.Instance, opened.Session);
    }

    /// <summary>Attaches a handle whose Janus events come back to this actor as <see cref="JanusEvent"/>.</summary>
    private async Task<JanusHandle> AttachAsync(JanusSession session, string plugin = "janus.plugin.videoroom")
    {
        var self = Self;
        long id = 0;
        var handle = await session.AttachAsync(plugin, message => self.Tell(new JanusEvent(Volatile.Read(ref id), message)), CancellationToken.None);
        Volatile.Write(ref id, handle.Id);
        return handle;
    }

    private Task<MediaReply> AskMeetingAsync(IMediaRequest request) => _meetings.Ask<MediaReply>(request, AskTimeout);

    private void ToClient(ServerPayload payload) => _client.Tell(new MediaToClient(payload));

    private void Error(string code) => _client.Tell(new MediaRefused(code));

    private static string? VideoMid(JsonElement data) =>
        data.TryGetProperty("streams", out var streams)
            ? streams.EnumerateArray().Where(s => s.GetProperty("type").GetString() == "video").Select(s => s.GetProperty("mid").GetString()).FirstOrDefault()
            : null;

    private async Task DetachQuietlyAsync(JanusHandle? handle)
    {
        if (handle is null)
            return;
        try
        {
            await handle.DetachAsync();
        }
        catch (Exception e) when (e is JanusException or JanusUnavailableException)
        {
            // The handle (or its server) is gone already.
        }
    }

    protected override void PostStop()
    {
        // The connection ended: free the handles; the meeting records the end of the sessions when the participant leaves.
        foreach (var handle in _publications.Values.Select(p => p.Handle).Concat(_subscriptions.Values.Select(s => s.Handle)))
            _ = DetachQuietlyAsync(handle);
        // A caller's remote publisher has no owner in Janus: it would stay in the room.
        if (_call is { } call)
            call.Instance.Tell(new RemoveCallPublisher(_roomId.ToString(), call.Feed));
        // Forwarders belong to the publisher in Janus: they would outlive the recorder.
        foreach (var (target, type) in _forwards.Keys.ToList())
            _ = StopForwardAsync(target, type);
    }

    private void LogJanusRefused(MediaSessionType type, Exception e) =>
        _log.Info("Janus refused a {0} request of participant {1}: {2}", type, _me, e.Message);

    /// <summary>A publication; <see cref="Recorded"/> once the meeting knows it (after Janus' webrtcup).</summary>
    /// <param name="OfferSession">The <c>o=</c> session id of the client's offer: a new offer with the same one comes from the same PeerConnection.</param>
    private sealed record Publication(string Instance, JanusHandle Handle, string Feed, bool Recorded = false, MediaSessionState? PendingState = null,
        string? AudioMid = null, string? OfferSession = null);

    private sealed record Subscription(string Instance, JanusHandle Handle, string? VideoMid, SubstreamWish? Wish = null);

    private sealed record RtpForward(IActorRef Instance, string Feed, IReadOnlyList<long> StreamIds);
}
