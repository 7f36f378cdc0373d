import { useEffect, useState } from 'react';
import { votedFor, type PollView, type RoomView, type TimerView } from '../room';
import type { Payload } from '../signaling';
import { Icon } from '../Icon';
import { useText } from '../text';

type Send = (namespace: string, payload: Payload) => void;

/** "04:59" from milliseconds left. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(total / 3600);
  return `${hours > 0 ? `${hours}:` : ''}${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(id);
  }, []);
  return now;
}

/** Full-screen coffee break with a countdown; anyone may go back to the room early. */
export function CoffeeBreak({ timer, moderator, send }: { timer: TimerView; moderator: boolean; send: Send }) {
  const t = useText();
  const now = useNow();
  const [back, setBack] = useState(false);
  if (back) {
    return (
      <div className="break-bar" role="status">
        <Icon name="coffee" size={18} /> {t('coffeeBreak')} · {timer.endsAt ? clock(Date.parse(timer.endsAt) - now) : ''}
        <button type="button" className="link" onClick={() => setBack(false)}>{t('showBreak')}</button>
      </div>
    );
  }
  return (
    <div className="overlay coffee" role="dialog" aria-modal="true" aria-labelledby="break-title">
      <div className="overlay-card">
        <div className="cup"><Icon name="coffee" size={72} /></div>
        <h2 id="break-title">{t('coffeeBreak')}</h2>
        <p className="countdown" aria-live="off">{timer.endsAt ? clock(Date.parse(timer.endsAt) - now) : ''}</p>
        <div className="actions center">
          <button type="button" className="primary" onClick={() => setBack(true)} autoFocus>{t('backToRoom')}</button>
          {moderator && <button type="button" className="secondary" onClick={() => send('timer', { action: 'stop', timer_id: timer.id })}>{t('endBreak')}</button>}
        </div>
      </div>
    </div>
  );
}

/** A normal timer: time left (or elapsed) and, with a ready check, the "I'm ready" switch. */
export function TimerBar({ timer, me, send }: { timer: TimerView; me: string | null; send: Send }) {
  const t = useText();
  const now = useNow();
  const ready = me ? timer.ready[me] === true : false;
  const value = timer.endsAt ? clock(Date.parse(timer.endsAt) - now) : clock(now - Date.parse(timer.startedAt));
  return (
    <div className="timer-bar" role="timer" aria-label={timer.title ?? t('timer')}>
      <Icon name="timer" size={18} /> {timer.title ?? t('timer')} · {value}
      {timer.readyCheck && (
        <button type="button" className={ready ? 'primary small' : 'secondary small'} aria-pressed={ready}
          onClick={() => send('timer', { action: 'update_ready_status', timer_id: timer.id, status: !ready })}>
          {ready ? t('ready') : t('markReady')}
        </button>
      )}
    </div>
  );
}

/** The running (or last) poll: choices to vote for, and results when live or finished. */
export function PollCard({ poll, room, send, update, moderator, onClose }: {
  poll: PollView;
  room: RoomView;
  send: Send;
  update: (change: (room: RoomView) => RoomView) => void;
  moderator: boolean;
  onClose: () => void;
}) {
  const t = useText();
  const total = Object.values(poll.results ?? {}).reduce((a, b) => a + b, 0);
  const voted = poll.myChoices.length > 0;
  return (
    <section className="poll-card" aria-labelledby="poll-title" data-room={room.me ?? ''}>
      <h3 id="poll-title"><Icon name="poll" size={18} /> {poll.topic}</h3>
      <ul className="choices">
        {poll.choices.map((c) => {
          const count = poll.results?.[c.id] ?? 0;
          const share = total > 0 ? Math.round((count / total) * 100) : 0;
          return (
            <li key={c.id}>
              {!poll.done && !voted ? (
                <button type="button" className="choice" onClick={() => {
                  send('polls', { action: 'vote', poll_id: poll.id, choice_id: c.id });
                  update((r) => votedFor(r, [c.id]));
                }}>{c.content}</button>
              ) : (
                <span className={`choice-result${poll.myChoices.includes(c.id) ? ' mine' : ''}`}>{c.content}</span>
              )}
              {poll.results && (
                <span className="result" aria-label={t('votesFor', { count, choice: c.content })}>
                  <span className="bar" style={{ width: `${share}%` }} /> {count}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <p className="muted" role="status">
        {poll.done ? t('pollClosed', { count: total }) : voted ? t('thanksForVoting') : t('pollOpen')}
      </p>
      <div className="actions">
        {moderator && !poll.done && <button type="button" className="secondary small" onClick={() => send('polls', { action: 'finish', id: poll.id })}>{t('closePoll')}</button>}
        {poll.done && <button type="button" className="link" onClick={onClose}>{t('dismiss')}</button>}
      </div>
    </section>
  );
}
