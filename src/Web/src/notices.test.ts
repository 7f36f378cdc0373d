import { describe, expect, it } from 'vitest';
import { noticesBetween, stillCurrent } from './notices';
import { emptyRoom, type Person, type RoomView } from './room';

const person = (id: string, handUp = false): Person =>
  ({ id, displayName: id.toUpperCase(), role: 'user', handUp, connected: true, phone: false, media: null });
const inRoom = (change: Partial<RoomView> = {}): RoomView =>
  ({ ...emptyRoom, phase: 'in_room', me: 'me', myRole: 'moderator', people: { me: person('me'), gus: person('gus') }, ...change });
const kinds = (before: RoomView, after: RoomView, chatOpen = false) => noticesBetween(before, after, { chatOpen }).map((n) => n.kind);

describe('notices', () => {
  it('tell a moderator who starts waiting and whose hand goes up, and nobody else', () => {
    const before = inRoom();
    const after = inRoom({ waiting: [{ id: 'gina', displayName: 'Gina' }], people: { me: person('me'), gus: person('gus', true) } });
    expect(kinds(before, after)).toEqual(['waiting', 'hand']);
    expect(kinds(before, { ...after, myRole: 'user' })).toEqual([]);
    // Already waiting, or my own hand: no news.
    expect(kinds(after, after)).toEqual([]);
    expect(kinds(before, inRoom({ people: { me: person('me', true), gus: person('gus') } }))).toEqual([]);
  });

  it('say nothing about the room as it is found on joining or coming back', () => {
    const after = inRoom({ waiting: [{ id: 'gina', displayName: 'Gina' }] });
    expect(kinds({ ...after, phase: 'joining', waiting: [] }, after)).toEqual([]);
  });

  it('show others\' chat messages only while the chat is closed', () => {
    const message = { id: 'm1', source: 'gus', timestamp: '2026-12-07T10:00:00Z', content: 'Hi', scope: 'global' as const, target: null, group: null };
    const after = inRoom({ messages: [message, { ...message, id: 'm2', source: 'me' }] });
    expect(noticesBetween(inRoom(), after, { chatOpen: false })).toEqual([{ kind: 'chat', key: 'chat-m1', from: 'GUS', text: 'Hi', private: false }]);
    expect(kinds(inRoom(), after, true)).toEqual([]);
  });

  it('tell everyone once when recording starts, and every refusal once', () => {
    const recording = { name: 'Recording', kind: 'recording' as const, status: 'active' as const, publicUrl: null, reason: null };
    const after = inRoom({ myRole: 'guest', streams: { r: recording } });
    expect(kinds(inRoom({ myRole: 'guest' }), after)).toEqual(['recording']);
    expect(kinds(after, after)).toEqual([]);
    const refused = inRoom({ lastError: { namespace: 'timer', code: 'timer_already_running', seq: 3 } });
    expect(kinds(inRoom(), refused)).toEqual(['error']);
    expect(kinds(refused, refused)).toEqual([]);
    expect(kinds(refused, { ...refused, lastError: { ...refused.lastError!, seq: 4 } })).toEqual(['error']);
  });

  it('go away once a person no longer waits or their hand is down', () => {
    const [waiting, hand] = noticesBetween(inRoom(), inRoom({
      waiting: [{ id: 'gina', displayName: 'Gina' }], people: { me: person('me'), gus: person('gus', true) },
    }), { chatOpen: false });
    expect(stillCurrent(waiting, inRoom({ waiting: [{ id: 'gina', displayName: 'Gina' }] }))).toBe(true);
    expect(stillCurrent(waiting, inRoom())).toBe(false);
    expect(stillCurrent(hand, inRoom({ people: { me: person('me'), gus: person('gus', true) } }))).toBe(true);
    expect(stillCurrent(hand, inRoom())).toBe(false);
  });
});
