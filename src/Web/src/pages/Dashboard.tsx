import { useEffect, useState } from 'react';
import { Api, ApiError } from '../api';
import type { EventResource, InstanceResource } from '../protocol';
import { navigate } from '../routes';
import { Icon } from '../Icon';
import { useText } from '../text';
import { byNextStart, describeWhen, formatInZone, statusKey } from '../when';
import { CopyLink } from './CopyLink';

/** A meeting started just now, with the guest link to hand on. */
interface Started { meeting: EventResource; link: string }

/** Upcoming meetings (soonest first), invitations to answer, and quick starts with a link to hand on. */
export function Dashboard({ api }: { api: Api }) {
  const t = useText();
  const [meetings, setMeetings] = useState<EventResource[] | null>(null);
  const [pending, setPending] = useState<EventResource[]>([]);
  const [favoritesOnly, setFavoritesOnly] = useState(false);
  // The next dates of recurring meetings, by meeting.
  const [dates, setDates] = useState<Record<string, InstanceResource[]>>({});
  const [started, setStarted] = useState<Started | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () => {
    api.meetings().then((list) => setMeetings(list), (e: Error) => setError(e.message));
    api.pendingInvites().then(setPending, () => setPending([]));
  };
  useEffect(load, [api]);
  useEffect(() => {
    for (const m of (meetings ?? []).filter((x) => x.type === 'recurring').slice(0, 20))
      api.occurrences(m.id, 4).then((list) => setDates((d) => ({ ...d, [m.id]: list })), () => undefined);
  }, [api, meetings]);

  /** Runs a change; a refusal is shown. */
  const attempt = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('failed'));
    }
  };

  // The answer shows at once; the lists catch up when the node's read models have it.
  const answer = (m: EventResource, status: 'accepted' | 'tentative' | 'declined') =>
    attempt(async () => {
      await api.answer(m.id, status);
      setPending((list) => list.filter((x) => x.id !== m.id));
      const answered = { ...m, invite_status: status };
      setMeetings((list) => list && (list.some((x) => x.id === m.id) ? list.map((x) => (x.id === m.id ? answered : x)) : [answered, ...list]));
    });

  const favorite = (m: EventResource) =>
    attempt(async () => {
      await api.favorite(m.id, !m.is_favorite);
      setMeetings((list) => list && list.map((x) => (x.id === m.id ? { ...x, is_favorite: !m.is_favorite } : x)));
    });

  // A quick meeting is ready at once: its guest link is shown for handing on, and it joins the list, so the host can
  // share the link first and go in when ready.
  const startAdhoc = () =>
    attempt(async () => {
      const created = await api.createMeeting({
        title: t('adhocTitle'), description: '', password: null, waiting_room: false, is_time_independent: true,
        starts_at: null, ends_at: null, recurrence_pattern: [], is_adhoc: true,
      });
      setMeetings((list) => [created, ...(list ?? []).filter((x) => x.id !== created.id)]);
      const invite = await api.createGuestLink(created.room.id);
      setStarted({ meeting: created, link: `${window.location.origin}/invite/${encodeURIComponent(invite.invite_code)}` });
    });

  const shown = (meetings ?? []).filter((m) => !favoritesOnly || m.is_favorite).sort(byNextStart);
  const locale = t('locale');

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('meetings')}</h1>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => void startAdhoc()}>{t('startNow')}</button>
          <button type="button" className="primary" onClick={() => navigate('/meetings/new')}>{t('newMeeting')}</button>
        </div>
      </div>
      {error && <p role="alert" className="alert">{error}</p>}

      {started && (
        <section className="card started" aria-labelledby="started-title">
          <div className="card-head">
            <h2 id="started-title">{t('adhocReady')}</h2>
            <button type="button" className="link" onClick={() => setStarted(null)}>{t('dismiss')}</button>
          </div>
          <p className="muted">{t('adhocReadyHelp')}</p>
          <CopyLink url={started.link} label={t('linkToShare')} testId="share-link" />
          <div className="actions">
            <button type="button" className="primary" onClick={() => navigate(`/room/${started.meeting.room.id}`)}
              aria-label={t('joinNamed', { title: started.meeting.title })}>{t('join')}</button>
          </div>
        </section>
      )}

      {pending.length > 0 && (
        <section className="card" aria-labelledby="pending-title">
          <h2 id="pending-title">{t('invitations')}</h2>
          <ul className="meeting-list">
            {[...pending].sort(byNextStart).map((m) => (
              <li key={m.id} className="meeting">
                <div className="meeting-text">
                  <strong className="meeting-title">{m.title}</strong>
                  <span className="muted">{describeWhen(m, t)}</span>
                  {m.description && <p className="meeting-description clipped">{m.description}</p>}
                </div>
                <div className="actions">
                  <button type="button" className="primary" onClick={() => void answer(m, 'accepted')}>{t('accept')}</button>
                  <button type="button" className="secondary" onClick={() => void answer(m, 'tentative')}>{t('tentative')}</button>
                  <button type="button" className="danger" onClick={() => void answer(m, 'declined')}>{t('decline')}</button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="upcoming-title">
        <div className="card-head">
          <h2 id="upcoming-title">{t('upcoming')}</h2>
          <label className="toggle">
            <input type="checkbox" checked={favoritesOnly} onChange={(e) => setFavoritesOnly(e.target.checked)} />
            {t('favoritesOnly')}
          </label>
        </div>
        {meetings === null ? <p>{t('loading')}</p> : shown.length === 0 ? <p className="muted">{t('noMeetings')}</p> : (
          <ul className="meeting-list">
            {shown.map((m) => (
              <li key={m.id} className="meeting">
                <button
                  type="button"
                  className={`star${m.is_favorite ? ' on' : ''}`}
                  aria-pressed={m.is_favorite}
                  aria-label={t(m.is_favorite ? 'unfavorite' : 'favorite', { title: m.title })}
                  onClick={() => void favorite(m)}
                ><Icon name="star" /></button>
                <div className="meeting-text">
                  <strong className="meeting-title">{m.title}</strong>
                  <span className="muted">
                    {describeWhen(m, t)}
                    {m.type === 'recurring' && <span className="badge">{t('recurring')}</span>}
                    {m.invite_status && <span className="badge">{t(statusKey[m.invite_status])}</span>}
                  </span>
                  {m.description && <p className="meeting-description clipped">{m.description}</p>}
                  {(dates[m.id]?.length ?? 0) > 1 && (
                    <span className="muted small-text">
                      {t('thenOn')} {dates[m.id].slice(1).map((o) => `${formatInZone(o.starts_at, locale)}${o.status === 'cancelled' ? ` (${t('cancelled')})` : ''}`).join(' · ')}
                    </span>
                  )}
                </div>
                <div className="actions">
                  <button type="button" className="secondary" onClick={() => navigate(`/meetings/${m.id}`)} aria-label={t('editNamed', { title: m.title })}>{t('edit')}</button>
                  <button type="button" className="primary" onClick={() => navigate(`/room/${m.room.id}`)} aria-label={t('joinNamed', { title: m.title })}>{t('join')}</button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
