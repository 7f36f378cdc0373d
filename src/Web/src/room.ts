// The room as a participant sees it, built from signaling messages. Pure: the UI renders what this returns.

import { collab, noCollab, type CollabView } from './collab';
import { dialOut, noCalls, type DialOutView } from './dialOut';

export type Role = 'guest' | 'user' | 'moderator';

export interface MediaState {
  video: { audio: boolean; video: boolean } | null;
  screen: { audio: boolean; video: boolean } | null;
  is_presenter: boolean;
  force_muted: boolean;
}

export interface Person {
  id: string;
  displayName: string;
  role: Role;
  handUp: boolean;
  connected: boolean;
  /** Called in by phone (`participation_kind: sip`): heard like anyone, never seen. */
  phone: boolean;
  media: MediaState | null;
}

/** How to join a meeting by phone; `tel` is empty while the node names no number to dial. */
export interface CallIn {
  tel: string;
  id: string;
  password: string;
}

/** What the people list and a tile show beside a name. */
export interface Presence {
  /** Joined by phone: a phone icon instead of a picture. */
  phone: boolean;
  /** Their microphone is off (by themselves, by `*1` on a phone, or by a moderator). */
  muted: boolean;
  handUp: boolean;
}

export const presence = (p: Person): Presence => ({ phone: p.phone, muted: p.media?.video?.audio === false, handUp: p.handUp });

export interface ChatMessage {
  id: string;
  source: string;
  timestamp: string;
  content: string;
  scope: 'global' | 'private' | 'group';
  target: string | null;
  group: string | null;
}

export interface TimerView {
  id: string;
  kind: 'countdown' | 'stopwatch';
  style: 'normal' | 'coffee-break';
  title: string | null;
  startedAt: string;
  endsAt: string | null;
  readyCheck: boolean;
  ready: Record<string, boolean>;
}

export interface PollView {
  id: string;
  topic: string;
  live: boolean;
  multipleChoice: boolean;
  choices: { id: number; content: string }[];
  endsAt: string;
  myChoices: number[];
  results: Record<number, number> | null;
  done: boolean;
}

export interface BreakoutView {
  rooms: { id: string; name: string }[];
  expires: string | null;
  /** The room I am expected in (null: stay in the main room). */
  assignment: string | null;
}

export interface TalkingStickView {
  speaker: string | null;
  endsAt: string | null;
  remaining: string[];
}

export interface VoteView {
  id: string;
  name: string;
  kind: 'roll_call' | 'pseudonymous';
  allowed: string[];
  enableAbstain: boolean;
  token: string | null;
  myVote: 'yes' | 'no' | 'abstain' | null;
  results: { yes: number; no: number; abstain: number } | null;
  done: boolean;
}

export interface WhisperView {
  id: string;
  /** Members and invitees: creator, invited, accepted. */
  members: Record<string, 'creator' | 'invited' | 'accepted'>;
  /** Who invited me, while I have not answered. */
  invitedBy: string | null;
}

/** One of the room's streams: its recording, or a live stream to one of its streaming targets. */
export interface StreamView {
  name: string;
  kind: 'recording' | 'livestream';
  status: 'inactive' | 'starting' | 'active' | 'paused' | 'error';
  publicUrl: string | null;
  /** Why it failed, in words for people, when the status is `error`. */
  reason: string | null;
}

export type Phase = 'joining' | 'waiting' | 'in_room' | 'ended';

export interface RoomView {
  phase: Phase;
  /** Why the participation ended (`kicked`, `banned`, `left`, …) or why we are back in the waiting room. */
  reason: string | null;
  me: string | null;
  myRole: Role;
  people: Record<string, Person>;
  focus: string | null;
  waiting: { id: string; displayName: string }[];
  chatEnabled: boolean;
  messages: ChatMessage[];
  /** Per conversation (`global`, `private:<id>`, `group:<name>`): the newest message already read. */
  lastSeen: Record<string, string>;
  timer: TimerView | null;
  poll: PollView | null;
  muteRequest: { issuer: string; force: boolean } | null;
  /** Who may still speak while a moderator locks the room's microphones (moderators always may); null when unlocked. */
  muteLock: string[] | null;
  breakout: BreakoutView | null;
  talkingStick: TalkingStickView | null;
  vote: VoteView | null;
  whisper: WhisperView | null;
  streams: Record<string, StreamView>;
  /** My answer to whether I may be recorded: null until I gave one (until then I am not recorded). */
  recordingConsent: boolean | null;
  /** A start found no recorder (`recorder_error`): shown until the next start. */
  recorderMissing: boolean;
  /** How to join by phone, when the room has call-in and its meeting shows its details. */
  callIn: CallIn | null;
  /** Calls a moderator placed to phones (moderators only hear of them). */
  dialOut: DialOutView;
  /** Meeting notes and the whiteboard: my addresses, who may write, exported PDFs. */
  collab: CollabView;
  /** The newest refusal from the node (`seq` tells a repeated one apart), shown until dismissed. */
  lastError: { namespace: string; code: string; seq: number } | null;
  /** The meeting's title, as join_success names it (null for a room without a meeting). */
  title: string | null;
}

