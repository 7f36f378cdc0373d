// Meeting notes and the whiteboard as the room sees them (`meeting_notes` and `whiteboard`, OpenTalk's namespaces):
// my access URL to each, who may write the notes, and the PDFs exported. Pure: the room and its panels render what this
// returns. The names of these messages may still change; they are all here.

import type { Send } from './signaling-protocol';

export type CollabKind = 'notes' | 'whiteboard';
export type WhiteboardStatus = 'not_initialized' | 'initializing' | 'initialized';

/** A PDF the node made of the notes or the whiteboard, to download from the room's assets. */
export interface PdfExport {
  kind: CollabKind;
  filename: string;
  assetId: string;
}

export interface CollabView {
  /** My address of the notes (`…&mode=write` or `…&mode=read`); null while the notes are not started for me. */
  notesUrl: string | null;
  /** Who may write the notes, by participant id (what each one's `meeting_notes.readonly` says, turned round). */
  writers: Record<string, boolean>;
  whiteboard: WhiteboardStatus;
  /** The whiteboard's address, once it is initialized. */
  whiteboardUrl: string | null;
  /** PDFs exported in this session, oldest first, until put away. */
  exports: PdfExport[];
  /** Why the node refused my last notes or whiteboard action, until the next one. */
  error: { kind: CollabKind; error: string } | null;
}

export const noCollab: CollabView = { notesUrl: null, writers: {}, whiteboard: 'not_initialized', whiteboardUrl: null, exports: [], error: null };

/** What an access URL carries: `{origin}/notes/{roomId}?token=…&mode=write|read` or `{origin}/whiteboard/{roomId}?token=…`. */
export interface CollabAccess {
  kind: CollabKind;
  roomId: string;
  token: string;
  /** Whiteboards are always `write`: everyone may draw. */
  mode: 'write' | 'read';
}

/** The token of an access URL, or null when it has none (or is no URL). */
export function tokenOf(url: string): string | null {
  try {
    return new URL(url, 'http://localhost').searchParams.get('token') || null;
  } catch {
    return null;
  }
}

/** The parts of an access URL (absolute, or a path with its query as the stand-alone pages get it); null when it is not one. */
export function accessOf(url: string): CollabAccess | null {
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://localhost');
  } catch {
    return null;
  }
  const m = parsed.pathname.match(/^\/(notes|whiteboard)\/([0-9a-fA-F-]{36})\/?$/);
  const token = parsed.searchParams.get('token');
  if (!m || !token) return null;
  const kind = m[1] as CollabKind;
  return { kind, roomId: m[2], token, mode: kind === 'whiteboard' || parsed.searchParams.get('mode') === 'write' ? 'write' : 'read' };
}

/** The collaboration socket's base for y-websocket, on the page's own node: it appends `/{roomId}?token=…`. */
export function collabSocketBase(location: Pick<Location, 'protocol' | 'host'>, kind: CollabKind): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/v1/collab/${kind}`;
}

type Notes = { readonly: boolean; url?: string | null };
type Board = { status: WhiteboardStatus; url?: string | null };
type Participant = { id: string; meeting_notes?: { readonly: boolean } | null };

const writersOf = (participants: Participant[]) =>
  Object.fromEntries(participants.filter((p) => p.meeting_notes).map((p) => [p.id, !p.meeting_notes!.readonly]));

/** Applies a `control` message: join_success says where notes and whiteboard stand, the others who may write. */
export function collabControl(view: CollabView, payload: Record<string, unknown>): CollabView {
  switch (payload.message) {
    case 'join_success': {
      const notes = payload.meeting_notes as Notes | undefined;
      const board = payload.whiteboard as Board | undefined;
      const writers = writersOf((payload.participants as Participant[] | undefined) ?? []);
      if (notes && payload.id) writers[payload.id as string] = !notes.readonly;
      return {
        ...view, notesUrl: notes?.url ?? null, writers,
        whiteboard: board?.status ?? 'not_initialized', whiteboardUrl: board?.status === 'initialized' ? board.url ?? null : null,
      };
    }
    case 'joined':
    case 'update': {
      const p = payload as unknown as Participant;
      if (!p.meeting_notes) return view;
      return { ...view, writers: { ...view.writers, [p.id]: !p.meeting_notes.readonly } };
    }
    case 'left': {
      const { [payload.id as string]: _gone, ...rest } = view.writers;
      return { ...view, writers: rest };
    }
    default:
      return view;
  }
}

const pdf = (kind: CollabKind, payload: Record<string, unknown>): PdfExport =>
  ({ kind, filename: String(payload.filename), assetId: String(payload.asset_id) });

/** Applies one `meeting_notes` message. */
export function meetingNotes(view: CollabView, payload: Record<string, unknown>): CollabView {
  switch (payload.message) {
    case 'write_url':
    case 'read_url':
      return { ...view, notesUrl: String(payload.url), error: null };
    case 'pdf_asset':
      return { ...view, exports: [...view.exports, pdf('notes', payload)] };
    case 'error':
      return { ...view, error: { kind: 'notes', error: String(payload.error) } };
    default:
      return view;
  }
}

/** Applies one `whiteboard` message. */
export function whiteboard(view: CollabView, payload: Record<string, unknown>): CollabView {
  switch (payload.message) {
    case 'space_url':
      return { ...view, whiteboard: 'initialized', whiteboardUrl: String(payload.url), error: null };
    case 'pdf_asset':
      return { ...view, exports: [...view.exports, pdf('whiteboard', payload)] };
    case 'error':
      return { ...view, whiteboard: view.whiteboardUrl ? 'initialized' : 'not_initialized', error: { kind: 'whiteboard', error: String(payload.error) } };
    default:
      return view;
  }
}

/** Applies a message of either namespace; anything else leaves the view as it is. */
export function collab(view: CollabView, namespace: string, payload: Record<string, unknown>): CollabView {
  if (namespace === 'meeting_notes') return meetingNotes(view, payload);
  if (namespace === 'whiteboard') return whiteboard(view, payload);
  if (namespace === 'control') return collabControl(view, payload);
  return view;
}

/** The list without an export whose message was put away. */
export const forgetExport = (view: CollabView, assetId: string): CollabView =>
  ({ ...view, exports: view.exports.filter((e) => e.assetId !== assetId) });

/** Before a moderator's new action: the last refusal no longer applies. */
export const acting = (view: CollabView): CollabView => ({ ...view, error: null });

/** After a moderator asked for the whiteboard, until `space_url` (or an error) arrives. */
export const initializing = (view: CollabView): CollabView =>
  (view.whiteboard === 'not_initialized' ? { ...view, whiteboard: 'initializing', error: null } : view);

/** Gives or ends write access to the notes: sends only the changes, as one message each way. */
export function setWriters(send: Send, view: CollabView, wanted: Record<string, boolean>): void {
  const give = Object.keys(wanted).filter((id) => wanted[id] && !view.writers[id]);
  const end = Object.keys(wanted).filter((id) => !wanted[id] && view.writers[id]);
  if (give.length > 0) send('meeting_notes', { action: 'select_writer', participant_ids: give });
  if (end.length > 0) send('meeting_notes', { action: 'deselect_writer', participant_ids: end });
}

export const exportNotes = (send: Send) => send('meeting_notes', { action: 'generate_pdf' });
export const openWhiteboard = (send: Send) => send('whiteboard', { action: 'initialize' });
export const exportWhiteboard = (send: Send) => send('whiteboard', { action: 'generate_pdf' });
