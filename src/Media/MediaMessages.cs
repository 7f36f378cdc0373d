using Akka.Actor;
using OpenTalk.Media.Janus;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Media;

/// <summary>Asks the gateway for the least loaded healthy instance for a new publisher.</summary>
public sealed record PickPublisherInstance;

/// <summary>Asks the gateway for the instance of that name (where a publisher lives).</summary>
public sealed record FindInstance(string Name);

/// <summary>The instance actor to talk to, or none (unknown or down).</summary>
public sealed record InstanceFound(string? Name, IActorRef? Instance);

/// <summary>
/// Asks an instance for its live session, making sure the meeting's VideoRoom room exists there. <paramref name="User"/>
/// is told <see cref="JanusInstanceLost"/> if the instance fails (the asker itself is a temporary actor).
/// </summary>
public sealed record OpenRoom(string RoomId, IActorRef User);

public sealed record RoomOpened(string Instance, JanusSession? Session, string? Error);

/// <summary>Like <see cref="OpenRoom"/>, for a whisper group's AudioBridge room (the mixer).</summary>
public sealed record OpenAudioRoom(string RoomId, IActorRef User);

/// <summary>
/// Has the instance copy a publisher's RTP to a host's UDP ports (Janus <c>rtp_forward</c>, with the admin key only
/// the node holds): the recorder's way to receive media without WebRTC. Audio as Opus with payload type 111, video with 96.
/// </summary>
public sealed record ForwardRtp(string RoomId, string Feed, string Host, int? AudioPort, int? VideoPort);

/// <summary>The forwarders Janus made (their stream ids, to stop them), or why not.</summary>
public sealed record RtpForwarded(IReadOnlyList<long> StreamIds, string? Error);

public sealed record StopRtpForward(string RoomId, string Feed, IReadOnlyList<long> StreamIds);

/// <summary>A phone caller's audio as a publisher of the room, fed by plain RTP (see <c>JanusInstanceActor.Calls</c>).</summary>
public sealed record AddCallPublisher(string RoomId, string Feed);

/// <summary>Where to send the caller's RTP, or why not.</summary>
public sealed record CallPublisherAdded(string? Host, int Port, string? Error);

public sealed record RemoveCallPublisher(string RoomId, string Feed);

/// <summary>Sent by an instance to everyone using it when its session is gone (crash, network, timeout).</summary>
public sealed record JanusInstanceLost(string Instance);

/// <summary>An instance's health and load, reported to the gateway.</summary>
public sealed record MediaServerStatus(string Name, bool Up, int Publishers, int Handles);

/// <summary>The gateway's view of all instances, for the admin API.</summary>
public sealed record GetMediaOverview;

public sealed record MediaOverview(IReadOnlyList<MediaServerStatus> Instances);

/// <summary>A payload for the participant's client, in the <c>media</c> namespace.</summary>
public sealed record MediaToClient(ServerPayload Payload);

/// <summary>A media request of the client failed with this error code; the connection tells the client.</summary>
public sealed record MediaRefused(string Error);

/// <summary>A Janus message for one of the participant's handles.</summary>
internal sealed record JanusEvent(long Handle, System.Text.Json.JsonElement Message);