export const emptyRoom: RoomView = {
  phase: 'joining', reason: null, me: null, myRole: 'guest', people: {}, focus: null, waiting: [], chatEnabled: true,
  messages: [], lastSeen: {}, timer: null, poll: null, muteRequest: null, muteLock: null, breakout: null, talkingStick: null, vote: null, whisper: null,
  streams: {}, recordingConsent: null, recorderMissing: false, callIn: null, dialOut: noCalls, collab: noCollab, lastError: null, title: null,
};

const running = (s: StreamView) => s.status === 'active' || s.status === 'paused';

/** Whether the meeting is being recorded now (everyone sees it). */
export const recordingOn = (room: RoomView): boolean => Object.values(room.streams).some((s) => s.kind === 'recording' && running(s));

/** Whether the meeting goes out live now. */
export const liveOn = (room: RoomView): boolean => Object.values(room.streams).some((s) => s.kind === 'livestream' && s.status === 'active');

/** The recording runs and I have not said whether I may be in it. */
export const consentNeeded = (room: RoomView): boolean => recordingOn(room) && room.recordingConsent === null;

type WireStream = { name: string; streaming_kind: StreamView['kind']; status: StreamView['status']; public_url?: string | null; reason?: { code: string; message: string } | null };

const streamView = (s: WireStream): StreamView => ({
  name: s.name, kind: s.streaming_kind, status: s.status, publicUrl: s.public_url ?? null, reason: s.reason?.message ?? null,
});

/**
 * Whether my microphone must stay off: muted by a moderator, or left out of the room's microphone lock. The server
 * sends nobody an `update` about themselves (as OpenTalk): my own entry follows the messages meant for me.
 */
export const iAmForceMuted = (room: RoomView): boolean => {
  const mine = room.me ? room.people[room.me] : undefined;
  if (mine?.media?.force_muted) return true;
  return room.muteLock !== null && room.myRole !== 'moderator' && !room.muteLock.includes(room.me ?? '');
};

/** The room with my own entry changed. */
function patchMe(room: RoomView, change: (me: Person) => Person): RoomView {
  const mine = room.me ? room.people[room.me] : undefined;
  return mine ? { ...room, people: { ...room.people, [mine.id]: change(mine) } } : room;
}

const ownMedia = (me: Person): MediaState => me.media ?? { video: null, screen: null, is_presenter: false, force_muted: false };

/** Whether I am a member of the whisper group (created it or accepted), so my microphone goes into its mixer. */
export const whispering = (room: RoomView): boolean =>
  room.whisper !== null && room.me !== null && ['creator', 'accepted'].includes(room.whisper.members[room.me] ?? '');

interface Control {
  display_name: string;
  role: Role;
  hand_is_up: boolean;
  is_connected: boolean;
  participation_kind?: 'user' | 'guest' | 'sip' | 'recorder';
}

interface Entry {
  id: string;
  control: Control;
  media?: MediaState;
  /** Whether they said ready, while a timer with a ready check runs (join_success only). */
  timer?: { ready_status: boolean };
}

interface WireMessage {
  id: string;
  source: string;
  timestamp: string;
  content: string;
  scope: ChatMessage['scope'];
  target?: string | null;
  group?: string | null;
}

interface WireTimer {
  timer_id: string;
  started_at: string;
  kind: TimerView['kind'];
  ends_at: string | null;
  style: TimerView['style'];
  title: string | null;
  ready_check_enabled: boolean;
}

interface WirePoll {
  id: string;
  topic: string;
  live: boolean;
  multiple_choice: boolean;
  choices: { id: number; content: string }[];
  ends_at: string;
}

type Results = { id: number; count: number }[];

