import { useState } from 'react';
import { Api, ApiError } from '../api';
import type { AuditRoomState, ClusterMember } from '../protocol';
import type { Translate } from '../text';
import { useText } from '../text';
import { formatDateTime } from '../when';

export type Notice = { kind: 'ok' | 'error'; text: string } | null;

/** "3 d 4 h", "2 h 5 min", "4 min 12 s", "9 s": how long a node has run, to the unit that matters. */
export function formatDuration(totalSeconds: number, t: Translate): string {
  const s = Math.floor(totalSeconds);
  const [days, hours, minutes, seconds] = [Math.floor(s / 86400), Math.floor(s / 3600) % 24, Math.floor(s / 60) % 60, s % 60];
  if (days > 0) return t('durationDays', { days, hours });
  if (hours > 0) return t('durationHours', { hours, minutes });
  if (minutes > 0) return t('durationMinutes', { minutes, seconds });
  return t('durationSeconds', { seconds });
}

/** What went wrong with an administrator's action, in words: never a bare status or code. */
export function adminProblem(e: unknown, t: Translate, participant = false): string {
  if (e instanceof ApiError) {
    if (e.problem.status === 404) return t(participant ? 'adminNoSuchParticipant' : 'adminNoSuchMeeting');
    if (e.problem.status === 403) return t('adminsOnly');
    if (e.problem.status === 503 || e.problem.status === 504) return t('adminTryAgain');
    return t('adminActionFailed', { reason: e.message });
  }
  return t('adminTryAgain');
}

/**
 * One node in detail: since when it runs, its shard regions, the projections' lag as it reads it, its meetings (each
 * can be ended, and its participants removed one by one, both asked first) and its newest errors.
 */
export function AdminNode({ api, member, onChanged }: { api: Api; member: ClusterMember; onChanged: () => void }) {
  const t = useText();
  const locale = t('locale');
  const titleId = `node-${member.address.replace(/[^a-zA-Z0-9]/g, '-')}`;
  const [open, setOpen] = useState<string | null>(null);
  const [people, setPeople] = useState<AuditRoomState['participants'] | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const done = (next: Notice) => {
    setNotice(next);
    if (next?.kind === 'ok') onChanged();
  };

  const showPeople = async (room: string) => {
    if (open === room) { setOpen(null); return; }
    setOpen(room);
    setPeople(null);
    try {
      setPeople((await api.auditState(room)).participants.filter((p) => p.in_room));
    } catch (e) {
      setNotice({ kind: 'error', text: adminProblem(e, t) });
    }
  };

  const endMeeting = async (room: string) => {
    if (!window.confirm(t('endMeetingQuestion', { room }))) return;
    try {
      await api.endMeeting(room);
      if (open === room) setOpen(null);
      done({ kind: 'ok', text: t('meetingEndedNotice', { room }) });
    } catch (e) {
      done({ kind: 'error', text: adminProblem(e, t) });
    }
  };

  const remove = async (room: string, id: string, name: string) => {
    if (!window.confirm(t('removeParticipantQuestion', { name, room }))) return;
    try {
      await api.removeParticipant(room, id);
      setPeople((list) => list?.filter((p) => p.id !== id) ?? null);
      done({ kind: 'ok', text: t('participantRemovedNotice', { name }) });
    } catch (e) {
      done({ kind: 'error', text: adminProblem(e, t, true) });
    }
  };

  return (
    <section className="card" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('nodeTitle', { address: member.address })}</h3>
      {member.started_at && member.uptime_seconds != null && (
        <p>{t('runningSince', { when: formatDateTime(member.started_at, locale), duration: formatDuration(member.uptime_seconds, t) })}</p>
      )}
      <h4>{t('shardRegions')}</h4>
      <div className="table-scroll">
        <table aria-label={t('shardRegions')}>
          <thead><tr><th scope="col">{t('shardRegion')}</th><th scope="col">{t('shards')}</th><th scope="col">{t('entities')}</th></tr></thead>
          <tbody>
            {(member.shard_regions ?? []).map((r) => (
              <tr key={r.region}><td>{r.region}</td><td>{r.shards}</td><td>{r.entities}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4>{t('projectionLag')}</h4>
      <div className="table-scroll">
        <table aria-label={t('projectionLag')}>
          <thead><tr><th scope="col">{t('projection')}</th><th scope="col">{t('eventsBehind')}</th><th scope="col">{t('secondsBehind')}</th></tr></thead>
          <tbody>
            {(member.projections ?? []).map((p) => (
              <tr key={p.name}><td>{p.name}</td><td>{p.events_behind}</td><td>{Math.round(p.seconds_behind)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4>{t('nodeMeetings')}</h4>
      {(member.meeting_ids ?? []).length === 0 ? <p className="muted">{t('noNodeMeetings')}</p> : (
        <ul className="plain-list">
          {(member.meeting_ids ?? []).map((room) => (
            <li key={room}>
              <span>{t('meetingInRoom', { room })}</span>{' '}
              <button type="button" className="secondary small" aria-expanded={open === room} aria-label={t('showParticipantsOf', { room })}
                onClick={() => void showPeople(room)}>{t('showParticipants')}</button>{' '}
              <button type="button" className="danger small" aria-label={t('endMeetingFor', { room })}
                onClick={() => void endMeeting(room)}>{t('endMeeting')}</button>
              {open === room && (!people ? <p>{t('loading')}</p> : people.length === 0 ? <p className="muted">{t('noOneInMeeting')}</p> : (
                <ul className="plain-list" aria-label={t('showParticipants')}>
                  {people.map((p) => (
                    <li key={p.id}>
                      <span>{p.display_name}</span>{' '}
                      <button type="button" className="secondary small" aria-label={t('removeParticipantFor', { name: p.display_name })}
                        onClick={() => void remove(room, p.id, p.display_name)}>{t('remove')}</button>
                    </li>
                  ))}
                </ul>
              ))}
            </li>
          ))}
        </ul>
      )}
      {notice && <p role={notice.kind === 'ok' ? 'status' : 'alert'} className={notice.kind === 'ok' ? 'notice' : 'alert'}>{notice.text}</p>}
      <h4>{t('lastErrors')}</h4>
      {(member.last_errors ?? []).length === 0 ? <p className="muted">{t('noLastErrors')}</p> : (
        <div className="table-scroll">
          <table aria-label={t('lastErrors')}>
            <thead><tr><th scope="col">{t('when')}</th><th scope="col">{t('errorCategory')}</th><th scope="col">{t('errorMessage')}</th></tr></thead>
            <tbody>
              {(member.last_errors ?? []).map((e, i) => (
                <tr key={`${e.at}-${i}`}>
                  <td><time dateTime={e.at}>{formatDateTime(e.at, locale)}</time></td>
                  <td>{e.category}</td>
                  <td>{e.message}{e.exception ? ` (${e.exception})` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
