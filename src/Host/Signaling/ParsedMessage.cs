using OpenTalk.Actors.Meetings;

namespace OpenTalk.Host.Signaling;

/// <summary>What a client frame turned out to be.</summary>
public abstract record ParsedMessage
{
    public sealed record Invalid(string Namespace, string Error) : ParsedMessage;

    public sealed record Ping : ParsedMessage;

    /// <summary>A valid frame that asks for nothing this node does (OpenTalk's speaking reports): no answer, no error.</summary>
    public sealed record Ignored : ParsedMessage;

    public sealed record JoinRequest(string DisplayName) : ParsedMessage;

    /// <summary>A command for the meeting, from the frame of <paramref name="Namespace"/>/<paramref name="Action"/>.</summary>
    public sealed record ForMeeting(string Namespace, string Action, IParticipantCommand Command) : ParsedMessage
    {
        /// <summary>
        /// The namespace the meeting's refusals of the command are shown in: the frame's, except for <c>media</c>'s
        /// <c>moderator_mute</c>, which is moderation's mute and has always been refused in <c>moderation</c>.
        /// </summary>
        public string RefusedIn { get; init; } = Namespace;
    }

    /// <summary>WebRTC negotiation, for the participant's media actor.</summary>
    public sealed record ForMedia(OpenTalk.Media.MediaCommand Command) : ParsedMessage;
}
