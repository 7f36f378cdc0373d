import { useEffect, useState } from 'react';
import { Api, ApiError } from '../api';
import type { EventInvite, EventRequest, EventResource } from '../protocol';
import { navigate } from '../routes';
import { useText } from '../text';
import { fromInput, nextQuarter, recurrenceChoice, recurrenceRules, statusKey, toInput } from '../when';
import { MeetingExtras } from './MeetingExtras';

const zones = (): string[] => {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const all = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return all.includes(own) ? all : [own, ...all];
};

/** Create (no id) or edit a meeting: times, recurrence, access; then invitations and the room's extras. */
export function MeetingEditor({ api, id }: { api: Api; id: string | null }) {
  const t = useText();
  const [meeting, setMeeting] = useState<EventResource | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [anyTime, setAnyTime] = useState(false);
  const [starts, setStarts] = useState(nextQuarter(new Date()));
  const [ends, setEnds] = useState(nextQuarter(new Date(), 60));
  const [zone, setZone] = useState(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [recurrence, setRecurrence] = useState('none');
  const [password, setPassword] = useState('');
  const [waitingRoom, setWaitingRoom] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!id) return;
    api.meeting(id).then((m) => {
      setMeeting(m);
      setTitle(m.title);
      setDescription(m.description);
      setAnyTime(m.is_time_independent);
      if (m.starts_at) { setStarts(toInput(m.starts_at)); setZone(m.starts_at.timezone); }
      if (m.ends_at) setEnds(toInput(m.ends_at));
      setRecurrence(recurrenceChoice(m.recurrence_pattern ?? []));
      setWaitingRoom(m.room.waiting_room);
    }, (e: Error) => setError(e.message));
  }, [api, id]);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const request: EventRequest = {
      title, description, password: password || null, waiting_room: waitingRoom, is_time_independent: anyTime,
      starts_at: anyTime ? null : { datetime: fromInput(starts), timezone: zone },
      ends_at: anyTime ? null : { datetime: fromInput(ends), timezone: zone },
      recurrence_pattern: recurrence === 'custom' ? meeting?.recurrence_pattern ?? [] : recurrenceRules[recurrence],
      is_adhoc: false,
    };
    try {
      setErrors({});
      const result = id ? await api.updateMeeting(id, request) : await api.createMeeting(request);
      setMeeting(result);
      setSaved(true);
      if (!id) navigate(`/meetings/${result.id}`);
    } catch (e) {
      if (e instanceof ApiError) {
        setErrors(e.problem.validation_errors ?? {});
        setError(e.message);
      } else setError(t('failed'));
    }
  }

  const fieldError = (name: string) =>
    errors[name] ? <span className="field-error" id={`${name}-error`}>{errors[name].join(' ')}</span> : null;

  return (
    <div className="page narrow">
      <div className="page-head">
        <h1>{id ? t('editMeeting') : t('newMeeting')}</h1>
        <button type="button" className="secondary" onClick={() => navigate('/')}>{t('back')}</button>
      </div>
      {meeting?.description && (
        <section className="card meeting-about" aria-label={t('aboutMeeting')}>
          <strong className="meeting-title">{meeting.title}</strong>
          <p className="meeting-description" data-testid="meeting-description">{meeting.description}</p>
        </section>
      )}
      {error && <p role="alert" className="alert">{error}</p>}
      {saved && <p role="status" className="notice">{t('saved')}</p>}
      <form className="card form" onSubmit={save} aria-label={t('meetingDetails')}>
        <label>
          {t('title')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={255} aria-invalid={!!errors.title} />
          {fieldError('title')}
        </label>
        <label>
          {t('description')}
          <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={4096} />
        </label>
        <label className="toggle">
          <input type="checkbox" checked={anyTime} onChange={(e) => setAnyTime(e.target.checked)} />
          {t('timeIndependent')}
        </label>
        {!anyTime && (
          <div className="row">
            <label>
              {t('starts')}
              <input type="datetime-local" value={starts} onChange={(e) => setStarts(e.target.value)} required />
              {fieldError('starts_at')}
            </label>
            <label>
              {t('ends')}
              <input type="datetime-local" value={ends} onChange={(e) => setEnds(e.target.value)} required />
              {fieldError('ends_at')}
            </label>
            <label>
              {t('timezone')}
              <select value={zone} onChange={(e) => setZone(e.target.value)}>
                {zones().map((z) => <option key={z} value={z}>{z}</option>)}
              </select>
            </label>
          </div>
        )}
        {!anyTime && (
          <label>
            {t('repeats')}
            <select value={recurrence} onChange={(e) => setRecurrence(e.target.value)}>
              {Object.keys(recurrenceRules).map((name) => <option key={name} value={name}>{t(`repeat_${name}` as 'repeat_none')}</option>)}
              {recurrence === 'custom' && <option value="custom">{meeting?.recurrence_pattern?.join(' ')}</option>}
            </select>
            {fieldError('recurrence_pattern')}
          </label>
        )}
        <div className="row">
          <label>
            {t('password')}
            <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password"
              placeholder={id ? t('passwordUnchanged') : ''} />
          </label>
          <label className="toggle">
            <input type="checkbox" checked={waitingRoom} onChange={(e) => setWaitingRoom(e.target.checked)} />
            {t('waitingRoom')}
          </label>
        </div>
        <div className="actions">
          <button type="submit" className="primary">{id ? t('save') : t('create')}</button>
          {meeting && <button type="button" className="secondary" onClick={() => navigate(`/room/${meeting.room.id}`)}>{t('join')}</button>}
        </div>
      </form>

      {meeting && <Invitations api={api} meeting={meeting} onChange={setMeeting} />}
      {meeting && <MeetingExtras api={api} meeting={meeting} />}
      {meeting && (
        <div className="actions end">
          <button type="button" className="danger" onClick={() => {
            if (window.confirm(t('deleteConfirm'))) void api.deleteMeeting(meeting.id).then(() => navigate('/'), (e: Error) => setError(e.message));
          }}>{t('deleteMeeting')}</button>
        </div>
      )}
    </div>
  );
}

