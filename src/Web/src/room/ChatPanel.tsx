import { pageLanguage } from '../errors';
import { formatTime } from '../when';
import { useEffect, useRef, useState } from 'react';
import { conversationOf, markRead, unread, type RoomView } from '../room';
import type { Send } from '../signaling-protocol';
import { useText } from '../text';

/** The conversations visible to me: everyone, each private chat I had, each group that wrote. */
export function conversations(room: RoomView): string[] {
  const found = new Set<string>(['global']);
  for (const m of room.messages) found.add(conversationOf(m, room.me));
  return [...found];
}

export function ChatPanel({ room, groups, send, update }: {
  room: RoomView;
  /** My groups (from the sign-in token): each is a conversation with the other members. */
  groups: string[];
  send: Send;
  update: (change: (room: RoomView) => RoomView) => void;
}) {
  const t = useText();
  const [conversation, setConversation] = useState('global');
  const [draft, setDraft] = useState('');
  const list = useRef<HTMLOListElement>(null);
  const name = (id: string) => room.people[id]?.displayName ?? t('someone');
  const titleOf = (c: string) =>
    c === 'global' ? t('everyone') : c.startsWith('private:') ? name(c.slice(8)) : c.slice(6);
  const shown = room.messages.filter((m) => conversationOf(m, room.me) === conversation);
  const newest = shown.at(-1)?.timestamp;

  // Reading a conversation marks it read, here and on the server (so the marker survives a reconnect).
  useEffect(() => {
    if (!newest) return;
    update((r) => markRead(r, conversation));
    // A conversation is 'global', 'private:<id>' or 'group:<name>'.
    const [scope, target] = (conversation.includes(':') ? conversation.split(/:(.*)/) : ['global', undefined]) as ['global' | 'private' | 'group', string | undefined];
    send('chat', { action: 'set_last_seen_timestamp', scope, target, timestamp: newest });
    list.current?.lastElementChild?.scrollIntoView({ block: 'end' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [conversation, newest]);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const content = draft.trim();
    if (!content) return;
    if (conversation === 'global') send('chat', { action: 'send_message', content, scope: 'global' });
    else if (conversation.startsWith('private:')) send('chat', { action: 'send_message', content, scope: 'private', target: conversation.slice(8) });
    else send('chat', { action: 'send_message', content, scope: 'group', target: conversation.slice(6) });
    setDraft('');
  }

  const others = Object.values(room.people).filter((p) => p.id !== room.me);
  const all = [...new Set([...conversations(room), ...groups.map((g) => `group:${g}`), ...others.map((p) => `private:${p.id}`)])];

  return (
    <section className="panel chat" aria-label={t('chat')}>
      <label className="compact">
        {t('conversation')}
        <select value={conversation} onChange={(e) => setConversation(e.target.value)}>
          {all.map((c) => {
            const count = c === conversation ? 0 : unread(room, c);
            return <option key={c} value={c}>{titleOf(c)}{count > 0 ? ` (${count})` : ''}</option>;
          })}
        </select>
      </label>
      <ol className="messages" ref={list} aria-live="polite">
        {shown.map((m) => (
          <li key={m.id} className={m.source === room.me ? 'mine' : ''}>
            <span className="who">{m.source === room.me ? t('you') : name(m.source)}</span>
            <span className="when">{formatTime(m.timestamp, pageLanguage())}</span>
            <p>{m.content}</p>
          </li>
        ))}
      </ol>
      {room.chatEnabled ? (
        <form className="composer" onSubmit={submit}>
          <input value={draft} onChange={(e) => setDraft(e.target.value)} aria-label={t('messageTo', { name: titleOf(conversation) })}
            placeholder={t('typeMessage')} maxLength={4000} />
          <button type="submit" className="primary">{t('send')}</button>
        </form>
      ) : <p className="muted">{t('chatDisabled')}</p>}
    </section>
  );
}
