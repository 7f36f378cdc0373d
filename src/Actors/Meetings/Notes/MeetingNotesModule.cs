using System.Collections.Immutable;
using OpenTalk.Actors.Collab;
using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// OpenTalk's meeting notes, on the node's own collaborative editor (<see cref="DocumentActor"/>). A moderator's first
/// choice of writers starts them: the writers are sent a <c>write_url</c>, everyone else in the room a <c>read_url</c>,
/// and so is whoever comes in later. Moderators change who writes; the document closes the sockets of people who left
/// and stops taking changes from those who only read. The journal keeps who was given write access, each saved
/// version's hash and each export; the text itself lives in the document's own entity.
/// </summary>
public sealed class MeetingNotesModule : IMeetingModule
{
    public IReadOnlyList<(Type Type, string Manifest)> Events { get; } =
    [
        (typeof(NotesWritersSelected), "meeting.notes_writers_selected.v1"),
        (typeof(NotesWritersDeselected), "meeting.notes_writers_deselected.v1"),
        (typeof(DocumentExported), "meeting.document_exported.v1"),
        (typeof(DocumentVersionSaved), "meeting.document_version_saved.v1"),
    ];

    public IReadOnlyList<Type> ReactsTo { get; } =
        [typeof(ParticipantJoined), typeof(ParticipantLeft), typeof(ParticipantSentToWaitingRoom), typeof(SessionClosed), typeof(AssetAdded),
            typeof(WhiteboardInitialized)];

    public Decision? Decide(MeetingState state, object command, DateTimeOffset now) => command switch
    {
        SelectNotesWriters c => Select(state, c, now),
        DeselectNotesWriters c => Deselect(state, c, now),
        ExportDocument c => Export(state, c, now),
        // Also after the session ended: the last version is saved when the last page closed, often just after.
        RecordDocumentVersion c => Decision.Accept(MeetingDecider.Stamp(new DocumentVersionSaved(c.Kind, c.DocumentId, c.Version, c.Sha256), Actor.System, now)),
        AddExport c when state.Assets?.ContainsKey(c.Asset.Id) == true => Decision.Reject(MeetingDecider.AlreadyExists),
        AddExport c => Decision.Accept(MeetingDecider.Stamp(new AssetAdded(c.Asset.Id, c.Asset.Filename, c.Asset.Namespace, c.Asset.Kind,
            c.Asset.Size, null, c.Asset.StorageKey, c.Asset.BreakoutRoomId), Actor.Participant(c.RequestedBy), now)),
        _ => null,
    };

    private static Decision Select(MeetingState state, SelectNotesWriters c, DateTimeOffset now)
    {
        if (MeetingDecider.RequireModerator(state, c.ParticipantId) is { } refused)
            return refused;
        var chosen = c.Writers.Distinct().ToList();
        if (chosen.Count == 0 || chosen.Any(id => state.Find(id) is not { IsInRoom: true, IsHidden: false }))
            return Decision.Reject(ErrorCodes.InvalidParticipantSelection);
        var documentId = state.Notes?.DocumentId ?? Guid.NewGuid();
        return Decision.Accept(MeetingDecider.Stamp(new NotesWritersSelected(documentId, chosen), Actor.Participant(c.ParticipantId), now));
    }

    private static Decision Deselect(MeetingState state, DeselectNotesWriters c, DateTimeOffset now)
    {
        if (MeetingDecider.RequireModerator(state, c.ParticipantId) is { } refused)
            return refused;
        if (state.Notes is not { } notes)
            return Decision.Reject(ErrorCodes.NotInitialized);
        var chosen = c.Writers.Distinct().ToList();
        if (chosen.Count == 0 || chosen.Any(id => !notes.Writers.Contains(id)))
            return Decision.Reject(ErrorCodes.InvalidParticipantSelection);
        return Decision.Accept(MeetingDecider.Stamp(new NotesWritersDeselected(chosen), Actor.Participant(c.ParticipantId), now));
    }

    private static Decision Export(MeetingState state, ExportDocument c, DateTimeOffset now)
    {
        if (MeetingDecider.RequireModerator(state, c.ParticipantId) is { } refused)
            return refused;
        return DocumentOf(state, c.Kind) is { } documentId
            ? Decision.Accept(MeetingDecider.Stamp(new DocumentExported(c.Kind, documentId), Actor.Participant(c.ParticipantId), now))
            : Decision.Reject(ErrorCodes.NotInitialized);
    }

    /// <summary>The session's document of that kind, once started.</summary>
    public static Guid? DocumentOf(MeetingState state, DocumentKind kind) =>
        kind == DocumentKind.Notes ? state.Notes?.DocumentId : state.WhiteboardId;

