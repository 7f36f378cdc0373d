import { useState } from 'react';
import type { RoomView } from '../room';
import type { Send } from '../signaling-protocol';
import { useText } from '../text';
import { CollabTool } from './Collab';
import { DialOutTool } from './DialOut';
import { StreamsTool } from './Recording';


/** Splits people evenly over `count` rooms, in the given order (round robin). */
export function spread(people: string[], count: number): string[][] {
  const rooms: string[][] = Array.from({ length: Math.max(1, count) }, () => []);
  people.forEach((id, i) => rooms[i % rooms.length].push(id));
  return rooms;
}

/**
 * People per breakout room: those placed by hand go where they were put (-1 stays in the main room), the others are
 * spread evenly over the rooms in order.
 */
export function assignRooms(people: string[], count: number, chosen: Record<string, number>): string[][] {
  const rooms = spread(people.filter((id) => chosen[id] === undefined || chosen[id] >= count), count);
  for (const id of people) if (chosen[id] !== undefined && chosen[id] >= 0 && chosen[id] < count) rooms[chosen[id]].push(id);
  return rooms;
}

/** The moderator's tools: mute all, streams, calling a phone, notes and whiteboard, coffee break, timer, poll, breakout rooms, talking stick, vote, debrief. */
export function ModerationPanel({ room, send, update }: { room: RoomView; send: Send; update: (change: (room: RoomView) => RoomView) => void }) {
  const t = useText();
  const [breakMinutes, setBreakMinutes] = useState(5);
  const [timerMinutes, setTimerMinutes] = useState(3);
  const [timerTitle, setTimerTitle] = useState('');
  const [readyCheck, setReadyCheck] = useState(true);
  const [topic, setTopic] = useState('');
  const [choices, setChoices] = useState('');
  const [live, setLive] = useState(true);
  const [pollMinutes, setPollMinutes] = useState(2);
  const [rooms, setRooms] = useState(2);
  const [breakoutMinutes, setBreakoutMinutes] = useState(10);
  // Room index per person (-1: stays in the main room); people not chosen by hand are spread evenly.
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const [stickSeconds, setStickSeconds] = useState(60);
  const [voteName, setVoteName] = useState('');
  const others = Object.values(room.people).filter((p) => p.id !== room.me).map((p) => p.id);
  const everyone = Object.keys(room.people);

  return (
    <section className="panel moderation" aria-label={t('moderation')}>
      <div className="tool">
        <button type="button" className="secondary" onClick={() => send('moderation', { action: 'mute', force: false })}>{t('muteAll')}</button>
        <button type="button" className="secondary" onClick={() => send('moderation', { action: 'reset_raised_hands' })}>{t('lowerAllHands')}</button>
      </div>

      <StreamsTool room={room} send={send} />

      <DialOutTool room={room} send={send} update={update} />

      <CollabTool room={room} send={send} update={update} />

      <form className="tool" onSubmit={(e) => {
        e.preventDefault();
        send('timer', { action: 'start', kind: 'countdown', style: 'coffee-break', duration: breakMinutes * 60, title: t('coffeeBreak') });
      }}>
        <h3>{t('coffeeBreak')}</h3>
        <label className="compact">{t('minutes')}<input type="number" min={1} max={120} value={breakMinutes} onChange={(e) => setBreakMinutes(Number(e.target.value))} /></label>
        <button type="submit" className="primary">{t('startCoffeeBreak')}</button>
      </form>

      <form className="tool" onSubmit={(e) => {
        e.preventDefault();
        send('timer', { action: 'start', kind: 'countdown', style: 'normal', duration: timerMinutes * 60, title: timerTitle || null, enable_ready_check: readyCheck });
      }}>
        <h3>{t('timer')}</h3>
        <label className="compact">{t('title')}<input value={timerTitle} onChange={(e) => setTimerTitle(e.target.value)} maxLength={100} /></label>
        <label className="compact">{t('minutes')}<input type="number" min={1} max={240} value={timerMinutes} onChange={(e) => setTimerMinutes(Number(e.target.value))} /></label>
        <label className="toggle"><input type="checkbox" checked={readyCheck} onChange={(e) => setReadyCheck(e.target.checked)} />{t('readyCheck')}</label>
        <div className="actions">
          <button type="submit" className="primary">{t('startTimer')}</button>
          {room.timer && <button type="button" className="secondary" onClick={() => send('timer', { action: 'stop', timer_id: room.timer!.id })}>{t('stopTimer')}</button>}
        </div>
      </form>

      <form className="tool" onSubmit={(e) => {
        e.preventDefault();
        const list = choices.split('\n').map((c) => c.trim()).filter(Boolean);
        send('polls', { action: 'start', topic, choices: list, live, multiple_choice: false, duration: pollMinutes * 60 });
        setTopic('');
        setChoices('');
      }}>
        <h3>{t('poll')}</h3>
        <label className="compact">{t('question')}<input value={topic} onChange={(e) => setTopic(e.target.value)} required maxLength={200} /></label>
        <label className="compact">{t('choicesOnePerLine')}<textarea value={choices} onChange={(e) => setChoices(e.target.value)} rows={3} required /></label>
        <label className="compact">{t('minutes')}<input type="number" min={1} max={60} value={pollMinutes} onChange={(e) => setPollMinutes(Number(e.target.value))} /></label>
        <label className="toggle"><input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} />{t('liveResults')}</label>
        <button type="submit" className="primary">{t('startPoll')}</button>
      </form>

      <form className="tool" onSubmit={(e) => {
        e.preventDefault();
        const groups = assignRooms(others, rooms, chosen);
        send('breakout', { action: 'start', duration: breakoutMinutes * 60, rooms: groups.map((assignments, i) => ({ name: t('roomNumber', { n: i + 1 }), assignments })) });
      }}>
        <h3>{t('breakoutRooms')}</h3>
        <label className="compact">{t('rooms')}<input type="number" min={1} max={20} value={rooms} onChange={(e) => setRooms(Number(e.target.value))} /></label>
        {others.length > 0 && (
          <ul className="plain-list assignments">
            {assignRooms(others, rooms, chosen).flatMap((ids, i) => ids.map((id) => [id, i] as const))
              .concat(others.filter((id) => chosen[id] === -1).map((id) => [id, -1] as const))
              .map(([id, index]) => (
                <li key={id}>
                  <label className="compact inline grow">
                    <span className="grow">{room.people[id]?.displayName}</span>
                    <select value={index} onChange={(e) => setChosen({ ...chosen, [id]: Number(e.target.value) })}
                      aria-label={t('roomFor', { name: room.people[id]?.displayName ?? '' })}>
                      <option value={-1}>{t('mainRoom')}</option>
                      {Array.from({ length: rooms }, (_, i) => <option key={i} value={i}>{t('roomNumber', { n: i + 1 })}</option>)}
                    </select>
                  </label>
                </li>
              ))}
          </ul>
        )}
        <label className="compact">{t('minutes')}<input type="number" min={1} max={240} value={breakoutMinutes} onChange={(e) => setBreakoutMinutes(Number(e.target.value))} /></label>
        <div className="actions">
          <button type="submit" className="primary">{t('startBreakout')}</button>
          <button type="button" className="secondary" onClick={() => send('breakout', { action: 'stop' })}>{t('stopBreakout')}</button>
        </div>
      </form>

      <form className="tool" onSubmit={(e) => {
        e.preventDefault();
        send('automod', { action: 'start', selection_strategy: 'random', playlist: everyone, time_limit: stickSeconds, allow_double_selection: false });
      }}>
        <h3>{t('talkingStick')}</h3>
        <label className="compact">{t('secondsEach')}<input type="number" min={10} max={600} value={stickSeconds} onChange={(e) => setStickSeconds(Number(e.target.value))} /></label>
        <div className="actions">
          <button type="submit" className="primary">{t('startTalkingStick')}</button>
          <button type="button" className="secondary" onClick={() => send('automod', { action: 'stop' })}>{t('stop')}</button>
        </div>
      </form>

      <form className="tool" onSubmit={(e) => {
        e.preventDefault();
        send('legal_vote', { action: 'start', name: voteName, kind: 'roll_call', allowed_participants: everyone, enable_abstain: true, auto_close: true, duration: null });
        setVoteName('');
      }}>
        <h3>{t('vote')}</h3>
        <label className="compact">{t('motion')}<input value={voteName} onChange={(e) => setVoteName(e.target.value)} required maxLength={150} /></label>
        <button type="submit" className="primary">{t('startVote')}</button>
      </form>

      <div className="tool">
        <h3>{t('debrief')}</h3>
        <p className="muted">{t('debriefHelp')}</p>
        <button type="button" className="danger" onClick={() => send('moderation', { action: 'debrief', kick_scope: 'guests' })}>{t('debriefGuests')}</button>
      </div>
    </section>
  );
}
