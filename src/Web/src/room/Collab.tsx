import { useEffect, useState } from 'react';
import type { Api } from '../api';
import { accessOf, acting, exportNotes, exportWhiteboard, forgetExport, initializing, openWhiteboard, setWriters, type PdfExport } from '../collab';
import { NotesEditor, Whiteboard } from '../editors/lazy';
import { plainError } from '../recordings';
import type { RoomView } from '../room';
import type { Send } from '../signaling-protocol';
import { useText, type Translate } from '../text';

type Update = (change: (room: RoomView) => RoomView) => void;

/** Why the node refused a notes or whiteboard action, in words. */
export const collabErrorText = (t: Translate, error: string): string =>
  error === 'insufficient_permissions' ? t('onlyModerators') : t('serverSaid', { error });

/** The notes panel: the editor once the node gave me an address, else how the notes start. */
export function NotesPanel({ room, name }: { room: RoomView; name: string }) {
  const t = useText();
  const access = room.collab.notesUrl ? accessOf(room.collab.notesUrl) : null;
  return (
    <section className="panel notes-panel" aria-label={t('meetingNotes')}>
      <h2>{t('meetingNotes')}</h2>
      {access
        // A new address (write access given or ended) is a new connection.
        ? <NotesEditor key={room.collab.notesUrl} access={access} name={name} />
        : <p className="muted" data-testid="notes-status">{t('notesNotStartedYet')}</p>}
    </section>
  );
}

/** The whiteboard in place of the stage, once a moderator opened it. */
export function WhiteboardArea({ room, name }: { room: RoomView; name: string }) {
  const t = useText();
  const access = room.collab.whiteboardUrl ? accessOf(room.collab.whiteboardUrl) : null;
  if (!access) return <p role="status">{t('whiteboardNotStarted')}</p>;
  return <Whiteboard key={room.collab.whiteboardUrl} access={access} name={name} />;
}

/**
 * The moderator's notes and whiteboard controls: who writes, exports, opening the whiteboard. `onDone` follows an
 * export or the opening of the whiteboard (their dialog closes then); who writes changes as it is ticked.
 */
export function CollabTool({ room, send, update, onDone }: { room: RoomView; send: Send; update: Update; onDone?: () => void }) {
  const t = useText();
  // Ticked here and not yet confirmed by the node.
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const { collab } = room;
  const iWrite = collab.notesUrl !== null && accessOf(collab.notesUrl)?.mode === 'write';
  const writes = (id: string) => (id === room.me ? iWrite : collab.writers[id] ?? false);
  // Once the node confirms (or another moderator changed it), its word counts again.
  useEffect(() => {
    setChosen((c) => {
      const pending = Object.entries(c).filter(([id, wanted]) => wanted !== writes(id));
      return pending.length === Object.keys(c).length ? c : Object.fromEntries(pending);
    });
    // writes() reads just these.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [collab.writers, collab.notesUrl]);
  if (room.myRole !== 'moderator') return null;
  const people = Object.values(room.people).filter((p) => !p.phone).sort((a, b) => a.displayName.localeCompare(b.displayName));
  const act = (work: () => void) => {
    update((r) => ({ ...r, collab: acting(r.collab) }));
    work();
  };
  return (
    <>
      <div className="tool collab-notes">
        <h3>{t('meetingNotes')}</h3>
        <fieldset>
          <legend>{t('notesWriters')}</legend>
          <ul className="plain-list" data-testid="notes-writers">
            {people.map((p) => (
              <li key={p.id}>
                <label className="toggle">
                  <input type="checkbox" checked={chosen[p.id] ?? writes(p.id)} onChange={(e) => {
                    const wanted = e.target.checked;
                    setChosen({ ...chosen, [p.id]: wanted });
                    act(() => setWriters(send, { ...collab, writers: { ...collab.writers, [p.id]: writes(p.id) } }, { [p.id]: wanted }));
                  }} />
                  {p.id === room.me ? t('youNamed', { name: p.displayName }) : p.displayName}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button type="button" className="secondary" disabled={collab.notesUrl === null} onClick={() => { act(() => exportNotes(send)); onDone?.(); }}>
          {t('exportNotes')}
        </button>
        {collab.error?.kind === 'notes' && <p className="field-error" role="alert">{collabErrorText(t, collab.error.error)}</p>}
      </div>
      <div className="tool collab-whiteboard">
        <h3>{t('whiteboard')}</h3>
        {collab.whiteboard === 'initialized' ? (
          <button type="button" className="secondary" onClick={() => { act(() => exportWhiteboard(send)); onDone?.(); }}>{t('exportWhiteboard')}</button>
        ) : (
          <button type="button" className="primary" disabled={collab.whiteboard === 'initializing'} onClick={() => {
            openWhiteboard(send);
            update((r) => ({ ...r, collab: initializing(r.collab) }));
            onDone?.();
          }}>{collab.whiteboard === 'initializing' ? t('whiteboardOpening') : t('openWhiteboard')}</button>
        )}
        {collab.error?.kind === 'whiteboard' && <p className="field-error" role="alert">{collabErrorText(t, collab.error.error)}</p>}
      </div>
    </>
  );
}

/** "Notes exported as PDF", with the download: fetched with the bearer token (an <a href> to the API would lack it). */
export function PdfExports({ room, roomId, api, update }: { room: RoomView; roomId: string; api: Api; update: Update }) {
  const t = useText();
  const [problem, setProblem] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  if (room.collab.exports.length === 0) return null;
  const download = async (pdf: PdfExport) => {
    setBusy(pdf.assetId);
    try {
      const url = URL.createObjectURL(await api.assetFile(roomId, pdf.assetId));
      const link = document.createElement('a');
      link.href = url;
      link.download = pdf.filename;
      link.click();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setProblem({ ...problem, [pdf.assetId]: plainError(e, t) });
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      {room.collab.exports.map((pdf) => (
        <div key={pdf.assetId} className="banner" role="status" data-testid="pdf-export">
          <span>{t(pdf.kind === 'notes' ? 'notesExported' : 'whiteboardExported')}</span>
          <a href={`/v1/rooms/${roomId}/assets/${pdf.assetId}`} download={pdf.filename} aria-disabled={busy === pdf.assetId}
            onClick={(e) => { e.preventDefault(); if (busy !== pdf.assetId) void download(pdf); }}>{t('downloadNamed', { name: pdf.filename })}</a>
          {problem[pdf.assetId] && <span className="field-error">{problem[pdf.assetId]}</span>}
          <button type="button" className="link" onClick={() => update((r) => ({ ...r, collab: forgetExport(r.collab, pdf.assetId) }))}>{t('dismiss')}</button>
        </div>
      ))}
    </>
  );
}
