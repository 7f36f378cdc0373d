using System.Text.Json.Serialization;

namespace OpenTalk.Protocol.Signaling.Inbound;

public static class CallInActions
{
    public const string Publish = "publish";
    public const string Unpublish = "unpublish";
    public const string Forward = "forward";
    public const string StopForward = "stop_forward";
}

/// <summary>(ours) The phone gateway's requests for its caller: only a participant of kind <c>sip</c> may send them.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(PublishCall), CallInActions.Publish)]
[JsonDerivedType(typeof(UnpublishCall), CallInActions.Unpublish)]
[JsonDerivedType(typeof(ForwardToCall), CallInActions.Forward)]
[JsonDerivedType(typeof(StopForwardToCall), CallInActions.StopForward)]
public interface ICallInMessage;

/// <summary>The caller's audio into the room (as their <c>video</c> session, audio only): answered <c>media/call_publishing</c>.</summary>
public sealed record PublishCall : ICallInMessage;

public sealed record UnpublishCall : ICallInMessage;

/// <summary>Someone's audio to the caller: Janus sends their <c>video</c> session's Opus (payload type 111) to <c>host</c>:<c>audio_port</c>.</summary>
public sealed record ForwardToCall(Guid? Target, string? Host, int? AudioPort) : ICallInMessage;

public sealed record StopForwardToCall(Guid? Target) : ICallInMessage;
