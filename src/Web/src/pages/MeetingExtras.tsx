import { useEffect, useState } from 'react';
import { Api, ApiError } from '../api';
import { dialIn } from '../dialIn';
import type { EventResource, InviteResource, RoomHistory, StreamingTargetResource } from '../protocol';
import type { CallIn } from '../room';
import { useText } from '../text';
import { formatDateTime } from '../when';
import { CopyLink } from './CopyLink';
import { RoomDocuments, RoomRecordings } from './RecordingList';

/** What belongs to a meeting's room: guest link, phone call-in, live-stream targets, past sessions and recordings. */
export function MeetingExtras({ api, meeting }: { api: Api; meeting: EventResource }) {
  const t = useText();
  const room = meeting.room.id;
  const [links, setLinks] = useState<InviteResource[]>([]);
  // Everyone who may read the meeting is given its call-in; only the room's owner may set it up or end it.
  const [callIn, setCallIn] = useState<CallIn | null>(meeting.room.call_in ?? null);
  const [managesCallIn, setManagesCallIn] = useState(meeting.can_edit);
  const [targets, setTargets] = useState<StreamingTargetResource[]>([]);
  const [history, setHistory] = useState<RoomHistory | null>(null);
  const [target, setTarget] = useState({ name: '', streaming_endpoint: '', streaming_key: '', public_url: '' });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.guestLinks(room).then((l) => setLinks(l.filter((x) => x.active)), () => setLinks([]));
    api.streamingTargets(room).then(setTargets, () => setTargets([]));
    api.history(room).then(setHistory, () => setHistory(null));
  }, [api, room]);

  // The meeting's call-in as the node gives it to everyone invited; the owner's own settings confirm it.
  const given = meeting.room.call_in ?? null;
  useEffect(() => {
    setCallIn(given);
    // Without call-in the node has no settings to show (404, as OpenTalk answers): nothing to ask.
    if (!given) return;
    api.sip(room).then((sip) => {
      setManagesCallIn(true);
      setCallIn({ tel: given?.tel ?? '', id: sip.sip_id, password: sip.password });
    }, () => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, room, given?.tel, given?.id, given?.password]);

  const attempt = async (work: () => Promise<void>) => {
    try {
      setError(null);
      await work();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('failed'));
    }
  };
  const linkOf = (code: string) => `${window.location.origin}/invite/${encodeURIComponent(code)}`;

  return (
    <>
      {error && <p role="alert" className="alert">{error}</p>}
      <section className="card" aria-labelledby="guest-title">
        <h2 id="guest-title">{t('guestLink')}</h2>
        <p className="muted">{t('guestLinkHelp')}</p>
        {links.map((l) => <CopyLink key={l.invite_code} url={linkOf(l.invite_code)} label={t('guestLink')} testId="guest-link" />)}
        <button type="button" className="secondary" onClick={() => void attempt(async () => {
          const created = await api.createGuestLink(room);
          setLinks([...links, created]);
        })}>{t('createGuestLink')}</button>
      </section>

      {(callIn || managesCallIn) && <section className="card" aria-labelledby="sip-title">
        <h2 id="sip-title">{t('callIn')}</h2>
        {callIn && <p data-testid="dial-in">{dialIn(callIn, t)}</p>}
        {managesCallIn && (callIn ? (
          <button type="button" className="secondary" onClick={() => void attempt(async () => { await api.disableSip(room); setCallIn(null); })}>{t('disableCallIn')}</button>
        ) : (
          <button type="button" className="secondary" onClick={() => void attempt(async () => {
            const sip = await api.enableSip(room);
            setCallIn({ tel: '', id: sip.sip_id, password: sip.password });
            // The number to dial is part of the meeting, not of the room's settings.
            const tel = (await api.meeting(meeting.id).catch(() => null))?.room.call_in?.tel ?? '';
            setCallIn((current) => current && current.id === sip.sip_id ? { ...current, tel } : current);
          })}>{t('enableCallIn')}</button>
        ))}
      </section>}

      <section className="card" aria-labelledby="stream-title">
        <h2 id="stream-title">{t('streaming')}</h2>
        <ul className="plain-list">
          {targets.map((x) => (
            <li key={x.id}>
              <span>{x.name}</span><span className="muted">{x.streaming_endpoint}</span>
              <button type="button" className="link" aria-label={t('removeNamed', { name: x.name })}
                onClick={() => void attempt(async () => { await api.removeStreamingTarget(room, x.id); setTargets(targets.filter((y) => y.id !== x.id)); })}>{t('remove')}</button>
            </li>
          ))}
        </ul>
        <form className="row" onSubmit={(e) => {
          e.preventDefault();
          void attempt(async () => {
            const created = await api.addStreamingTarget(room, { ...target, public_url: target.public_url || null });
            setTargets([...targets, created]);
            setTarget({ name: '', streaming_endpoint: '', streaming_key: '', public_url: '' });
          });
        }}>
          <label>{t('name')}<input value={target.name} onChange={(e) => setTarget({ ...target, name: e.target.value })} required /></label>
          <label className="grow">{t('rtmpUrl')}<input value={target.streaming_endpoint} placeholder="rtmp://" onChange={(e) => setTarget({ ...target, streaming_endpoint: e.target.value })} required /></label>
          <label>{t('streamKey')}<input value={target.streaming_key} onChange={(e) => setTarget({ ...target, streaming_key: e.target.value })} required /></label>
          <button type="submit" className="secondary align-end">{t('add')}</button>
        </form>
      </section>

      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('pastSessions')}</h2>
        {!history || history.sessions.length === 0 ? <p className="muted">{t('noSessions')}</p> : (
          <ul className="plain-list">
            {history.sessions.map((s) => (
              <li key={s.session_no}>
                <time dateTime={s.started_at}>{formatDateTime(s.started_at, t('locale'))}</time>
                <span className="muted">{t('attendees', { count: s.participants.filter((p) => p.kind !== 'recorder').length })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <RoomRecordings api={api} room={room} owner={meeting.can_edit} />
      <RoomDocuments api={api} room={room} owner={meeting.can_edit} />
    </>
  );
}
