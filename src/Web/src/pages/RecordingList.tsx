import { useCallback, useEffect, useState } from 'react';
import { Api, ApiError, assetsPerPage } from '../api';
import type { AssetResource } from '../protocol';
import { documentKindOf, formatDuration, formatSize, isRecording, newestFirst, plainError } from '../recordings';
import { useText } from '../text';
import { formatDateTime } from '../when';

/**
 * A room's files a page at a time (recordings unless <keep> says otherwise): the list (null while the first page
 * loads), whether more pages exist, and what failed.
 */
export function useRecordings<T extends AssetResource>(load: (page: number) => Promise<T[]>, keep: (asset: T) => boolean = isRecording) {
  const t = useText();
  const [items, setItems] = useState<T[] | null>(null);
  const [pages, setPages] = useState(0);
  const [more, setMore] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const fetchPage = useCallback(async (page: number, before: T[]) => {
    try {
      setFailure(null);
      const got = await load(page);
      setItems(newestFirst([...before, ...got.filter(keep)]));
      setPages(page);
      setMore(got.length === assetsPerPage);
    } catch (e) {
      setFailure(e);
      setItems((list) => list ?? []);
    }
    // `keep` is one of two module-level functions: it never changes for a list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);

  useEffect(() => { void fetchPage(1, []); }, [fetchPage]);

  return {
    items, more,
    error: failure === null ? null : plainError(failure, t),
    forbidden: failure instanceof ApiError && failure.problem.status === 403,
    refresh: () => fetchPage(1, []),
    showMore: () => fetchPage(pages + 1, items ?? []),
    removed: (id: string) => setItems((list) => list && list.filter((a) => a.id !== id)),
  };
}

/**
 * One recording: name, date, size; play, download, delete. The file is fetched once with the bearer token and kept as
 * an object URL while the player is open (freed when it closes or the row goes away).
 */
export function RecordingRow({ api, room, asset, onDeleted, children }: {
  api: Api; room: string; asset: AssetResource; onDeleted: (id: string) => void; children?: React.ReactNode;
}) {
  const t = useText();
  const locale = t('locale');
  const [playerUrl, setPlayerUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState<'play' | 'download' | 'delete' | null>(null);
  const [error, setError] = useState<string | null>(null);

  // An object URL holds the whole file in memory until revoked.
  useEffect(() => () => { if (playerUrl) URL.revokeObjectURL(playerUrl); }, [playerUrl]);

  const attempt = async (what: 'play' | 'download' | 'delete', work: () => Promise<void>) => {
    try {
      setError(null);
      setBusy(what);
      await work();
    } catch (e) {
      setError(plainError(e, t));
    } finally {
      setBusy(null);
    }
  };

  // <video src> cannot send the Authorization header the download needs, so the player gets the fetched file as a blob.
  const playable = isRecording(asset);
  const play = () => attempt('play', async () => setPlayerUrl(URL.createObjectURL(await api.assetFile(room, asset.id))));

  // The same for saving: an <a download> pointing at the API would arrive without the token. The player's copy is
  // reused when it is open; otherwise the URL is freed once the browser has taken the file.
  const download = () => attempt('download', async () => {
    const url = playerUrl ?? URL.createObjectURL(await api.assetFile(room, asset.id));
    const link = document.createElement('a');
    link.href = url;
    link.download = asset.filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    if (url !== playerUrl) window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });

  const remove = () => {
    if (!window.confirm(t('deleteRecordingConfirm', { name: asset.filename }))) return;
    void attempt('delete', async () => {
      await api.deleteAsset(room, asset.id);
      onDeleted(asset.id);
    });
  };

  return (
    <li className="recording" data-asset={asset.id}>
      <div className="recording-text">
        <strong className="filename">{asset.filename}</strong>
        <span className="muted">
          <time dateTime={asset.created_at}>{formatDateTime(asset.created_at, locale)}</time> · {asset.duration != null && <><span className="duration">{formatDuration(asset.duration)}</span> · </>}<span className="size">{formatSize(asset.size, locale)}</span>
        </span>
        {children}
      </div>
      <div className="actions">
        {!playable ? null : playerUrl ? (
          <button type="button" className="secondary small" onClick={() => setPlayerUrl(null)}>{t('closePlayer')}</button>
        ) : (
          <button type="button" className="secondary small" disabled={busy !== null} aria-label={t('playNamed', { name: asset.filename })} onClick={() => void play()}>
            {busy === 'play' ? t('fetchingRecording') : t('play')}
          </button>
        )}
        <button type="button" className="secondary small" disabled={busy !== null} aria-label={t('downloadNamed', { name: asset.filename })} onClick={() => void download()}>
          {busy === 'download' ? t('fetchingRecording') : t('download')}
        </button>
        <button type="button" className="link danger" disabled={busy !== null} aria-label={t('deleteNamed', { name: asset.filename })} onClick={remove}>
          {t('delete')}
        </button>
      </div>
      {error && <p role="alert" className="alert">{error}</p>}
      {playerUrl && <video className="player" controls autoPlay src={playerUrl} aria-label={t('recordingNamed', { name: asset.filename })} />}
    </li>
  );
}

/**
 * The recordings of a meeting's room, newest first, on the meeting's page. Only the room's owner (or an admin) may
 * see them; for anyone else whom the node refuses, the section is left out rather than shown as an error.
 */
export function RoomRecordings({ api, room, owner }: { api: Api; room: string; owner: boolean }) {
  const t = useText();
  const load = useCallback((page: number) => api.roomAssets(room, page), [api, room]);
  const { items, more, error, forbidden, refresh, showMore, removed } = useRecordings(load);
  if (forbidden && !owner) return null;
  return (
    <section className="card" aria-labelledby="recordings-title">
      <div className="card-head">
        <h2 id="recordings-title">{t('recordings')}</h2>
        <button type="button" className="secondary small" onClick={() => void refresh()}>{t('refresh')}</button>
      </div>
      {error && <p role="alert" className="alert">{error}</p>}
      {items === null ? <p role="status">{t('loading')}</p> : items.length === 0 ? (!error && <p className="muted">{t('noRecordings')}</p>) : (
        <ul className="recording-list" aria-labelledby="recordings-title">
          {items.map((a) => <RecordingRow key={a.id} api={api} room={room} asset={a} onDeleted={removed} />)}
        </ul>
      )}
      {more && <button type="button" className="secondary small" onClick={() => void showMore()}>{t('showMore')}</button>}
    </section>
  );
}

/** What a document is, in words: "Meeting notes", "Whiteboard", "Attendance report", "Shared file". */
const kindLabel = { meeting_notes: 'documentNotes', whiteboard: 'documentWhiteboard', meeting_report: 'documentReport', shared_folder: 'documentSharedFile', other: 'documentOther' } as const;

/**
 * The room's other files (exported notes and whiteboards, reports, the shared folder), beside its recordings, for its
 * owner: download and delete, as for recordings.
 */
export function RoomDocuments({ api, room, owner }: { api: Api; room: string; owner: boolean }) {
  const t = useText();
  const load = useCallback((page: number) => api.roomAssets(room, page), [api, room]);
  const { items, more, error, forbidden, refresh, showMore, removed } = useRecordings(load, isDocument);
  if (forbidden && !owner) return null;
  return (
    <section className="card" aria-labelledby="documents-title">
      <div className="card-head">
        <h2 id="documents-title">{t('meetingDocuments')}</h2>
        <button type="button" className="secondary small" onClick={() => void refresh()}>{t('refresh')}</button>
      </div>
      {error && <p role="alert" className="alert">{error}</p>}
      {items === null ? <p role="status">{t('loading')}</p> : items.length === 0 ? (!error && <p className="muted">{t('noDocuments')}</p>) : (
        <ul className="recording-list" aria-labelledby="documents-title" data-testid="meeting-documents">
          {items.map((a) => (
            <RecordingRow key={a.id} api={api} room={room} asset={a} onDeleted={removed}>
              <span className="muted document-kind">{t(kindLabel[documentKindOf(a)])}</span>
            </RecordingRow>
          ))}
        </ul>
      )}
      {more && <button type="button" className="secondary small" onClick={() => void showMore()}>{t('showMore')}</button>}
    </section>
  );
}

const isDocument = (asset: AssetResource) => !isRecording(asset);
