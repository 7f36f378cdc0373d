import { useCallback, useEffect, useState } from 'react';
import { Api } from '../api';
import { formatSize } from '../recordings';
import { navigate } from '../routes';
import { useText } from '../text';
import { RecordingRow, useRecordings } from './RecordingList';

/** Titles asked for at most, so a long list does not send a call per row. */
const titlesAsked = 30;

/**
 * The recordings of every room I own, newest first, each with its meeting; and how much storage my files take. The
 * node counts storage from a read model that catches up a moment after a change, so a deletion is taken off here.
 */
export function MyRecordings({ api }: { api: Api }) {
  const t = useText();
  const load = useCallback((page: number) => api.myAssets(page), [api]);
  const { items, more, error, refresh, showMore, removed } = useRecordings(load);
  const [usedStorage, setUsedStorage] = useState<number | null>(null);
  const [titles, setTitles] = useState<Record<string, string>>({});

  const loadStorage = useCallback(() => { api.me().then((me) => setUsedStorage(me.used_storage), () => setUsedStorage(null)); }, [api]);
  useEffect(loadStorage, [loadStorage]);
  useEffect(() => {
    const wanted = [...new Set((items ?? []).map((a) => a.event_id).filter((id): id is string => !!id))].filter((id) => !(id in titles)).slice(0, titlesAsked);
    for (const id of wanted)
      api.meeting(id).then((m) => setTitles((known) => ({ ...known, [id]: m.title })), () => setTitles((known) => ({ ...known, [id]: '' })));
    // Only new meetings are asked for; `titles` changing must not start the same calls again.
  }, [api, items]);

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('myRecordings')}</h1>
        <button type="button" className="secondary" onClick={() => { void refresh(); loadStorage(); }}>{t('refresh')}</button>
      </div>
      {usedStorage !== null && <p className="storage" data-testid="used-storage">{t('storageUsed', { size: formatSize(usedStorage, t('locale')) })}</p>}
      {error && <p role="alert" className="alert">{error}</p>}
      <section className="card" aria-label={t('myRecordings')}>
        {items === null ? <p role="status">{t('loading')}</p> : items.length === 0 ? (!error && <p className="muted">{t('noRecordings')}</p>) : (
          <ul className="recording-list" aria-label={t('myRecordings')}>
            {items.map((a) => (
              <RecordingRow key={a.id} api={api} room={a.room_id} asset={a} onDeleted={(id) => { removed(id); setUsedStorage((used) => used === null ? null : Math.max(0, used - a.size)); }}>
                {a.event_id ? (
                  <a href={`/meetings/${a.event_id}`} onClick={(e) => { e.preventDefault(); navigate(`/meetings/${a.event_id}`); }}>
                    {titles[a.event_id] || t('openMeeting')}
                  </a>
                ) : <span className="muted">{t('roomWithoutMeeting')}</span>}
              </RecordingRow>
            ))}
          </ul>
        )}
        {more && <button type="button" className="secondary small" onClick={() => void showMore()}>{t('showMore')}</button>}
      </section>
    </div>
  );
}
