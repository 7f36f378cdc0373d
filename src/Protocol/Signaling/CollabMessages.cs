namespace OpenTalk.Protocol.Signaling;

/// <summary>
/// Where a participant opens the meeting notes: with write access (<c>write_url</c>) or to read them (<c>read_url</c>).
/// The url is a page of the node's web app, with the participant's access token; OpenTalk's web app opens it in a frame.
/// </summary>
public sealed record NotesWriteUrl(string Url) : ServerPayload("write_url");

public sealed record NotesReadUrl(string Url) : ServerPayload("read_url");

/// <summary>A participant's part under <c>meeting_notes</c> once the notes are started: whether they may only read them.</summary>
public sealed record MeetingNotesPeerState(bool Readonly);

/// <summary>The whiteboard is ready: everyone in the room draws on it at <c>url</c>.</summary>
public sealed record WhiteboardSpaceUrl(string Url) : ServerPayload("space_url");

/// <summary>Where the whiteboard stands, in <c>join_success</c> (OpenTalk's <c>status</c>, with the <c>url</c> once initialized).</summary>
public sealed record WhiteboardModuleState(WhiteboardStatus Status, string? Url);

public enum WhiteboardStatus { NotInitialized, Initializing, Initialized }

/// <summary>A PDF of the notes, the whiteboard or the meeting report was stored as the room's asset <c>asset_id</c>.</summary>
public sealed record PdfAsset(string Filename, Guid AssetId) : ServerPayload("pdf_asset");
