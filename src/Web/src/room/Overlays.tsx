import { useEffect, useRef, useState } from 'react';
import { votedFor, type PollView, type RoomView, type TimerView, type VoteView } from '../room';
import type { Send } from '../signaling-protocol';
import { Icon } from '../Icon';
import { useText } from '../text';


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
        {!poll.done && voted && !poll.live && ` ${t('pollResultsLater')}`}
      </p>
      <div className="actions">
        {moderator && !poll.done && <button type="button" className="secondary small" onClick={() => send('polls', { action: 'finish', id: poll.id })}>{t('closePoll')}</button>}
        {poll.done && <button type="button" className="link" onClick={onClose}>{t('dismiss')}</button>}
      </div>
    </section>
  );
}

/** Who holds the talking stick and for how long; the holder can pass it on. */
export function TalkingStickBar({ room, send }: { room: RoomView; send: Send }) {
  const t = useText();
  const now = useNow();
  const stick = room.talkingStick!;
  const speaker = stick.speaker ? room.people[stick.speaker]?.displayName ?? t('someone') : null;
  return (
    <div className="timer-bar" role="status">
      <Icon name="mic" size={18} />
      {speaker ? t('speaking', { name: stick.speaker === room.me ? t('you') : speaker }) : t('talkingStick')}
      {stick.endsAt && ` · ${clock(Date.parse(stick.endsAt) - now)}`}
      {stick.speaker === room.me && (
        <button type="button" className="primary small" onClick={() => send('automod', { action: 'yield' })}>{t('passStick')}</button>
      )}
    </div>
  );
}

/**
 * Why I cannot vote in a vote: it leaves guests out (I am a guest and none of its voters is), or the moderator chose
 * its voters without me (or I came after it started); null when I may vote.
 */
export function notMyVote(vote: Pick<VoteView, 'allowed'>, room: Pick<RoomView, 'me' | 'myRole' | 'people'>): 'guests' | 'chosen' | null {
  if (room.me === null || vote.allowed.includes(room.me)) return null;
  return room.myRole === 'guest' && !vote.allowed.some((id) => room.people[id]?.role === 'guest') ? 'guests' : 'chosen';
}

/** A formal vote: yes/no/abstain for those allowed to vote, the tally when it is over; the others are told why they cannot vote. */
export function VoteCard({ room, send, moderator, onClose }: { room: RoomView; send: Send; moderator: boolean; onClose: () => void }) {
  const t = useText();
  const vote = room.vote!;
  const excluded = notMyVote(vote, room);
  const allowed = room.me !== null && excluded === null;
  const options: ('yes' | 'no' | 'abstain')[] = vote.enableAbstain ? ['yes', 'no', 'abstain'] : ['yes', 'no'];
  return (
    <section className="poll-card vote-card" aria-labelledby="vote-title">
      <h3 id="vote-title"><Icon name="shield" size={18} /> {vote.name}</h3>
      {!vote.done && allowed && !vote.myVote && (
        <div className="actions">
          {options.map((o) => (
            <button key={o} type="button" className="choice" onClick={() => send('legal_vote', { action: 'vote', legal_vote_id: vote.id, option: o, token: vote.token })}>
              {t(`vote_${o}` as 'vote_yes')}
            </button>
          ))}
        </div>
      )}
      {!vote.done && excluded && <p className="muted">{t(excluded === 'guests' ? 'voteNotForGuests' : 'voteNotChosen')}</p>}
      {vote.myVote && <p role="status">{t('youVoted', { option: t(`vote_${vote.myVote}` as 'vote_yes') })}</p>}
      {vote.results && (
        <p role="status">{t('voteTally', { yes: vote.results.yes, no: vote.results.no, abstain: vote.results.abstain })}</p>
      )}
      <div className="actions">
        {moderator && !vote.done && <button type="button" className="secondary small" onClick={() => send('legal_vote', { action: 'stop', legal_vote_id: vote.id })}>{t('endVote')}</button>}
        {vote.done && <button type="button" className="link" onClick={onClose}>{t('dismiss')}</button>}
      </div>
    </section>
  );
}

/** Open breakout rooms: where I am expected, and (moderators) any room to visit. */
export function BreakoutBanner({ room, moderator, onEnter }: { room: RoomView; moderator: boolean; onEnter: (r: { id: string; name: string }) => void }) {
  const t = useText();
  const breakout = room.breakout!;
  const mine = breakout.rooms.find((r) => r.id === breakout.assignment);
  const choices = moderator ? breakout.rooms : mine ? [mine] : [];
  if (choices.length === 0) return null;
  return (
    <div className="banner" role="status">
      {mine ? t('breakoutAssigned', { name: mine.name }) : t('breakoutOpen')}
      {choices.map((r) => (
        <button key={r.id} type="button" className="primary small" onClick={() => onEnter(r)}>{t('goTo', { name: r.name })}</button>
      ))}
    </div>
  );
}

/** A whisper group: the invitation to answer, or whom I whisper with (and their voices, at full volume). */
export function WhisperBar({ room, mix, send }: { room: RoomView; mix: MediaStream | null; send: Send }) {
  const t = useText();
  const player = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    if (player.current && player.current.srcObject !== mix) player.current.srcObject = mix;
    void player.current?.play().catch(() => undefined);
  });
  const group = room.whisper!;
  const name = (id: string) => room.people[id]?.displayName ?? t('someone');
  if (group.invitedBy && room.me && group.members[room.me] === 'invited') {
    return (
      <div className="banner" role="alert">
        {t('whisperInvite', { name: name(group.invitedBy) })}
        <button type="button" className="primary small" onClick={() => send('subroom_audio', { action: 'accept_whisper_invite', whisper_id: group.id })}>{t('accept')}</button>
        <button type="button" className="secondary small" onClick={() => send('subroom_audio', { action: 'decline_whisper_invite', whisper_id: group.id })}>{t('decline')}</button>
      </div>
    );
  }
  const others = Object.entries(group.members).filter(([id, state]) => id !== room.me && state !== 'invited').map(([id]) => name(id));
  return (
    <div className="banner whisper" role="status">
      <audio ref={player} autoPlay aria-label={t('whisperGroup')} />
      {others.length > 0 ? t('whisperingWith', { names: others.join(', ') }) : t('whisperWaiting')}
      <button type="button" className="secondary small" onClick={() => send('subroom_audio', { action: 'leave_whisper_group', whisper_id: group.id })}>{t('leaveWhisper')}</button>
    </div>
  );
}
