import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { accessOf, collabSocketBase, exportNotes, forgetExport, initializing, noCollab, openWhiteboard, setWriters, tokenOf } from './collab';
import { notesStatus } from './editors/NotesEditor';
import { formats, pressed } from './editors/toolbar';
import { applyMessage, emptyRoom, type RoomView } from './room';
import { CollabTool } from './room/Collab';
import { routeOf } from './routes';
import type { Send } from './signaling-protocol';
import { translator } from './text';

const room = '0c5b3f4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const writeUrl = `https://meet.example.org/notes/${room}?token=w-tok&mode=write`;
const readUrl = `https://meet.example.org/notes/${room}?token=r-tok&mode=read`;
const boardUrl = `https://meet.example.org/whiteboard/${room}?token=b-tok`;
const en = translator('en');
const de = translator('de');
const control = (name: string) => ({ display_name: name, role: 'user', hand_is_up: false, is_connected: true });
const joined = (extra: Record<string, unknown> = {}) => applyMessage(emptyRoom, 'control', {
  message: 'join_success', id: 'me', display_name: 'Mia', role: 'moderator', media: {},
  participants: [{ id: 'u1', control: control('Uma'), meeting_notes: { readonly: false } }, { id: 'u2', control: control('Ulf'), meeting_notes: { readonly: true } }],
  ...extra,
});
const frames = () => {
  const sent: { namespace: string; payload: unknown }[] = [];
  const send = ((namespace: string, payload: unknown) => sent.push({ namespace, payload })) as Send;
  return { sent, send };
};

describe('access URLs', () => {
  test('the token of an address, or null', () => {
    expect(tokenOf(writeUrl)).toBe('w-tok');
    expect(tokenOf(`/whiteboard/${room}?token=a%2Bb`)).toBe('a+b');
    expect(tokenOf(`/notes/${room}`)).toBeNull();
    expect(tokenOf('http://[bad')).toBeNull();
  });

  test('notes addresses carry room, token and mode; anything but mode=write reads', () => {
    expect(accessOf(writeUrl)).toEqual({ kind: 'notes', roomId: room, token: 'w-tok', mode: 'write' });
    expect(accessOf(readUrl)?.mode).toBe('read');
    expect(accessOf(`/notes/${room}?token=x`)?.mode).toBe('read');
  });

  test('everyone draws on the whiteboard', () => {
    expect(accessOf(boardUrl)).toEqual({ kind: 'whiteboard', roomId: room, token: 'b-tok', mode: 'write' });
  });

  test('no token, another path or no room id is no access', () => {
    for (const wrong of [`/notes/${room}`, `/room/${room}?token=x`, '/notes/abc?token=x', 'not a url at all %%%']) expect(accessOf(wrong)).toBeNull();
  });

  test('the socket is the page\'s own node, ws or wss as the page', () => {
    expect(collabSocketBase({ protocol: 'https:', host: 'meet.example.org' }, 'notes')).toBe('wss://meet.example.org/v1/collab/notes');
    expect(collabSocketBase({ protocol: 'http:', host: 'localhost:8080' }, 'whiteboard')).toBe('ws://localhost:8080/v1/collab/whiteboard');
  });

  test('the stand-alone pages have their routes', () => {
    expect(routeOf(`/notes/${room}`)).toEqual({ page: 'notes', roomId: room });
    expect(routeOf(`/whiteboard/${room}`)).toEqual({ page: 'whiteboard', roomId: room });
    expect(routeOf('/notes/nope')).toEqual({ page: 'not-found' });
  });
});

describe('notes and whiteboard from signaling', () => {
  test('a room without them', () => {
    const r = joined();
    expect([r.collab.notesUrl, r.collab.whiteboard, r.collab.whiteboardUrl]).toEqual([null, 'not_initialized', null]);
    expect(r.collab.writers).toEqual({ u1: true, u2: false });
  });

  test('join_success with notes and whiteboard started', () => {
    const r = joined({ meeting_notes: { readonly: false, url: writeUrl }, whiteboard: { status: 'initialized', url: boardUrl } });
    expect([r.collab.notesUrl, r.collab.whiteboard, r.collab.whiteboardUrl]).toEqual([writeUrl, 'initialized', boardUrl]);
    expect(r.collab.writers.me).toBe(true);
  });

  test('write_url and read_url replace my address', () => {
    let r = applyMessage(joined(), 'meeting_notes', { message: 'write_url', url: writeUrl });
    expect(r.collab.notesUrl).toBe(writeUrl);
    r = applyMessage(r, 'meeting_notes', { message: 'read_url', url: readUrl });
    expect(r.collab.notesUrl).toBe(readUrl);
  });

  test('participants\' write access follows joined, update and left', () => {
    let r = applyMessage(joined(), 'control', { message: 'joined', id: 'u3', control: control('Ute'), meeting_notes: { readonly: false } });
    r = applyMessage(r, 'control', { message: 'update', id: 'u1', control: control('Uma'), meeting_notes: { readonly: true } });
    r = applyMessage(r, 'control', { message: 'left', id: 'u2' });
    expect(r.collab.writers).toEqual({ u1: false, u3: true });
    expect(r.people.u3.displayName).toBe('Ute');
  });

  test('the whiteboard opens: initializing until space_url', () => {
    let r: RoomView = { ...joined(), collab: initializing(joined().collab) };
    expect(r.collab.whiteboard).toBe('initializing');
    r = applyMessage(r, 'whiteboard', { message: 'space_url', url: boardUrl });
    expect([r.collab.whiteboard, r.collab.whiteboardUrl]).toEqual(['initialized', boardUrl]);
  });

  test('exported PDFs are listed until put away', () => {
    let r = applyMessage(joined(), 'meeting_notes', { message: 'pdf_asset', filename: 'notes.pdf', asset_id: 'a1' });
    r = applyMessage(r, 'whiteboard', { message: 'pdf_asset', filename: 'board.pdf', asset_id: 'a2' });
    expect(r.collab.exports).toEqual([{ kind: 'notes', filename: 'notes.pdf', assetId: 'a1' }, { kind: 'whiteboard', filename: 'board.pdf', assetId: 'a2' }]);
    expect(forgetExport(r.collab, 'a1').exports.map((e) => e.assetId)).toEqual(['a2']);
  });

  test('errors stay beside the controls, not in the room\'s banner; a failed opening can be tried again', () => {
    const r = applyMessage({ ...joined(), collab: initializing(noCollab) }, 'whiteboard', { message: 'error', error: 'insufficient_permissions' });
    expect([r.collab.error, r.collab.whiteboard, r.lastError]).toEqual([{ kind: 'whiteboard', error: 'insufficient_permissions' }, 'not_initialized', null]);
  });
});

