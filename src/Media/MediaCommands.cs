using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Media;

/// <summary>A <c>media</c> command from the participant's client, already parsed and checked for shape.</summary>
public abstract record MediaCommand
{
    /// <summary>Publish a session; a <c>whisper</c> session names its group (<paramref name="WhisperId"/>).</summary>
    public sealed record Publish(MediaSessionType Type, string Sdp, Guid? WhisperId = null) : MediaCommand;

    public sealed record PublishComplete(MediaSessionType Type, MediaSessionState State) : MediaCommand;

    public sealed record Unpublish(MediaSessionType Type) : MediaCommand;

    public sealed record UpdateMediaSession(MediaSessionType Type, MediaSessionState State) : MediaCommand;

    public sealed record Subscribe(Guid Target, MediaSessionType Type, bool WithoutVideo) : MediaCommand;

    public sealed record Resubscribe(Guid Target, MediaSessionType Type) : MediaCommand;

    public sealed record SdpAnswer(Guid Target, MediaSessionType Type, string Sdp) : MediaCommand;

    /// <summary>A candidate for one of the sessions; <see cref="Candidate"/> null means "end of candidates".</summary>
    public sealed record Candidate(Guid Target, MediaSessionType Type, TrickleCandidate? Value) : MediaCommand;

    public sealed record Configure(Guid Target, MediaSessionType Type, bool? Video, int? Substream) : MediaCommand;

    /// <summary>(the recorder) Copy a publication's RTP to <paramref name="Host"/>'s UDP ports.</summary>
    public sealed record Forward(Guid Target, MediaSessionType Type, string Host, int? AudioPort, int? VideoPort) : MediaCommand;

    /// <summary>(the phone gateway) Copy someone's microphone (their <c>video</c> session's audio) to the caller's mix.</summary>
    public sealed record ForwardToCall(Guid Target, string Host, int AudioPort) : MediaCommand;

    /// <summary>(the phone gateway) The caller's audio into the room, as plain RTP.</summary>
    public sealed record PublishCall : MediaCommand;

    public sealed record StopForward(Guid Target, MediaSessionType Type) : MediaCommand;

    /// <summary>(the recorder) Ask a forwarded publication for a keyframe.</summary>
    public sealed record Keyframe(Guid Target, MediaSessionType Type) : MediaCommand;
}
