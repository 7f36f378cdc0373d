using System.Text.Json.Serialization;
using OpenTalk.Actors.Collab;
using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>A moderator opened the whiteboard, as document <see cref="DocumentId"/>.</summary>
public sealed record WhiteboardInitialized([property: JsonPropertyName("document_id")] Guid DocumentId) : DomainEvent;

/// <summary>A moderator opens the room's whiteboard.</summary>
public sealed record OpenWhiteboard(RoomId RoomId, ParticipantId ParticipantId) : IParticipantCommand;

/// <summary>
/// OpenTalk's whiteboard, on the node's own board (<see cref="DocumentActor"/>, the same relay as the notes): a
/// moderator initializes it, then everyone in the room draws on it at their <c>space_url</c>. Access, versions and
/// exports are the notes module's business (<see cref="MeetingNotesModule"/>), which handles both documents.
/// </summary>
public sealed class WhiteboardModule : IMeetingModule
{
    public IReadOnlyList<(Type Type, string Manifest)> Events { get; } = [(typeof(WhiteboardInitialized), "meeting.whiteboard_initialized.v1")];

    public Decision? Decide(MeetingState state, object command, DateTimeOffset now) => command switch
    {
        OpenWhiteboard c when MeetingDecider.RequireModerator(state, c.ParticipantId) is { } refused => refused,
        OpenWhiteboard when state.WhiteboardId is not null => Decision.Reject(ErrorCodes.AlreadyInitialized),
        OpenWhiteboard c => Decision.Accept(MeetingDecider.Stamp(new WhiteboardInitialized(Guid.NewGuid()), Actor.Participant(c.ParticipantId), now)),
        _ => null,
    };

    public MeetingState? Apply(MeetingState state, DomainEvent evt) => evt switch
    {
        WhiteboardInitialized e => state with { WhiteboardId = e.DocumentId },
        _ => null,
    };

    public IEnumerable<Notification>? Notify(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        WhiteboardInitialized => after.InRoom.Select(p => new Notification(p.Id, Namespaces.Whiteboard, new WhiteboardSpaceUrl(UrlFor(after, p.Id)))),
        _ => null,
    };

    private static string UrlFor(MeetingState state, Guid participantId) =>
        state.Collab!.Url(DocumentKind.Whiteboard, state.RoomId, state.WhiteboardId!.Value, participantId, write: true);

    public ModuleJoinState? JoinState(JoinContext join) => new(Namespaces.Whiteboard, join.State.WhiteboardId is null || join.State.Collab is null
        ? new WhiteboardModuleState(WhiteboardStatus.NotInitialized, null)
        : new WhiteboardModuleState(WhiteboardStatus.Initialized, UrlFor(join.State, join.Me.Id)));
}