interface WireVote {
  legal_vote_id: string;
  name: string;
  kind: VoteView['kind'];
  allowed_participants: string[];
  enable_abstain: boolean;
}

const vote = (v: WireVote): VoteView => ({
  id: v.legal_vote_id, name: v.name, kind: v.kind, allowed: v.allowed_participants, enableAbstain: v.enable_abstain,
  token: null, myVote: null, results: null, done: false,
});

function person(entry: Entry): Person {
  return {
    id: entry.id,
    displayName: entry.control.display_name,
    role: entry.control.role,
    handUp: entry.control.hand_is_up,
    connected: entry.control.is_connected,
    phone: entry.control.participation_kind === 'sip',
    media: entry.media ?? null,
  };
}

const chatMessage = (m: WireMessage): ChatMessage => ({
  id: m.id, source: m.source, timestamp: m.timestamp, content: m.content, scope: m.scope, target: m.target ?? null, group: m.group ?? null,
});

const timer = (c: WireTimer, ready: Record<string, boolean> = {}): TimerView => ({
  id: c.timer_id, kind: c.kind, style: c.style, title: c.title, startedAt: c.started_at, endsAt: c.ends_at, readyCheck: c.ready_check_enabled, ready,
});

/** Who said ready, from the joiner's own mark and the others' `timer` parts. */
const readiness = (me: string, mine: boolean | undefined, others: Entry[]): Record<string, boolean> => Object.fromEntries([
  ...(mine === undefined ? [] : [[me, mine]]),
  ...others.filter((p) => p.timer).map((p) => [p.id, p.timer!.ready_status]),
]);

const tally = (results: Results | null | undefined) =>
  results ? Object.fromEntries(results.map((r) => [r.id, r.count])) as Record<number, number> : null;

const poll = (p: WirePoll, myChoices: number[] = [], results: Results | null = null): PollView => ({
  id: p.id, topic: p.topic, live: p.live, multipleChoice: p.multiple_choice, choices: p.choices, endsAt: p.ends_at, myChoices,
  results: tally(results), done: false,
});

/** The conversation a message belongs to, seen from `me`. */
export function conversationOf(message: ChatMessage, me: string | null): string {
  if (message.scope === 'private') return `private:${message.source === me ? message.target : message.source}`;
  if (message.scope === 'group') return `group:${message.group}`;
  return 'global';
}

/** Messages from others in a conversation newer than what was read. */
export function unread(room: RoomView, conversation: string): number {
  const seen = room.lastSeen[conversation] ?? '';
  return room.messages.filter((m) => m.source !== room.me && conversationOf(m, room.me) === conversation && m.timestamp > seen).length;
}

/** The room after the local user read a conversation up to its newest message. */
export function markRead(room: RoomView, conversation: string): RoomView {
  const newest = room.messages.filter((m) => conversationOf(m, room.me) === conversation).at(-1);
  if (!newest || (room.lastSeen[conversation] ?? '') >= newest.timestamp) return room;
  return { ...room, lastSeen: { ...room.lastSeen, [conversation]: newest.timestamp } };
}

/** Both lists' messages, each once, oldest first. */
export function mergeMessages(had: ChatMessage[], received: ChatMessage[]): ChatMessage[] {
  const known = new Set(had.map((m) => m.id));
  return [...had, ...received.filter((m) => !known.has(m.id))].sort((a, b) => a.timestamp.localeCompare(b.timestamp));
}