    public MeetingState? Apply(MeetingState state, DomainEvent evt) => evt switch
    {
        NotesWritersSelected e => state with
        {
            Notes = new MeetingNotes(e.DocumentId, (state.Notes?.Writers ?? []).Union(e.ParticipantIds)),
        },
        NotesWritersDeselected e when state.Notes is { } notes => state with { Notes = notes with { Writers = notes.Writers.Except(e.ParticipantIds) } },
        ParticipantLeft e when state.Notes is { } notes && notes.Writers.Contains(e.ParticipantId) =>
            state with { Notes = notes with { Writers = notes.Writers.Remove(e.ParticipantId) } },
        SessionClosed when state.Notes is not null || state.WhiteboardId is not null => state with { Notes = null, WhiteboardId = null },
        _ => null,
    };

    public IEnumerable<Notification>? Notify(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        NotesWritersSelected e when before.Notes is null => after.InRoom.Select(p => UrlFor(after, p.Id))
            .Concat(e.ParticipantIds.SelectMany(id => MeetingNotifications.UpdateToOthers(id, after))),
        NotesWritersSelected e => e.ParticipantIds.Where(id => before.Notes.Writers.Contains(id) is false)
            .SelectMany(id => MeetingNotifications.UpdateToOthers(id, after).Prepend(UrlFor(after, id))),
        NotesWritersDeselected e => e.ParticipantIds.SelectMany(id => MeetingNotifications.UpdateToOthers(id, after).Prepend(UrlFor(after, id))),
        AssetAdded e when e.Namespace is Namespaces.MeetingNotes or Namespaces.Whiteboard =>
            MeetingNotifications.ToRoom(after, e.Namespace, new PdfAsset(e.Filename, e.AssetId)),
        _ => null,
    };

    /// <summary>The notes' page for a participant in the room (sent after their <c>join_success</c> too): to write or to read, as they may.</summary>
    public static Notification UrlFor(MeetingState state, Guid participantId)
    {
        var notes = state.Notes!;
        var write = notes.Writers.Contains(participantId);
        var url = state.Collab!.Url(DocumentKind.Notes, state.RoomId, notes.DocumentId, participantId, write);
        return new Notification(participantId, Namespaces.MeetingNotes, write ? new NotesWriteUrl(url) : new NotesReadUrl(url));
    }

    /// <summary>A participant's <c>meeting_notes</c> part, once the notes are started.</summary>
    public static MeetingNotesPeerState? PeerOf(MeetingState state, Guid participantId) =>
        state.Notes is { } notes ? new MeetingNotesPeerState(!notes.Writers.Contains(participantId)) : null;

    public IEnumerable<MeetingEffect> Effects(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        NotesWritersSelected or NotesWritersDeselected => [AccessOf(after, DocumentKind.Notes)!],
        WhiteboardInitialized => [AccessOf(after, DocumentKind.Whiteboard)!],
        // Whoever is no longer in the room loses access, and whoever joined may open the documents.
        ParticipantJoined or ParticipantLeft or ParticipantSentToWaitingRoom or SessionClosed =>
            new[] { AccessOf(after, DocumentKind.Notes, before), AccessOf(after, DocumentKind.Whiteboard, before) }.OfType<MeetingEffect>(),
        DocumentExported e => [new RequestExport(new DocumentExportRequested(after.RoomId, after.MainRoomId ?? after.RoomId,
            after.MainRoomId is null ? null : after.RoomId, e.Kind, e.DocumentId, Actor.ParticipantOf(e.By) ?? Guid.Empty))],
        _ => [],
    };

    /// <summary>
    /// Tells a document who may open it now (everyone in the room reads; writers write, on the whiteboard everyone).
    /// <paramref name="documentFrom"/> is the state that still knows the document, when the session just closed.
    /// </summary>
    private static SendToDocument? AccessOf(MeetingState state, DocumentKind kind, MeetingState? documentFrom = null)
    {
        if (DocumentOf(documentFrom ?? state, kind) is not { } documentId)
            return null;
        var readers = state.InRoom.Select(p => p.Id).ToImmutableHashSet();
        var writers = kind == DocumentKind.Whiteboard ? readers : (state.Notes?.Writers ?? []).Intersect(readers);
        return new SendToDocument(new DocumentAccessChanged(documentId, state.RoomId, kind, readers, writers));
    }

    /// <summary>Whether the bearer of a token may open the room's document, and whether they may write.</summary>
    public static DocumentAccessReply CheckAccess(MeetingState state, CheckDocumentAccess check)
    {
        if (DocumentOf(state, check.Kind) is not { } documentId || state.Collab is not { } access)
            return new DocumentAccessReply(Guid.Empty, Guid.Empty, false, CloseCodes.NotStarted);
        if (access.Verify(check.Kind, documentId, check.Token) is not { } participant || state.Find(participant) is not { IsInRoom: true })
            return new DocumentAccessReply(documentId, Guid.Empty, false, CloseCodes.NoAccess);
        var write = check.Kind == DocumentKind.Whiteboard || state.Notes!.Writers.Contains(participant);
        return new DocumentAccessReply(documentId, participant, write, null);
    }
}
