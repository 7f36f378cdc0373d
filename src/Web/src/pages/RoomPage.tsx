import { useEffect, useRef, useState } from 'react';
import { Api, ApiError } from '../api';
import { Conference } from '../room/Conference';
import { navigate } from '../routes';
import { signIn } from '../session';
import type { Ticket } from '../signaling';
import { useText } from '../text';
import { Lobby, type JoinChoice } from './Lobby';

type Entry =
  | { kind: 'member'; roomId: string; api: Api; name: string; groups: string[] }
  | { kind: 'guest'; code: string };

/** Lobby, then the conference: for signed-in people by room id, for guests by invite code. */
export function RoomPage({ entry }: { entry: Entry }) {
  const t = useText();
  const [roomId, setRoomId] = useState(entry.kind === 'member' ? entry.roomId : null);
  const [needPassword, setNeedPassword] = useState(false);
  const [choice, setChoice] = useState<JoinChoice | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [title, setTitle] = useState<string | null>(null);
  // The breakout room this participant is in (null: the main room).
  const [breakout, setBreakout] = useState<{ id: string; name: string } | null>(null);
  const guestApi = new Api(null);

  // Members see the meeting's title; guests only know the room.
  useEffect(() => {
    if (entry.kind === 'member')
      entry.api.meetings().then((list) => setTitle(list.find((m) => m.room.id === entry.roomId)?.title ?? null), () => setTitle(null));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entry.kind === 'member' ? entry.roomId : '']);

  useEffect(() => {
    if (entry.kind !== 'guest') return;
    guestApi.verifyInvite(entry.code).then((v) => { setRoomId(v.room_id); setNeedPassword(v.password_required); },
      () => setProblem(t('inviteInvalid')));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entry.kind === 'guest' ? entry.code : '']);

  // The ticket that let the user out of the lobby opens the first connection; later ones are fetched when needed.
  const firstTicket = useRef<Ticket | null>(null);
  const ticketFor = (c: JoinChoice, breakoutRoom: string | null = null) => (resumption: string | null): Promise<Ticket> => {
    const ready = firstTicket.current;
    firstTicket.current = null;
    if (ready && resumption === null && breakoutRoom === null) return Promise.resolve(ready);
    return entry.kind === 'member'
      ? entry.api.start(roomId!, resumption, breakoutRoom)
      : guestApi.startInvited(roomId!, entry.code, c.password, resumption, breakoutRoom);
  };

  async function join(c: JoinChoice) {
    // A first ticket checks password and access before leaving the lobby.
    setBusy(true);
    setProblem(null);
    try {
      firstTicket.current = await ticketFor(c)(null);
      setChoice(c);
    } catch (e) {
      setProblem(e instanceof ApiError ? (e.problem.code === 'wrong_room_password' ? t('wrongPassword') : e.message) : t('failed'));
    } finally {
      setBusy(false);
    }
  }

  if (entry.kind === 'guest' && !roomId) {
    return <div className="center-screen"><div className="card">{problem ? <p role="alert">{problem}</p> : <p role="status">{t('loading')}</p>}
      <button type="button" className="link" onClick={() => void signIn('/')}>{t('signIn')}</button></div></div>;
  }
  if (!choice) {
    return (
      <Lobby title={title ? `${t('getReady')} · ${title}` : t('getReady')} defaultName={entry.kind === 'member' ? entry.name : ''} askName needPassword={needPassword}
        onJoin={(c) => void join(c)} busy={busy} problem={problem} />
    );
  }
  const name = title ?? t('meeting');
  return <Conference key={breakout?.id ?? 'main'} roomId={roomId!} api={entry.kind === 'member' ? entry.api : guestApi} title={breakout ? `${name} · ${breakout.name}` : name} choice={choice}
    groups={entry.kind === 'member' ? entry.groups : []}
    ticket={ticketFor(choice, breakout?.id ?? null)} inBreakout={breakout !== null} onBreakout={setBreakout} onLeft={() => {
    choice.stream?.getTracks().forEach((x) => x.stop());
    navigate(entry.kind === 'member' ? '/' : `/invite/${encodeURIComponent(entry.code)}`);
  }} />;
}