function control(room: RoomView, payload: Record<string, unknown>): RoomView {
  switch (payload.message) {
    case 'join_success': {
      const me = person({ id: payload.id as string, control: { display_name: payload.display_name as string, role: payload.role as Role, hand_is_up: false, is_connected: true } });
      const mediaState = payload.media as { is_presenter?: boolean; force_muted?: boolean; force_mute?: { type: string; allow_list: string[] } } | undefined;
      const lock = mediaState?.force_mute?.type === 'enabled' ? mediaState.force_mute.allow_list : null;
      const lockHolds = lock !== null && me.role !== 'moderator' && !lock.includes(me.id);
      // force_muted says either; muted one by one is told apart only when the lock does not hold anyway.
      const people: Record<string, Person> = {
        [me.id]: { ...me, media: { video: null, screen: null, is_presenter: mediaState?.is_presenter ?? false, force_muted: (mediaState?.force_muted ?? false) && !lockHolds } },
      };
      for (const p of (payload.participants as Entry[]).map(person)) people[p.id] = p;
      const chat = payload.chat as { enabled: boolean; room_history: WireMessage[]; last_seen_timestamps: Record<string, string> } | undefined;
      const t = payload.timer as (WireTimer & { ready_status?: boolean }) | null | undefined;
      const p = payload.polls as (WirePoll & { my_choices: number[]; results?: Results | null }) | null | undefined;
      const b = payload.breakout as { rooms: BreakoutView['rooms']; expires: string | null; assignment: string | null } | null | undefined;
      const a = payload.automod as { speaker: string | null; ends_at: string | null; remaining: string[] } | null | undefined;
      // OpenTalk's list of the session's votes; the running one is shown.
      const v = (payload.legal_vote as { votes: (WireVote & { state: string })[] } | undefined)?.votes.find((x) => x.state === 'started');
      // Moderators learn who already waits; everyone else gets no list.
      const m = payload.moderation as { waiting_room_participants?: (Entry & { waiting_room_state: string })[] } | undefined;
      const info = payload.event_info as { title?: string; meeting_details?: { call_in?: CallIn | null } } | null | undefined;
      const details = info?.meeting_details;
      return {
        ...room, phase: 'in_room', reason: null, me: me.id, myRole: me.role, people, muteLock: lock,
        focus: (payload.media as { focus?: string | null } | undefined)?.focus ?? null,
        chatEnabled: chat?.enabled ?? true,
        // Resumed (network back, or the meeting moved to another node): the server's history reaches back to
        // the last message this socket got; keep what we had and add what we missed, each message once.
        messages: payload.resumed ? mergeMessages(room.messages, (chat?.room_history ?? []).map(chatMessage)) : (chat?.room_history ?? []).map(chatMessage),
        lastSeen: { ...(chat?.last_seen_timestamps ?? {}), ...room.lastSeen },
        timer: t ? timer(t, readiness(me.id, t.ready_status, payload.participants as Entry[])) : null,
        poll: p ? poll(p, p.my_choices, p.results ?? null) : null,
        breakout: b ? { rooms: b.rooms, expires: b.expires, assignment: b.assignment } : null,
        talkingStick: a ? { speaker: a.speaker, endsAt: a.ends_at, remaining: a.remaining } : null,
        vote: v ? vote(v) : null,
        waiting: (m?.waiting_room_participants ?? []).filter((w) => w.waiting_room_state === 'waiting').map(waitingPerson),
        callIn: details?.call_in ?? null,
        title: info?.title || null,
        streams: Object.fromEntries(Object.entries((payload.recording as { targets?: Record<string, WireStream> } | undefined)?.targets ?? {})
          .map(([id, s]) => [id, streamView(s)])),
      };
    }
    case 'joined':
    case 'update': {
      const entry = payload as unknown as Entry;
      return { ...room, people: { ...room.people, [entry.id]: person(entry) } };
    }
    case 'left': {
      const { [payload.id as string]: _gone, ...rest } = room.people;
      return { ...room, people: rest, focus: room.focus === payload.id ? null : room.focus };
    }
    case 'role_updated':
      return patchMe({ ...room, myRole: payload.new_role as Role }, (me) => ({ ...me, role: payload.new_role as Role }));
    case 'hand_raised':
      return patchMe(room, (me) => ({ ...me, handUp: true }));
    case 'hand_lowered':
      return patchMe(room, (me) => ({ ...me, handUp: false }));
    case 'join_blocked':
      // Not in yet; the meeting page asks again a little later.
      return { ...room, reason: payload.reason as string };
    default:
      return room;
  }
}

function waitingPerson(entry: Entry): { id: string; displayName: string } {
  return { id: entry.id, displayName: entry.control.display_name };
}

function moderation(room: RoomView, payload: Record<string, unknown>): RoomView {
  switch (payload.message) {
    case 'in_waiting_room':
      return { ...room, phase: 'waiting' };
    case 'sent_to_waiting_room':
      return { ...room, phase: 'waiting', reason: 'sent_to_waiting_room', people: {}, timer: null, poll: null };
    case 'joined_waiting_room':
      return { ...room, waiting: [...room.waiting.filter((w) => w.id !== payload.id), waitingPerson(payload as unknown as Entry)] };
    case 'left_waiting_room':
      return { ...room, waiting: room.waiting.filter((w) => w.id !== payload.id) };
    case 'kicked':
    case 'banned':
      return { ...room, phase: 'ended', reason: payload.message };
    case 'display_name_changed':
      return payload.target === room.me ? patchMe(room, (me) => ({ ...me, displayName: payload.new_name as string })) : room;
    default:
      return room;
  }
}

