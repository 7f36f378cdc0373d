import { useState, type FormEvent, type ReactNode } from 'react';
import type { RoomView } from '../room';
import type { Send } from '../signaling-protocol';
import { useText } from '../text';
import { CollabTool } from './Collab';
import { Dialog } from './Dialog';
import { DialOutTool } from './DialOut';
import { StreamsTool } from './Recording';

type Update = (change: (room: RoomView) => RoomView) => void;
/** What a tool's dialog gets: the room, a way to send, and `done` to close the dialog once the action is sent. */
type ToolProps = { room: RoomView; send: Send; done: () => void };


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

/** Who may vote: everyone here, or everyone but the guests. */
export function voters(room: Pick<RoomView, 'people'>, guests: boolean): string[] {
  return Object.values(room.people).filter((p) => guests || p.role !== 'guest').map((p) => p.id);
}

type ToolId = 'coffee' | 'timer' | 'poll' | 'breakout' | 'stick' | 'vote' | 'call' | 'streams' | 'collab' | 'debrief';

/**
 * The moderator's tools: two quick actions (mute everyone, lower all hands) and a list of tools, each opening its own
 * dialog (coffee break, timer, poll, breakout rooms, talking stick, vote, calling a phone, streams, notes and
 * whiteboard, debrief); a dialog closes once its action is sent.
 */
export function ModerationPanel({ room, send, update }: { room: RoomView; send: Send; update: Update }) {
  const t = useText();
  const [open, setOpen] = useState<ToolId | null>(null);
  const done = () => setOpen(null);
  const running = t('running');
  const tools: { id: ToolId; title: string; state?: string | false }[] = [
    { id: 'coffee', title: t('coffeeBreak'), state: room.timer?.style === 'coffee-break' && running },
    { id: 'timer', title: t('timer'), state: room.timer?.style === 'normal' && running },
    { id: 'poll', title: t('poll'), state: room.poll !== null && !room.poll.done && running },
    { id: 'breakout', title: t('breakoutRooms'), state: room.breakout !== null && running },
    { id: 'stick', title: t('talkingStick'), state: room.talkingStick !== null && running },
    { id: 'vote', title: t('vote'), state: room.vote !== null && !room.vote.done && running },
    { id: 'call', title: t('callAPhone') },
    // Only a room with something to record or stream has these.
    ...(Object.keys(room.streams).length > 0 ? [{ id: 'streams' as const, title: t('recordingAndStreams') }] : []),
    { id: 'collab', title: t('notesAndWhiteboard') },
    { id: 'debrief', title: t('debrief') },
  ];
  const props = { room, send, done };
  const bodies: Record<ToolId, () => ReactNode> = {
    coffee: () => <CoffeeBreakTool {...props} />,
    timer: () => <TimerTool {...props} />,
    poll: () => <PollTool {...props} />,
    breakout: () => <BreakoutTool {...props} />,
    stick: () => <TalkingStickTool {...props} />,
    vote: () => <VoteTool {...props} />,
    call: () => <DialOutTool room={room} send={send} update={update} />,
    streams: () => <StreamsTool room={room} send={send} />,
    collab: () => <CollabTool room={room} send={send} update={update} onDone={done} />,
    debrief: () => (
      <div className="tool">
        <p>{t('debriefHelp')}</p>
        <div className="actions end">
          <button type="button" className="secondary" onClick={done}>{t('cancel')}</button>
          <button type="button" className="danger" onClick={() => { send('moderation', { action: 'debrief', kick_scope: 'guests' }); done(); }}>{t('debriefGuests')}</button>
        </div>
      </div>
    ),
  };
  const current = tools.find((x) => x.id === open);

  return (
    <section className="panel moderation" aria-label={t('moderation')}>
      <div className="tool">
        <button type="button" className="secondary" onClick={() => send('moderation', { action: 'mute', force: false })}>{t('muteAll')}</button>
        <button type="button" className="secondary" onClick={() => send('moderation', { action: 'reset_raised_hands' })}>{t('lowerAllHands')}</button>
      </div>
      <ul className="tool-list" aria-label={t('moderationTools')}>
        {tools.map((x) => (
          <li key={x.id}>
            <button type="button" className="secondary" aria-haspopup="dialog" onClick={() => setOpen(x.id)}>{x.title}…</button>
            {x.state && <span className="badge">{x.state}</span>}
          </li>
        ))}
      </ul>
      {current && <Dialog title={current.title} onClose={done} className={`tool-dialog ${current.id}`}>{bodies[current.id]()}</Dialog>}
    </section>
  );
}

/** A tool's form: sends on submit, then closes its dialog. */
function ToolForm({ onSend, done, children }: { onSend: () => void; done: () => void; children: ReactNode }) {
  return (
    <form className="tool" onSubmit={(e: FormEvent) => {
      e.preventDefault();
      onSend();
      done();
    }}>{children}</form>
  );
}

