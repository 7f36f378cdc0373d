// What the room tells a person in a toast: someone waits or raised a hand (moderators), a chat message while the chat
// is closed, a recording or live stream that started, a refusal from the node. Worked out by comparing the room before
// and after a message, so the room's state stays the one place that knows what happened.

import { liveOn, recordingOn, type RoomView } from './room';

export type Notice =
  | { kind: 'waiting'; key: string; participant: string; name: string }
  | { kind: 'hand'; key: string; participant: string; name: string }
  | { kind: 'chat'; key: string; from: string; text: string; private: boolean }
  | { kind: 'recording'; key: string }
  | { kind: 'live'; key: string }
  | { kind: 'error'; key: string; namespace: string; code: string };

/** Notices that chime: something happened that someone may have to act on. */
export const chimes = (notice: Notice): boolean => notice.kind !== 'error';

export function noticesBetween(before: RoomView, after: RoomView, options: { chatOpen: boolean }): Notice[] {
  const notices: Notice[] = [];
  if (after.lastError && after.lastError.seq !== before.lastError?.seq)
    notices.push({ kind: 'error', key: `error-${after.lastError.seq}`, namespace: after.lastError.namespace, code: after.lastError.code });
  // The first picture of the room (joining, or back after a dropped network) is no news.
  if (before.phase !== 'in_room' || after.phase !== 'in_room') return notices;

  if (after.myRole === 'moderator') {
    const waitedBefore = new Set(before.waiting.map((w) => w.id));
    for (const w of after.waiting.filter((x) => !waitedBefore.has(x.id)))
      notices.push({ kind: 'waiting', key: `waiting-${w.id}`, participant: w.id, name: w.displayName });
    for (const p of Object.values(after.people)) {
      if (p.id !== after.me && p.handUp && before.people[p.id] && !before.people[p.id].handUp)
        notices.push({ kind: 'hand', key: `hand-${p.id}-${Date.now()}`, participant: p.id, name: p.displayName });
    }
  }
  if (!options.chatOpen && after.messages.length > before.messages.length) {
    const known = new Set(before.messages.map((m) => m.id));
    for (const m of after.messages.filter((x) => !known.has(x.id) && x.source !== after.me)) {
      notices.push({ kind: 'chat', key: `chat-${m.id}`, from: after.people[m.source]?.displayName ?? '', text: m.content, private: m.scope === 'private' });
    }
  }
  if (recordingOn(after) && !recordingOn(before)) notices.push({ kind: 'recording', key: `recording-${Date.now()}` });
  if (liveOn(after) && !liveOn(before)) notices.push({ kind: 'live', key: `live-${Date.now()}` });
  return notices;
}

/** Whether a notice still means something: a person who no longer waits, a hand that went down, are not news any more. */
export function stillCurrent(notice: Notice, room: RoomView): boolean {
  if (notice.kind === 'waiting') return room.waiting.some((w) => w.id === notice.participant);
  if (notice.kind === 'hand') return room.people[notice.participant]?.handUp === true;
  return true;
}