function chat(room: RoomView, payload: Record<string, unknown>): RoomView {
  switch (payload.message) {
    case 'message_sent':
      return { ...room, messages: [...room.messages, chatMessage(payload as unknown as WireMessage)] };
    case 'chat_enabled':
      return { ...room, chatEnabled: true };
    case 'chat_disabled':
      return { ...room, chatEnabled: false };
    case 'history_cleared':
      return { ...room, messages: [] };
    default:
      return room;
  }
}

function timers(room: RoomView, payload: Record<string, unknown>): RoomView {
  const current = room.timer;
  switch (payload.message) {
    case 'started':
      return { ...room, timer: timer(payload as unknown as WireTimer) };
    case 'stopped':
      return room.timer?.id === payload.timer_id ? { ...room, timer: null } : room;
    case 'updated_ready_status':
      return current && current.id === payload.timer_id
        ? { ...room, timer: { ...current, ready: { ...current.ready, [payload.participant_id as string]: Boolean(payload.status) } } }
        : room;
    default:
      return room;
  }
}

function polls(room: RoomView, payload: Record<string, unknown>): RoomView {
  const current = room.poll;
  switch (payload.message) {
    case 'started':
      return { ...room, poll: poll(payload as unknown as WirePoll) };
    case 'live_update':
      return current && current.id === payload.id ? { ...room, poll: { ...current, results: tally(payload.results as Results) } } : room;
    case 'done':
      return current && current.id === payload.id ? { ...room, poll: { ...current, results: tally(payload.results as Results), done: true } } : room;
    default:
      return room;
  }
}

function breakout(room: RoomView, payload: Record<string, unknown>): RoomView {
  switch (payload.message) {
    case 'started':
      return { ...room, breakout: { rooms: payload.rooms as BreakoutView['rooms'], expires: (payload.expires as string | null) ?? null, assignment: (payload.assignment as string | null) ?? null } };
    case 'stopped':
    case 'expired':
      return { ...room, breakout: null };
    default:
      return room;
  }
}

function automod(room: RoomView, payload: Record<string, unknown>): RoomView {
  switch (payload.message) {
    case 'started':
      return { ...room, talkingStick: { speaker: null, endsAt: null, remaining: payload.remaining as string[] } };
    case 'speaker_updated':
      return { ...room, talkingStick: { speaker: (payload.speaker as string | null) ?? null, endsAt: (payload.ends_at as string | null) ?? null, remaining: payload.remaining as string[] } };
    case 'remaining_updated':
      return room.talkingStick ? { ...room, talkingStick: { ...room.talkingStick, remaining: payload.remaining as string[] } } : room;
    case 'stopped':
      return { ...room, talkingStick: null };
    default:
      return room;
  }
}

function legalVote(room: RoomView, payload: Record<string, unknown>): RoomView {
  const current = room.vote;
  const same = current && current.id === payload.legal_vote_id;
  switch (payload.message) {
    case 'started':
      return { ...room, vote: vote(payload as unknown as WireVote) };
    case 'token':
      return current && same ? { ...room, vote: { ...current, token: payload.token as string } } : room;
    case 'voted':
      return current && same ? { ...room, vote: { ...current, myVote: payload.option as VoteView['myVote'] } } : room;
    case 'updated':
      return current && same ? { ...room, vote: { ...current, results: payload.results as VoteView['results'] } } : room;
    case 'stopped':
      return current && same ? { ...room, vote: { ...current, results: payload.results as VoteView['results'], done: true } } : room;
    case 'canceled':
      return same ? { ...room, vote: null } : room;
    default:
      return room;
  }
}

type WireMembers = { participant_id: string; state: WhisperView['members'][string] }[];