/** Invite people by e-mail with a role; see their answers. */
function Invitations({ api, meeting, onChange }: { api: Api; meeting: EventResource; onChange: (m: EventResource) => void }) {
  const t = useText();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<EventInvite['profile']['role']>('guest');
  const [error, setError] = useState<string | null>(null);

  const refresh = async () => onChange(await api.meeting(meeting.id));
  async function invite(event: React.FormEvent) {
    event.preventDefault();
    try {
      setError(null);
      await api.invite(meeting.id, { invitee: null, email, role });
      setEmail('');
      await refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('failed'));
    }
  }

  return (
    <section className="card" aria-labelledby="invites-title">
      <h2 id="invites-title">{t('invitees')}</h2>
      {error && <p role="alert" className="alert">{error}</p>}
      <form className="row" onSubmit={invite}>
        <label className="grow">
          {t('email')}
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </label>
        <label>
          {t('role')}
          <select value={role} onChange={(e) => setRole(e.target.value as EventInvite['profile']['role'])}>
            <option value="guest">{t('role_guest')}</option>
            <option value="user">{t('role_user')}</option>
            <option value="moderator">{t('role_moderator')}</option>
          </select>
        </label>
        <button type="submit" className="primary align-end">{t('invite')}</button>
      </form>
      {meeting.invitees.length === 0 ? <p className="muted">{t('noInvitees')}</p> : (
        <ul className="plain-list">
          {meeting.invitees.map((i) => (
            <li key={i.profile.id ?? i.profile.email}>
              <span>{i.profile.kind === 'email' ? i.profile.email : i.profile.display_name || i.profile.email || i.profile.id}</span>
              <span className="badge">{t(`role_${i.profile.role}` as 'role_guest')}</span>
              <span className="badge">{t(statusKey[i.status])}</span>
              <button type="button" className="link" aria-label={t('removeInvitee', { name: i.profile.kind === 'email' ? i.profile.email : i.profile.display_name ?? i.profile.id ?? '' })}
                onClick={() => void (i.profile.kind === 'email' ? api.uninviteEmail(meeting.id, i.profile.email) : api.uninviteUser(meeting.id, i.profile.id!)).then(refresh)}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
