import { dialIn } from '../dialIn';
import { presence, type RoomView } from '../room';
import type { Send } from '../signaling-protocol';
import { Icon } from '../Icon';
import { useText } from '../text';

/** Who is here (role, hand, microphone, by phone), how to dial in and, for moderators, who waits and what can be done to each person. */
export function PeoplePanel({ room, send }: { room: RoomView; send: Send }) {
  const t = useText();
  const moderator = room.myRole === 'moderator';
  const people = Object.values(room.people).sort((a, b) =>
    Number(b.handUp) - Number(a.handUp) || a.displayName.localeCompare(b.displayName));
  return (
    <section className="panel people" aria-label={t('participants')}>
      {moderator && (
        <div className="waiting" aria-label={t('waitingRoom')} role="region">
          <h3>{t('waitingRoom')} ({room.waiting.length})</h3>
          {room.waiting.length === 0 ? <p className="muted">{t('nobodyWaiting')}</p> : (
            <>
              <ul className="plain-list">
                {room.waiting.map((w) => (
                  <li key={w.id}>
                    <span>{w.displayName}</span>
                    <button type="button" className="primary small" aria-label={t('admitNamed', { name: w.displayName })}
                      onClick={() => send('moderation', { action: 'accept', target: w.id })}>{t('admit')}</button>
                  </li>
                ))}
              </ul>
              <button type="button" className="secondary small" onClick={() => send('moderation', { action: 'accept_all' })}>{t('admitAll')}</button>
            </>
          )}
        </div>
      )}
      <h3>{t('participants')} ({people.length})</h3>
      {room.callIn && <p className="muted small-text dial-in"><Icon name="phone" size={14} /> {dialIn(room.callIn, t)}</p>}
      <ul className="plain-list person-list">
        {people.map((p) => ({ p, shown: presence(p) })).map(({ p, shown }) => (
          <li key={p.id} data-phone={shown.phone || undefined}>
            <span className="person-name">
              {shown.handUp && <span role="img" aria-label={t('handRaised')} title={t('handRaised')}><Icon name="hand" size={16} /> </span>}
              {shown.phone && <span role="img" aria-label={t('byPhone')} title={t('byPhone')}><Icon name="phone" size={16} /> </span>}
              {p.displayName}{p.id === room.me ? ` (${t('you')})` : ''}
            </span>
            <span className="badge">{t(`role_${p.role}` as 'role_guest')}</span>
            {shown.muted && <span role="img" aria-label={t('micMuted')} title={t('micMuted')}><Icon name="micOff" size={16} /></span>}
            {!p.connected && <span className="badge warn">{t('reconnecting')}</span>}
            {/* A phone cannot take part in a whisper group: it hears only the room. */}
            {p.id !== room.me && !shown.phone && !(room.whisper && room.whisper.members[p.id]) && (
              <button type="button" className="link" aria-label={t('whisperWithNamed', { name: p.displayName })}
                onClick={() => send('subroom_audio', room.whisper
                  ? { action: 'invite_to_whisper_group', whisper_id: room.whisper.id, participant_ids: [p.id] }
                  : { action: 'create_whisper_group', participant_ids: [p.id] })}>{t('whisper')}</button>
            )}
            {moderator && p.id !== room.me && (
              <span className="person-actions">
                <button type="button" className="link" aria-label={t('muteNamed', { name: p.displayName })}
                  onClick={() => send('moderation', { action: 'mute', targets: [p.id], force: false })}>{t('mute')}</button>
                <button type="button" className="link" aria-label={t('toWaitingNamed', { name: p.displayName })}
                  onClick={() => send('moderation', { action: 'send_to_waiting_room', target: p.id })}>{t('toWaiting')}</button>
                <button type="button" className="link danger" aria-label={t('kickNamed', { name: p.displayName })}
                  onClick={() => send('moderation', { action: 'kick', target: p.id })}>{t('kick')}</button>
                <button type="button" className="link danger" aria-label={t('banNamed', { name: p.displayName })}
                  onClick={() => { if (window.confirm(t('banConfirm', { name: p.displayName }))) send('moderation', { action: 'ban', target: p.id }); }}>{t('ban')}</button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