function whisper(room: RoomView, payload: Record<string, unknown>): RoomView {
  const current = room.whisper;
  const same = current && current.id === payload.whisper_id;
  const members = (list: WireMembers) => Object.fromEntries(list.map((m) => [m.participant_id, m.state]));
  switch (payload.message) {
    case 'whisper_group_created':
      return { ...room, whisper: { id: payload.whisper_id as string, members: members(payload.participants as WireMembers), invitedBy: null } };
    case 'whisper_invite':
      return { ...room, whisper: { id: payload.whisper_id as string, members: members(payload.participants as WireMembers), invitedBy: payload.issuer as string } };
    case 'participants_invited':
      return current && same
        ? { ...room, whisper: { ...current, members: { ...current.members, ...Object.fromEntries((payload.participant_ids as string[]).map((id) => [id, 'invited' as const])) } } }
        : room;
    case 'whisper_invite_accepted':
      return current && same
        ? { ...room, whisper: { ...current, members: { ...current.members, [payload.participant_id as string]: 'accepted' }, invitedBy: payload.participant_id === room.me ? null : current.invitedBy } }
        : room;
    case 'whisper_invite_declined':
    case 'left_whisper_group': {
      if (!current || !same) return room;
      if (payload.participant_id === room.me) return { ...room, whisper: null };
      const { [payload.participant_id as string]: _gone, ...rest } = current.members;
      return { ...room, whisper: { ...current, members: rest } };
    }
    case 'kicked':
      return same ? { ...room, whisper: null } : room;
    default:
      return room;
  }
}

/** Applies one server message (`{namespace, payload}`) to the room. Unknown messages change nothing. */
export function applyMessage(room: RoomView, namespace: string, payload: Record<string, unknown>): RoomView {
  // A refused dial is told beside the phone number, not in the room's banner.
  if (namespace === 'dial_out') return { ...room, dialOut: dialOut(room.dialOut, payload) };
  // So are the notes' and the whiteboard's, beside their controls.
  if (namespace === 'meeting_notes' || namespace === 'whiteboard') return { ...room, collab: collab(room.collab, namespace, payload) };
  if (payload.message === 'error') return { ...room, lastError: { namespace, code: String(payload.error), seq: (room.lastError?.seq ?? 0) + 1 } };
  switch (namespace) {
    case 'control': {
      const next = control(room, payload);
      return { ...next, collab: collab(next.collab, namespace, payload) };
    }
    case 'moderation':
      return moderation(room, payload);
    case 'chat':
      return chat(room, payload);
    case 'timer':
      return timers(room, payload);
    case 'polls':
      return polls(room, payload);
    case 'breakout':
      return breakout(room, payload);
    case 'automod':
      return automod(room, payload);
    case 'legal_vote':
      return legalVote(room, payload);
    case 'subroom_audio':
      return whisper(room, payload);
    case 'media':
      return media(room, payload);
    case 'recording':
      return recording(room, payload);
    default:
      return room;
  }
}

function recording(room: RoomView, payload: Record<string, unknown>): RoomView {
  switch (payload.message) {
    case 'stream_updated': {
      const id = payload.target_id as string;
      const known = room.streams[id];
      if (!known) return room;
      const status = payload.status as StreamView['status'];
      const reason = (payload.reason as { message?: string } | undefined)?.message ?? null;
      return { ...room, recorderMissing: status === 'starting' ? false : room.recorderMissing, streams: { ...room.streams, [id]: { ...known, status, reason } } };
    }
    case 'recorder_error':
      return { ...room, recorderMissing: true };
    default:
      return room;
  }
}

/** The room after I answered whether I may be recorded (the server tells the others, not me). */
export function consented(room: RoomView, consent: boolean): RoomView {
  return { ...room, recordingConsent: consent };
}

function media(room: RoomView, payload: Record<string, unknown>): RoomView {
  switch (payload.message) {
    case 'focus_update':
      return { ...room, focus: (payload.focus as string | null) ?? null };
    case 'request_mute': {
      const asked = { ...room, muteRequest: { issuer: payload.issuer as string, force: Boolean(payload.force) } };
      return payload.force ? patchMe(asked, (me) => ({ ...me, media: { ...ownMedia(me), force_muted: true } })) : asked;
    }
    case 'unmute_allowed':
      return patchMe(room, (me) => ({ ...me, media: { ...ownMedia(me), force_muted: false } }));
    case 'force_mute_enabled':
      return { ...room, muteLock: payload.allow_list as string[] };
    case 'force_mute_disabled':
      return { ...room, muteLock: null };
    case 'presenter_granted':
    case 'presenter_revoked':
      return patchMe(room, (me) => ({ ...me, media: { ...ownMedia(me), is_presenter: payload.message === 'presenter_granted' } }));
    default:
      return room;
  }
}

/** The room after the local user voted (the server does not echo votes of hidden polls). */
export function votedFor(room: RoomView, choices: number[]): RoomView {
  return room.poll ? { ...room, poll: { ...room.poll, myChoices: choices } } : room;
}
