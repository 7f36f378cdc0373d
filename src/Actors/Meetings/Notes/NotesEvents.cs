using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OpenTalk.Actors.Collab;
using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// A moderator gave write access to the notes to <see cref="ParticipantIds"/>; the first time in a session this starts
/// the notes, as document <see cref="DocumentId"/>.
/// </summary>
public sealed record NotesWritersSelected(
    [property: JsonPropertyName("document_id")] Guid DocumentId,
    [property: JsonPropertyName("participant_ids")] IReadOnlyList<Guid> ParticipantIds) : DomainEvent;

public sealed record NotesWritersDeselected([property: JsonPropertyName("participant_ids")] IReadOnlyList<Guid> ParticipantIds) : DomainEvent;

/// <summary>A moderator asked for a PDF of a document (the asset follows as <see cref="AssetAdded"/>).</summary>
public sealed record DocumentExported(
    [property: JsonPropertyName("kind")] DocumentKind Kind,
    [property: JsonPropertyName("document_id")] Guid DocumentId) : DomainEvent;

/// <summary>A document saved version <see cref="Version"/> of its content; <see cref="Sha256"/> is the hash of what it stored.</summary>
public sealed record DocumentVersionSaved(
    [property: JsonPropertyName("kind")] DocumentKind Kind,
    [property: JsonPropertyName("document_id")] Guid DocumentId,
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("sha256")] string Sha256) : DomainEvent;

/// <summary>The session's notes: the document and who may write in it (everyone else in the room reads).</summary>
public sealed record MeetingNotes(
    [property: JsonPropertyName("document_id")] Guid DocumentId,
    [property: JsonPropertyName("writers")] ImmutableHashSet<Guid> Writers);
