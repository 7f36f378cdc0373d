import { useCallback, useEffect, useMemo, useState } from 'react';
import { FolderApi, linkParts, sizeText, type FolderView, type SharedFile } from '../sharedFolder';
import { useText } from '../text';

/**
 * The room's shared folder: its files to download, and for moderators (with the read-write link) to upload, rename
 * and delete. `changes` grows whenever signaling says the folder changed, and the list is fetched again.
 */
export function FilesPanel({ folder }: { folder: FolderView | null }) {
  const t = useText();
  if (!folder) return <section className="panel files" aria-label={t('files')}><p className="muted">{t('filesUnavailable')}</p></section>;
  const parts = linkParts(folder.url);
  if (!parts) return null;
  return (
    <section className="panel files" aria-label={t('files')}>
      <FolderFiles roomId={parts.roomId} token={parts.token} changes={folder.changes} />
    </section>
  );
}

/** The list and, when the token may write, its controls; shared by the panel and the stand-alone folder page. */
export function FolderFiles({ roomId, token, changes = 0 }: { roomId: string; token: string; changes?: number }) {
  const t = useText();
  const api = useMemo(() => new FolderApi(roomId, token), [roomId, token]);
  const [files, setFiles] = useState<SharedFile[] | null>(null);
  const [canWrite, setCanWrite] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api.list().then((r) => { setFiles(r.files); setCanWrite(r.can_write); setError(null); }, (e: Error) => setError(e.message));
  }, [api]);
  useEffect(load, [load, changes]);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    try {
      await action();
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      load();
    }
  }

  function upload(event: React.ChangeEvent<HTMLInputElement>) {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = '';
    void run(async () => { for (const file of chosen) await api.upload(file); });
  }

  function rename(file: SharedFile) {
    const name = window.prompt(t('renameFileTo'), file.filename);
    if (name && name !== file.filename) void run(() => api.rename(file.id, name));
  }

  function remove(file: SharedFile) {
    if (window.confirm(t('deleteFileQuestion', { name: file.filename }))) void run(() => api.remove(file.id));
  }

  return (
    <>
      {error && <p role="alert" className="alert">{error}</p>}
      {files === null && !error && <p role="status">{t('loading')}</p>}
      {files?.length === 0 && <p className="muted">{t('noFiles')}</p>}
      {files && files.length > 0 && (
        <ul className="files-list" aria-live="polite">
          {files.map((f) => (
            <li key={f.id}>
              <a href={api.downloadUrl(f.id)} download={f.filename}>{f.filename}</a>
              <span className="muted"> {sizeText(f.size)}</span>
              {canWrite && (
                <>
                  <button type="button" className="secondary small" disabled={busy} onClick={() => rename(f)}
                    aria-label={t('renameFile', { name: f.filename })}>{t('rename')}</button>
                  <button type="button" className="secondary small" disabled={busy} onClick={() => remove(f)}
                    aria-label={t('deleteFile', { name: f.filename })}>{t('delete')}</button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <label className="compact">
          {t('uploadFiles')}
          <input type="file" multiple disabled={busy} onChange={upload} />
        </label>
      )}
    </>
  );
}
