import { useEffect, useRef, useState } from 'react';
import { Api, ApiError } from '../api';
import { changeParticipation, forgetParticipation, loadParticipation, saveParticipation, type Participation } from '../participation';
import { Conference } from '../room/Conference';
import { navigate } from '../routes';
import { signIn } from '../session';
import type { Ticket } from '../signaling';
import { useText } from '../text';
import { Lobby, type JoinChoice } from './Lobby';

type Entry =
  | { kind: 'member'; roomId: string; api: Api; name: string; groups: string[] }
  | { kind: 'guest'; code: string };

/** Camera and microphone as they were chosen before a reload, without asking in the lobby again (nothing if refused). */
async function reopenDevices(saved: Participation): Promise<MediaStream | null> {
  for (const wanted of [{ audio: true, video: { width: 1280, height: 720 } }, { audio: true, video: false }]) {
    try {
      const stream = await navigator.mediaDevices.getUserMedia(wanted);
      stream.getVideoTracks().forEach((x) => (x.enabled = saved.video));
      stream.getAudioTracks().forEach((x) => (x.enabled = saved.audio));
      return stream;
    } catch {
      // No camera (or not allowed): try with the microphone alone, then without devices.
    }
  }
  return null;
}

/**
 * Lobby, then the conference: for signed-in people by room id, for guests by invite code. A tab that was in the room
 * (reloaded, or back from a breakout room) comes straight back as the same participant.
 */
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
  const [resuming, setResuming] = useState(false);
  const guestApi = new Api(null);
  // A guest's invite code opens the room's meeting for them (OpenTalk's InviteCode authorization).
  const roomApi = entry.kind === 'member' ? entry.api : new Api(entry.code);

  useEffect(() => {
    if (entry.kind !== 'guest') return;
    guestApi.verifyInvite(entry.code).then((v) => { setRoomId(v.room_id); setNeedPassword(v.password_required); },
      () => setProblem(t('inviteInvalid')));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entry.kind === 'guest' ? entry.code : '']);

  // Everyone, guests too, sees the meeting's title (a room without a meeting has none).
  useEffect(() => {
    if (!roomId) return;
    roomApi.roomEvent(roomId).then((e) => setTitle(e.title || null), () => setTitle(null));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [roomId]);

  // A ticket for the main room or a breakout room; with a resumption token, for the participant it names.
  const requestTicket = (c: JoinChoice, resumption: string | null, breakoutRoom: string | null) => (entry.kind === 'member'
    ? entry.api.start(roomId!, resumption, breakoutRoom)
    : guestApi.startInvited(roomId!, entry.code, c.password, resumption, breakoutRoom));

  // The ticket that let the user out of the lobby opens the first connection; later ones are fetched when needed.
  const firstTicket = useRef<Ticket | null>(null);
  const ticketFor = (c: JoinChoice, breakoutRoom: string | null = null) => async (resumption: string | null): Promise<Ticket> => {
    const ready = firstTicket.current;
    firstTicket.current = null;
    if (ready && resumption === null && breakoutRoom === null) return ready;
    const room = breakoutRoom ?? roomId!;
    // A new connection to a room this tab was in before (a reload, or back from a breakout room) is the same participant.
    const known = resumption ?? loadParticipation(roomId!)?.resumption[room] ?? null;
    let ticket: Ticket;
    try {
      ticket = await requestTicket(c, known, breakoutRoom);
    } catch (e) {
      // A breakout room that closed while the page was away (a reload): back to the main room.
      if (breakoutRoom !== null && e instanceof ApiError && e.problem.status < 500) enterBreakout(null);
      throw e;
    }
    changeParticipation(roomId!, (p) => ({ ...p, resumption: { ...p.resumption, [room]: ticket.resumption } }));
    return ticket;
  };

  async function join(c: JoinChoice, saved: Participation | null = null) {
    // A first ticket checks password and access before leaving the lobby.
    setBusy(true);
    setProblem(null);
    try {
      const ticket = await requestTicket(c, saved?.resumption[roomId!] ?? null, null);
      // Back into a breakout room after a reload: the main room's ticket only checked access; it is not used.
      firstTicket.current = saved?.breakout ? null : ticket;
      saveParticipation(roomId!, {
        name: c.name, password: c.password, audio: c.audio, video: c.video, speaker: c.speaker,
        breakout: saved?.breakout ?? null, resumption: { ...saved?.resumption, [roomId!]: ticket.resumption },
      });
      if (saved?.breakout) setBreakout(saved.breakout);
      setChoice(c);
    } catch (e) {
      // A saved password that stopped working, or a room that is gone: the lobby says why and asks again.
      if (saved) {
        forgetParticipation(roomId!);
        c.stream?.getTracks().forEach((x) => x.stop());
      }
      setProblem(e instanceof ApiError ? (e.problem.code === 'wrong_room_password' ? t('wrongPassword') : e.message) : t('failed'));
    } finally {
      setBusy(false);
    }
  }

  // Back after a reload: the devices and name chosen before, and the same participant.
  useEffect(() => {
    if (!roomId || choice) return;
    const saved = loadParticipation(roomId);
    if (!saved) return;
    setResuming(true);
    void reopenDevices(saved).then((stream) => join({ name: saved.name, password: saved.password, stream, audio: saved.audio, video: saved.video, speaker: saved.speaker }, saved))
      .finally(() => setResuming(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [roomId]);

  // Leaving the page inside the app (Back, another page) ends this participation; a reload never runs this.
  useEffect(() => () => {
    if (roomId) forgetParticipation(roomId);
  }, [roomId]);

  function enterBreakout(room: { id: string; name: string } | null) {
    changeParticipation(roomId!, (p) => ({ ...p, breakout: room }));
    setBreakout(room);
  }

  if (entry.kind === 'guest' && !roomId) {
    return <div className="center-screen"><div className="card">{problem ? <p role="alert">{problem}</p> : <p role="status">{t('loading')}</p>}
      <button type="button" className="link" onClick={() => void signIn('/')}>{t('signIn')}</button></div></div>;
  }
  if (resuming && !choice) return <div className="center-screen"><p role="status">{t('rejoining')}</p></div>;
  if (!choice) {
    return (
      <Lobby title={title ? `${t('getReady')} · ${title}` : t('getReady')} defaultName={entry.kind === 'member' ? entry.name : ''} askName needPassword={needPassword}
        onJoin={(c) => void join(c)} busy={busy} problem={problem} />
    );
  }
  const name = title ?? t('meeting');
  return <Conference key={breakout?.id ?? 'main'} roomId={roomId!} api={entry.kind === 'member' ? entry.api : guestApi} title={breakout ? `${name} · ${breakout.name}` : name} choice={choice}
    groups={entry.kind === 'member' ? entry.groups : []}
    inviteCode={entry.kind === 'guest' ? entry.code : null} onEnded={() => forgetParticipation(roomId!)}
    ticket={ticketFor(choice, breakout?.id ?? null)} inBreakout={breakout !== null} onBreakout={enterBreakout} onLeft={() => {
    // Left on purpose (or removed): a reload starts in the lobby again.
    forgetParticipation(roomId!);
    choice.stream?.getTracks().forEach((x) => x.stop());
    navigate(entry.kind === 'member' ? '/' : `/invite/${encodeURIComponent(entry.code)}`);
  }} />;
}