describe('what moderators send', () => {
  test('write access: only the changes, one message each way', () => {
    const { sent, send } = frames();
    setWriters(send, { ...noCollab, writers: { u1: true, u2: false } }, { u1: false, u2: true, u3: true, u4: false });
    expect(sent).toEqual([
      { namespace: 'meeting_notes', payload: { action: 'select_writer', participant_ids: ['u2', 'u3'] } },
      { namespace: 'meeting_notes', payload: { action: 'deselect_writer', participant_ids: ['u1'] } },
    ]);
  });

  test('nothing changed, nothing sent', () => {
    const { sent, send } = frames();
    setWriters(send, { ...noCollab, writers: { u1: true } }, { u1: true, u2: false });
    expect(sent).toEqual([]);
  });

  test('exports and opening the whiteboard', () => {
    const { sent, send } = frames();
    exportNotes(send);
    openWhiteboard(send);
    expect(sent).toEqual([
      { namespace: 'meeting_notes', payload: { action: 'generate_pdf' } },
      { namespace: 'whiteboard', payload: { action: 'initialize' } },
    ]);
  });

  test('the moderator\'s section: a checkbox per person in a labelled list, exports once started', () => {
    const r = joined({ meeting_notes: { readonly: false, url: writeUrl }, whiteboard: { status: 'initialized', url: boardUrl } });
    const html = renderToStaticMarkup(createElement(CollabTool, { room: r, send: () => {}, update: () => {} }));
    expect(html).toContain('<legend>Who may write</legend><ul class="plain-list" data-testid="notes-writers">');
    expect(html).toMatch(/<input type="checkbox" checked=""\/>Mia \(you\)/);
    expect(html).toMatch(/<input type="checkbox" checked=""\/>Uma/);
    expect(html).toMatch(/<input type="checkbox"\/>Ulf/);
    expect(html).toContain('>Export notes as PDF</button>');
    expect(html).toContain('>Export whiteboard as PDF</button>');
    expect(renderToStaticMarkup(createElement(CollabTool, { room: { ...r, myRole: 'user' }, send: () => {}, update: () => {} }))).toBe('');
  });

  test('before anything started: no notes export, the whiteboard can be opened', () => {
    const html = renderToStaticMarkup(createElement(CollabTool, { room: joined(), send: () => {}, update: () => {} }));
    expect(html).toContain('<button type="button" class="secondary" disabled="">Export notes as PDF</button>');
    expect(html).toContain('>Open whiteboard</button>');
  });
});

describe('the notes editor\'s words', () => {
  test('status: writing, reading, refused, ended, not started', () => {
    const ok = { status: 'connected', refused: false } as const;
    expect(notesStatus(en, ok, 'write')).toBe('Connected: you can edit these notes');
    expect(notesStatus(en, ok, 'read')).toBe('You can read these notes but not edit them');
    expect(notesStatus(en, { ...ok, refused: true }, 'write')).toBe('You can read these notes but not edit them');
    expect(notesStatus(de, { ...ok, status: 'ended' }, 'write')).toBe('Ihr Zugang zu diesen Notizen ist beendet.');
    expect(notesStatus(en, { ...ok, status: 'not_started' }, 'read')).toBe('The notes have not been started in this meeting.');
  });

  test('the toolbar: five labelled buttons, pressed where the cursor is', () => {
    expect(formats.map((f) => en(f.label))).toEqual(['Bold', 'Italic', 'Heading', 'Bulleted list', 'Numbered list']);
    const on = pressed((node, attributes) => node === 'bold' || (node === 'heading' && attributes?.level === 2));
    expect(on).toEqual({ bold: true, italic: false, heading: true, bulletList: false, orderedList: false });
  });
});
