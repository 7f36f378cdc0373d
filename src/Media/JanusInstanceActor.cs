using System.Text.Json.Nodes;
using Akka.Actor;
using Akka.Event;
using OpenTalk.Media.Janus;

namespace OpenTalk.Media;

/// <summary>
/// One Janus instance as seen from this node: a connection and one session, kept alive, with a control handle that
/// creates the VideoRoom room of each meeting on demand and reads the instance's load. When the session is lost,
/// everyone who used it is told (<see cref="JanusInstanceLost"/>) and the actor reconnects with growing pauses.
/// </summary>
public sealed partial class JanusInstanceActor : ReceiveActor, IWithTimers
{
    private const string ReconnectTimer = "reconnect";
    private const string LoadTimer = "load";
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(10);

    private readonly JanusInstanceSettings _instance;
    private readonly MediaSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly HashSet<IActorRef> _users = [];
    private readonly HashSet<string> _rooms = new(StringComparer.Ordinal);
    private JanusConnection? _connection;
    private JanusSession? _session;
    private JanusHandle? _control;
    private JanusHandle? _audio;
    private int _generation;
    private TimeSpan _pause = TimeSpan.FromSeconds(1);
    private int _publishers;

    public JanusInstanceActor(JanusInstanceSettings instance, MediaSettings settings)
    {
        _instance = instance;
        _settings = settings;
        Become(Down);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(JanusInstanceSettings instance, MediaSettings settings) =>
        Akka.Actor.Props.Create(() => new JanusInstanceActor(instance, settings));

    protected override void PreStart() => Self.Tell(new Connect());

    private void Down()
    {
        ReceiveAsync<Connect>(_ => ConnectAsync());
        Receive<OpenRoom>(_ => Sender.Tell(new RoomOpened(_instance.Name, null, "media server down")));
        Receive<OpenAudioRoom>(_ => Sender.Tell(new RoomOpened(_instance.Name, null, "media server down")));
        Receive<ForwardRtp>(_ => Sender.Tell(new RtpForwarded([], "media server down")));
        Receive<StopRtpForward>(_ => { }); // the instance's forwarders went with it
        Receive<AddCallPublisher>(_ => Sender.Tell(new CallPublisherAdded(null, 0, "media server down")));
        Receive<RemoveCallPublisher>(_ => { }); // it went with the instance
        Common();
    }

    private void Up()
    {
        ReceiveAsync<OpenRoom>(OpenRoomAsync);
        ReceiveAsync<OpenAudioRoom>(OpenAudioRoomAsync);
        ReceiveAsync<RefreshLoad>(_ => RefreshLoadAsync());
        ReceiveAsync<ForwardRtp>(ForwardAsync);
        ReceiveAsync<StopRtpForward>(StopForwardAsync);
        ReceiveAsync<AddCallPublisher>(AddCallPublisherAsync);
        ReceiveAsync<RemoveCallPublisher>(RemoveCallPublisherAsync);
        Receive<SessionLost>(lost =>
        {
            if (lost.Generation != _generation)
                return;
            _log.Warning("Janus {0} lost: {1}", _instance.Name, lost.Reason.Message);
            foreach (var user in _users)
                user.Tell(new JanusInstanceLost(_instance.Name));
            _users.Clear();
            _ = Forget();
            Report(up: false);
            Become(Down);
            Timers.StartSingleTimer(ReconnectTimer, new Connect(), _pause);
        });
        Common();
    }

    private void Common()
    {
        Receive<Terminated>(t => _users.Remove(t.ActorRef));
        Receive<SessionLost>(_ => { });
        Receive<RefreshLoad>(_ => { });
    }

    private async Task ConnectAsync()
    {
        try
        {
            var timeout = TimeSpan.FromSeconds(_settings.RequestTimeoutSeconds);
            _connection = await JanusConnection.ConnectAsync(new Uri(_instance.Url), _instance.ApiSecret, timeout, CancellationToken.None);
            _session = await JanusSession.CreateAsync(_connection, TimeSpan.FromSeconds(_settings.KeepAliveSeconds), CancellationToken.None);
            _control = await _session.AttachAsync("janus.plugin.videoroom", _ => { }, CancellationToken.None);
            var generation = ++_generation;
            var self = Self;
            _session.Lost += reason => self.Tell(new SessionLost(generation, reason));
            _rooms.Clear();
            _pause = TimeSpan.FromSeconds(1);
            _log.Info("Janus {0} is up at {1}", _instance.Name, _instance.Url);
            Become(Up);
            Report(up: true);
            Timers.StartPeriodicTimer(LoadTimer, new RefreshLoad(), TimeSpan.FromSeconds(_settings.LoadRefreshSeconds));
        }
        catch (Exception e) when (e is JanusException or JanusUnavailableException)
        {
            _log.Warning("Janus {0} is not reachable ({1}); trying again in {2}", _instance.Name, e.Message, _pause);
            await Forget();
            Timers.StartSingleTimer(ReconnectTimer, new Connect(), _pause);
            _pause = TimeSpan.FromTicks(Math.Min(MaxPause.Ticks, _pause.Ticks * 2));
        }
    }

    private async Task OpenRoomAsync(OpenRoom open)
    {
        var replyTo = Sender;
        var user = open.User;
        try
        {
            if (!_rooms.Contains(open.RoomId))
            {
                try
                {
                    await _control!.MessageAsync(new JsonObject
                    {
                        ["request"] = "create", ["room"] = open.RoomId, ["admin_key"] = _instance.ApiSecret,
                        ["publishers"] = 100, ["audiolevel_event"] = true, ["audio_active_packets"] = _settings.TalkingPackets, ["audio_level_average"] = _settings.TalkingLevel,
                        ["videocodec"] = "vp8,h264,vp9", ["audiocodec"] = "opus,pcmu", ["notify_joining"] = false,
                    });
                }
                catch (JanusException e) when (e.Code == JanusException.RoomExists)
                {
                    // Created by another node using this instance: fine.
                }
                _rooms.Add(open.RoomId);
            }
            if (_users.Add(user))
                Context.Watch(user);
            replyTo.Tell(new RoomOpened(_instance.Name, _session, null));
        }
        catch (Exception e) when (e is JanusException or JanusUnavailableException)
        {
            replyTo.Tell(new RoomOpened(_instance.Name, null, e.Message));
        }
    }

    private async Task OpenAudioRoomAsync(OpenAudioRoom open)
    {
        var replyTo = Sender;
        try
        {
            if (_audio is null)
                _audio = await _session!.AttachAsync("janus.plugin.audiobridge", _ => { }, CancellationToken.None);
            if (!_rooms.Contains("audio:" + open.RoomId))
            {
                try
                {
                    await _audio.MessageAsync(new JsonObject
                    {
                        ["request"] = "create", ["room"] = open.RoomId, ["admin_key"] = _instance.ApiSecret, ["sampling_rate"] = 48000,
                        ["audiolevel_event"] = false,
                    });
                }
                catch (JanusException e) when (e.Code == AudioRoomExists)
                {
                    // Created by another node: fine.
                }
                _rooms.Add("audio:" + open.RoomId);
            }
            if (_users.Add(open.User))
                Context.Watch(open.User);
            replyTo.Tell(new RoomOpened(_instance.Name, _session, null));
        }
        catch (Exception e) when (e is JanusException or JanusUnavailableException)
        {
            replyTo.Tell(new RoomOpened(_instance.Name, null, e.Message));
        }
    }

    private async Task ForwardAsync(ForwardRtp forward)
    {
        var replyTo = Sender;
        try
        {
            var request = new JsonObject
            {
                ["request"] = "rtp_forward", ["room"] = forward.RoomId, ["publisher_id"] = forward.Feed, ["host"] = forward.Host,
                ["host_family"] = "ipv4", ["admin_key"] = _instance.ApiSecret,
            };
            // The publisher's first audio and video stream; payload types fixed, so the receiver knows them in advance.
            if (forward.AudioPort is { } audio)
                (request["audio_port"], request["audio_pt"]) = (audio, 111);
            if (forward.VideoPort is { } video)
                (request["video_port"], request["video_pt"]) = (video, 96);
            var (data, _) = await _control!.MessageAsync(request);
            replyTo.Tell(new RtpForwarded(StreamIdsOf(data), null));
        }
        catch (Exception e) when (e is JanusException or JanusUnavailableException)
        {
            replyTo.Tell(new RtpForwarded([], e.Message));
        }
    }

    /// <summary>
    /// The forwarders' ids, to stop them: the answer to the request form we use (top-level ports) names them in
    /// <c>rtp_stream</c> (<c>audio_stream_id</c>, <c>video_stream_id</c>), the newer form in <c>forwarders</c>.
    /// </summary>
    private static List<long> StreamIdsOf(System.Text.Json.JsonElement data)
    {
        if (data.TryGetProperty("forwarders", out var forwarders))
            return [.. forwarders.EnumerateArray().Select(f => f.GetProperty("stream_id").GetInt64())];
        if (!data.TryGetProperty("rtp_stream", out var stream))
            return [];
        return [.. stream.EnumerateObject()
            .Where(p => p.Name.EndsWith("_stream_id", StringComparison.Ordinal) && p.Value.ValueKind == System.Text.Json.JsonValueKind.Number)
            .Select(p => p.Value.GetInt64())];
    }

    private async Task StopForwardAsync(StopRtpForward stop)
    {
        foreach (var id in stop.StreamIds)
        {
            try
            {
                await _control!.MessageAsync(new JsonObject
                {
                    ["request"] = "stop_rtp_forward", ["room"] = stop.RoomId, ["publisher_id"] = stop.Feed, ["stream_id"] = id,
                    ["admin_key"] = _instance.ApiSecret,
                });
            }
            catch (Exception e) when (e is JanusException or JanusUnavailableException)
            {
                // The publisher left (its forwarders went with it) or the instance is going.
                _log.Debug("Stopping forwarder {0} of {1} on {2}: {3}", id, stop.Feed, _instance.Name, e.Message);
            }
        }
    }

    /// <summary>AudioBridge: the room already exists.</summary>
    private const int AudioRoomExists = 486;

    /// <summary>Load is the number of publishers in all VideoRoom rooms of the instance, from every node.</summary>
    private async Task RefreshLoadAsync()
    {
        try
        {
            var (list, _) = await _control!.MessageAsync(new JsonObject { ["request"] = "list" });
            _publishers = list.GetProperty("list").EnumerateArray().Sum(r => r.GetProperty("num_participants").GetInt32());
            Report(up: true);
        }
        catch (Exception e) when (e is JanusException or JanusUnavailableException)
        {
            _log.Debug("Reading the load of {0} failed: {1}", _instance.Name, e.Message);
        }
    }

    private void Report(bool up) =>
        Context.Parent.Tell(new MediaServerStatus(_instance.Name, up, up ? _publishers : 0, _session?.HandleCount ?? 0));

    private async Task Forget()
    {
        Timers.Cancel(LoadTimer);
        var (session, connection) = (_session, _connection);
        (_session, _connection, _control, _audio) = (null, null, null, null);
        if (session is not null)
            await session.DisposeAsync();
        if (connection is not null)
            await connection.DisposeAsync();
    }

    protected override void PostStop() => _ = Forget();

    private sealed record Connect;

    private sealed record RefreshLoad;

    private sealed record SessionLost(int Generation, Exception Reason);
}
