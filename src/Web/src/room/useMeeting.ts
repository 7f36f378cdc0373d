import { useEffect, useReducer, useRef, useState } from 'react';
import { MediaClient, type RemoteStream, type SessionType } from '../media';
import { applyMessage, emptyRoom, type RoomView } from '../room';
import { Signaling, signalingUrl, type ConnectionStatus, type Payload, type Ticket } from '../signaling';
import type { Send } from '../signaling-protocol';
import type { JoinChoice } from '../pages/Lobby';
import { folderFrom, type FolderView } from '../sharedFolder';
import { IceServers, type IceServerResource } from '../turn';

/** How long a blocked join waits before asking again (OpenTalk's web app waits as long). */
const JOIN_RETRY_MS = 10_000;

type Action = { kind: 'message'; namespace: string; payload: Payload } | { kind: 'set'; change: (room: RoomView) => RoomView };

const reduce = (room: RoomView, action: Action): RoomView =>
  action.kind === 'message' ? applyMessage(room, action.namespace, action.payload) : action.change(room);

export interface Meeting {
  room: RoomView;
  status: ConnectionStatus;
  closeReason: string | null;
  streams: RemoteStream[];
  local: ReadonlyMap<SessionType, MediaStream>;
  media: MediaClient;
  send: Send;
  update: (change: (room: RoomView) => RoomView) => void;
  leave: () => void;
  folder: FolderView | null;
}

/** One participation in a room: the signaling socket, the room state it builds, and the media sessions. */
export function useMeeting(choice: JoinChoice, ticket: (resumption: string | null) => Promise<Ticket>,
  turn: () => Promise<IceServerResource[] | undefined>): Meeting {
  const [room, dispatch] = useReducer(reduce, emptyRoom);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [closeReason, setCloseReason] = useState<string | null>(null);
  const [streams, setStreams] = useState<RemoteStream[]>([]);
  const [folder, setFolder] = useState<FolderView | null>(null);
  const [local, setLocal] = useState<ReadonlyMap<SessionType, MediaStream>>(new Map());
  const signaling = useRef<Signaling | null>(null);
  const mediaRef = useRef<MediaClient | null>(null);
  const send: Send = (namespace, payload) => signaling.current?.send(namespace, payload);
  if (!mediaRef.current) mediaRef.current = new MediaClient(send, (s, l) => { setStreams(s); setLocal(new Map(l)); });
  const media = mediaRef.current;
  const [iceServers] = useState(() => new IceServers(turn));
  // After the first join, what the user has switched on since is kept across reconnects.
  const joinedBefore = useRef(false);
  // Moderators are never locked out by a room's microphone lock.
  const moderator = useRef(false);
  // Let in from the waiting room: a full room is asked again with enter_room rather than join.
  const accepted = useRef(false);
  // The next attempt to get into a full room.
  const retry = useRef<number | undefined>(undefined);

  useEffect(() => {
    // Asked for while the socket opens, so joining does not wait for it.
    void iceServers.get();
    const client = new Signaling({
      url: signalingUrl(window.location),
      ticket,
      displayName: choice.name,
      onStatus: (s, reason) => {
        setStatus(s);
        if (s === 'closed') setCloseReason(reason ?? null);
      },
      onMessage: (namespace, payload) => {
        dispatch({ kind: 'message', namespace, payload });
        setFolder((f) => folderFrom(f, namespace, payload));
        void react(namespace, payload);
      },
    });
    signaling.current = client;

    async function react(namespace: string, payload: Payload) {
      if (namespace === 'control' && payload.message === 'join_success') {
        window.clearTimeout(retry.current);
        // A fresh connection (first join, or back after a dropped network): media starts over on it.
        const screen = media.localStream('screen');
        media.reset();
        media.me = payload.id as string;
        // Before any connection is made: behind a NAT, TURN may be the only way to the media server.
        media.iceServers = await iceServers.get();
        moderator.current = payload.role === 'moderator';
        for (const p of payload.participants as { id: string; media?: { video: unknown; screen: unknown } }[]) media.notice(p.id, p.media);
        // Muted by a moderator (one by one, or the room's lock): the microphone starts off, as the server holds it.
        const muted = (payload.media as { force_muted?: boolean } | undefined)?.force_muted === true;
        const wanted = joinedBefore.current ? media.published : { audio: choice.audio, video: choice.video };
        if (choice.stream && choice.stream.getTracks().some((t) => t.readyState === 'live'))
          await media.publish('video', choice.stream, muted ? { ...wanted, audio: false } : wanted);
        if (screen?.getVideoTracks().some((t) => t.readyState === 'live')) await media.publish('screen', screen);
        joinedBefore.current = true;
      } else if (namespace === 'control' && (payload.message === 'joined' || payload.message === 'update')) {
        media.notice(payload.id as string, payload.media as { video: unknown; screen: unknown });
      } else if (namespace === 'control' && payload.message === 'role_updated') {
        moderator.current = payload.new_role === 'moderator';
      } else if (namespace === 'media' && payload.message === 'force_mute_enabled'
        && !moderator.current && !(payload.allow_list as string[]).includes(media.me ?? '')) {
        media.setState({ ...media.published, audio: false });
      } else if (namespace === 'control' && payload.message === 'left') {
        media.forget(payload.id as string);
      } else if (namespace === 'moderation' && payload.message === 'accepted') {
        accepted.current = true;
        client.send('control', { action: 'enter_room' });
      } else if (namespace === 'control' && payload.message === 'join_blocked') {
        // The room is full: ask again every little while, as OpenTalk's web app does.
        window.clearTimeout(retry.current);
        retry.current = window.setTimeout(
          () => client.send('control', accepted.current ? { action: 'enter_room' } : { action: 'join', display_name: choice.name }), JOIN_RETRY_MS);
      } else if (namespace === 'media' && payload.message === 'request_mute' && payload.force) {
        media.setState({ ...media.published, audio: false });
      } else if (namespace === 'media') {
        await media.handle(payload);
      }
    }

    void client.start();
    return () => {
      window.clearTimeout(retry.current);
      client.leave();
      // The camera belongs to the page (it goes on into a breakout room); a shared screen ends here.
      const screen = media.localStream('screen');
      media.reset();
      screen?.getTracks().forEach((x) => x.stop());
    };
    // One participation per mounted meeting.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return {
    room, status, closeReason, streams, local, media, send, folder,
    update: (change) => dispatch({ kind: 'set', change }),
    leave: () => signaling.current?.leave(),
  };
}