function CoffeeBreakTool({ send, done }: ToolProps) {
  const t = useText();
  const [minutes, setMinutes] = useState(5);
  return (
    <ToolForm done={done} onSend={() => send('timer', { action: 'start', kind: 'countdown', style: 'coffee-break', duration: minutes * 60, title: t('coffeeBreak') })}>
      <label className="compact">{t('minutes')}<input type="number" min={1} max={120} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} /></label>
      <div className="actions end"><button type="submit" className="primary">{t('startCoffeeBreak')}</button></div>
    </ToolForm>
  );
}

function TimerTool({ room, send, done }: ToolProps) {
  const t = useText();
  const [minutes, setMinutes] = useState(3);
  const [title, setTitle] = useState('');
  const [readyCheck, setReadyCheck] = useState(true);
  const timer = room.timer?.style === 'normal' ? room.timer : null;
  return (
    <ToolForm done={done} onSend={() => send('timer', { action: 'start', kind: 'countdown', style: 'normal', duration: minutes * 60, title: title || null, enable_ready_check: readyCheck })}>
      <label className="compact">{t('title')}<input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={100} /></label>
      <label className="compact">{t('minutes')}<input type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} /></label>
      <label className="toggle"><input type="checkbox" checked={readyCheck} onChange={(e) => setReadyCheck(e.target.checked)} />{t('readyCheck')}</label>
      <div className="actions end">
        {timer && <button type="button" className="secondary" onClick={() => { send('timer', { action: 'stop', timer_id: timer.id }); done(); }}>{t('stopTimer')}</button>}
        <button type="submit" className="primary">{t('startTimer')}</button>
      </div>
    </ToolForm>
  );
}

function PollTool({ send, done }: ToolProps) {
  const t = useText();
  const [topic, setTopic] = useState('');
  const [choices, setChoices] = useState('');
  const [live, setLive] = useState(true);
  const [minutes, setMinutes] = useState(2);
  return (
    <ToolForm done={done} onSend={() => send('polls', {
      action: 'start', topic, choices: choices.split('\n').map((c) => c.trim()).filter(Boolean), live, multiple_choice: false, duration: minutes * 60,
    })}>
      <label className="compact">{t('question')}<input value={topic} onChange={(e) => setTopic(e.target.value)} required maxLength={200} /></label>
      <label className="compact">{t('choicesOnePerLine')}<textarea value={choices} onChange={(e) => setChoices(e.target.value)} rows={3} required /></label>
      <label className="compact">{t('minutes')}<input type="number" min={1} max={60} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} /></label>
      <label className="toggle"><input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} />{t('liveResults')}</label>
      <div className="actions end"><button type="submit" className="primary">{t('startPoll')}</button></div>
    </ToolForm>
  );
}

function BreakoutTool({ room, send, done }: ToolProps) {
  const t = useText();
  const [rooms, setRooms] = useState(2);
  const [minutes, setMinutes] = useState(10);
  // Room index per person (-1: stays in the main room); people not chosen by hand are spread evenly.
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const others = Object.values(room.people).filter((p) => p.id !== room.me).map((p) => p.id);
  return (
    <ToolForm done={done} onSend={() => send('breakout', {
      action: 'start', duration: minutes * 60, rooms: assignRooms(others, rooms, chosen).map((assignments, i) => ({ name: t('roomNumber', { n: i + 1 }), assignments })),
    })}>
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
      <label className="compact">{t('minutes')}<input type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} /></label>
      <div className="actions end">
        {/* Closing needs open rooms: until then it is there but off. */}
        <button type="button" className="secondary" disabled={room.breakout === null} onClick={() => { send('breakout', { action: 'stop' }); done(); }}>{t('stopBreakout')}</button>
        <button type="submit" className="primary">{t('startBreakout')}</button>
      </div>
    </ToolForm>
  );
}

function TalkingStickTool({ room, send, done }: ToolProps) {
  const t = useText();
  const [seconds, setSeconds] = useState(60);
  return (
    <ToolForm done={done} onSend={() => send('automod', {
      action: 'start', selection_strategy: 'random', playlist: Object.keys(room.people), time_limit: seconds, allow_double_selection: false,
    })}>
      <label className="compact">{t('secondsEach')}<input type="number" min={10} max={600} value={seconds} onChange={(e) => setSeconds(Number(e.target.value))} /></label>
      <div className="actions end">
        <button type="button" className="secondary" disabled={room.talkingStick === null} onClick={() => { send('automod', { action: 'stop' }); done(); }}>{t('stop')}</button>
        <button type="submit" className="primary">{t('startTalkingStick')}</button>
      </div>
    </ToolForm>
  );
}

function VoteTool({ room, send, done }: ToolProps) {
  const t = useText();
  const [name, setName] = useState('');
  const [guests, setGuests] = useState(true);
  return (
    <ToolForm done={done} onSend={() => send('legal_vote', {
      action: 'start', name, kind: 'roll_call', allowed_participants: voters(room, guests), enable_abstain: true, auto_close: true, duration: null,
    })}>
      <label className="compact">{t('motion')}<input value={name} onChange={(e) => setName(e.target.value)} required maxLength={150} /></label>
      <label className="toggle"><input type="checkbox" checked={guests} onChange={(e) => setGuests(e.target.checked)} />{t('guestsCanVote')}</label>
      <div className="actions end"><button type="submit" className="primary">{t('startVote')}</button></div>
    </ToolForm>
  );
}
