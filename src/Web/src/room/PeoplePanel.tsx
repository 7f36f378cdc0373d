import { useState } from 'react';
import { dialIn } from '../dialIn';
import { presence, type Person, type RoomView } from '../room';
import type { Send } from '../signaling-protocol';
import { Icon } from '../Icon';
import { useText } from '../text';
import { ConfirmDialog } from './Dialog';
import { MenuButton, type MenuItem } from './Menu';

/**
 * Who is here (role, hand, microphone, by phone), how to dial in and, for moderators, who waits. What can be done to
 * each person is in one menu per person; removing and banning ask first.
 */
export function PeoplePanel({ room, send }: { room: RoomView; send: Send }) {
  const t = useText();
  const moderator = room.myRole === 'moderator';
  // Whom a moderator is about to remove or ban, while the dialog asks.
  const [asking, setAsking] = useState<{ person: Person; ban: boolean } | null>(null);
  const actionsFor = (p: Person, phone: boolean): MenuItem[] => {
    if (p.id === room.me) return [];
    const name = p.displayName;
    const items: MenuItem[] = [];
    // A phone cannot take part in a whisper group: it hears only the room.
    if (!phone && !(room.whisper && room.whisper.members[p.id])) {
      items.push({
        label: t('whisperWithNamed', { name }),
        onSelect: () => send('subroom_audio', room.whisper
          ? { action: 'invite_to_whisper_group', whisper_id: room.whisper.id, participant_ids: [p.id] }
          : { action: 'create_whisper_group', participant_ids: [p.id] }),
      });
    }
    if (!moderator) return items;
    items.push(
      { label: t('muteNamed', { name }), onSelect: () => send('moderation', { action: 'mute', targets: [p.id], force: false }) },
      { label: t('toWaitingNamed', { name }), onSelect: () => send('moderation', { action: 'send_to_waiting_room', target: p.id }) },
    );
    // Guests cannot be moderators; the owner's role cannot be taken (the server says so if tried).
    if (p.role === 'user') items.push({ label: t('makeModeratorNamed', { name }), onSelect: () => send('control', { action: 'grant_moderator_role', target: p.id }) });
    if (p.role === 'moderator') items.push({ label: t('revokeModeratorNamed', { name }), onSelect: () => send('control', { action: 'revoke_moderator_role', target: p.id }) });
    items.push(
      { label: t('kickNamed', { name }), danger: true, onSelect: () => setAsking({ person: p, ban: false }) },
      { label: t('banNamed', { name }), danger: true, onSelect: () => setAsking({ person: p, ban: true }) },
    );
    return items;
  };
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
            <MenuButton label={t('moreActionsFor', { name: p.displayName })} items={actionsFor(p, shown.phone)} />
          </li>
        ))}
      </ul>
      {asking && (
        <ConfirmDialog title={t(asking.ban ? 'banQuestion' : 'kickQuestion', { name: asking.person.displayName })}
          text={t(asking.ban ? (asking.person.role === 'guest' ? 'banExplainGuest' : 'banExplain') : 'kickExplain', { name: asking.person.displayName })}
          action={t(asking.ban ? 'ban' : 'kick')} onClose={() => setAsking(null)}
          onConfirm={() => send('moderation', asking.ban ? { action: 'ban', target: asking.person.id } : { action: 'kick', target: asking.person.id })} />
      )}
    </section>
  );
}
