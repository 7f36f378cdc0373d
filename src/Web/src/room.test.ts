import { describe, expect, test } from 'vitest';
import { applyMessage, consented, consentNeeded, conversationOf, emptyRoom, iAmForceMuted, liveOn, markRead, presence, recordingOn, unread, votedFor, type RoomView } from './room';

const control = (name: string, role = 'user') => ({ display_name: name, role, hand_is_up: false, is_connected: true });
const joinSuccess = (extra: Record<string, unknown> = {}) => ({
  message: 'join_success', id: 'me', display_name: 'Olga', role: 'moderator',
  participants: [{ id: 'u1', control: control('Uma') }], media: { focus: null },
  chat: { enabled: true, room_history: [], has_more_history: false, last_seen_timestamps: {} }, timer: null, polls: null, ...extra,
});
const apply = (room: RoomView, ...messages: [string, Record<string, unknown>][]) =>
  messages.reduce((r, [ns, p]) => applyMessage(r, ns, p), room);

describe('participation', () => {
  test('a guest waits, is accepted, is in the room, and is removed', () => {
    let room = apply(emptyRoom, ['moderation', { message: 'in_waiting_room' }]);
    expect(room.phase).toBe('waiting');
    room = apply(room, ['control', joinSuccess({ role: 'guest' })]);
    expect(room.phase).toBe('in_room');
    expect(room.myRole).toBe('guest');
    room = apply(room, ['moderation', { message: 'kicked' }]);
    expect(room.phase).toBe('ended');
    expect(room.reason).toBe('kicked');
  });

  test('a full room keeps one joining, says why, and lets them in later', () => {
    let room = apply(emptyRoom, ['control', { message: 'join_blocked', reason: 'participant_limit_reached' }]);
    expect([room.phase, room.reason]).toEqual(['joining', 'participant_limit_reached']);
    room = apply(room, ['control', joinSuccess()]);
    expect([room.phase, room.reason]).toEqual(['in_room', null]);
  });

  test('my own entry follows the messages meant for me (nobody gets an update about themselves)', () => {
    let room = apply(emptyRoom, ['control', joinSuccess({ role: 'user' })]);
    room = apply(room, ['control', { message: 'hand_raised' }]);
    expect(room.people.me.handUp).toBe(true);
    room = apply(room, ['control', { message: 'hand_lowered' }], ['control', { message: 'role_updated', new_role: 'moderator' }]);
    expect([room.people.me.handUp, room.people.me.role, room.myRole]).toEqual([false, 'moderator', 'moderator']);
    room = apply(room, ['moderation', { message: 'display_name_changed', target: 'me', issued_by: 'u1', old_name: 'Olga', new_name: 'Olga B.' }]);
    expect(room.people.me.displayName).toBe('Olga B.');
    room = apply(room, ['media', { message: 'presenter_granted' }]);
    expect(room.people.me.media?.is_presenter).toBe(true);
  });

  test('my microphone is held by a moderator one by one and by the room lock unless I am spared', () => {
    let room = apply(emptyRoom, ['control', joinSuccess({ role: 'user' })]);
    expect(iAmForceMuted(room)).toBe(false);
    room = apply(room, ['media', { message: 'request_mute', issuer: 'u1', force: true }]);
    expect([iAmForceMuted(room), room.muteRequest?.force]).toEqual([true, true]);
    room = apply(room, ['media', { message: 'unmute_allowed', issuer: 'u1' }]);
    expect(iAmForceMuted(room)).toBe(false);
    room = apply(room, ['media', { message: 'force_mute_enabled', allow_list: ['u1'] }]);
    expect(iAmForceMuted(room)).toBe(true);
    expect(iAmForceMuted(apply(room, ['control', { message: 'role_updated', new_role: 'moderator' }]))).toBe(false);
    expect(iAmForceMuted(apply(room, ['media', { message: 'force_mute_enabled', allow_list: ['me'] }]))).toBe(false);
    room = apply(room, ['media', { message: 'force_mute_disabled' }]);
    expect(iAmForceMuted(room)).toBe(false);
    // Coming in while the lock holds.
    const locked = apply(emptyRoom, ['control', joinSuccess({ role: 'user', media: { focus: null, force_muted: true, force_mute: { type: 'enabled', allow_list: [] } } })]);
    expect(iAmForceMuted(locked)).toBe(true);
    expect(iAmForceMuted(apply(locked, ['media', { message: 'force_mute_disabled' }]))).toBe(false);
  });

  test('moderators see who waits, until they are let in', () => {
    let room = apply(emptyRoom, ['control', joinSuccess()],
      ['moderation', { message: 'joined_waiting_room', id: 'g1', control: control('Gustav', 'guest') }],
      ['moderation', { message: 'joined_waiting_room', id: 'g2', control: control('Greta', 'guest') }]);
    expect(room.waiting.map((w) => w.displayName)).toEqual(['Gustav', 'Greta']);
    room = apply(room, ['moderation', { message: 'left_waiting_room', id: 'g1' }]);
    expect(room.waiting.map((w) => w.id)).toEqual(['g2']);
  });

  test('a moderator who comes in sees who already waits, not who was let in already', () => {
    const room = apply(emptyRoom, ['control', joinSuccess({
      moderation: {
        raise_hands_enabled: true, waiting_room_enabled: true, waiting_room_participants: [
          { id: 'g1', control: control('Gustav', 'guest'), waiting_room_state: 'waiting' },
          { id: 'g2', control: control('Greta', 'guest'), waiting_room_state: 'accepted' },
        ],
      },
    })]);
    expect(room.waiting).toEqual([{ id: 'g1', displayName: 'Gustav' }]);
  });

  test('a server error is shown, and nothing else changes', () => {
    const before = apply(emptyRoom, ['control', joinSuccess()]);
    const after = apply(before, ['media', { message: 'error', error: 'force_muted' }]);
    expect(after.lastError).toEqual({ namespace: 'media', code: 'force_muted', seq: 1 });
    expect(after.people).toBe(before.people);
  });
});

describe('chat', () => {
  test('a resumed join keeps the messages we had and adds the ones we missed, each once', () => {
    const wire = (id: string, at: string) => ({ id, source: 'u1', timestamp: at, content: id, scope: 'global', target: null, group: null });
    let room = apply(emptyRoom, ['control', joinSuccess({ chat: { enabled: true, room_history: [wire('a', '2026-12-01T10:00:00Z')], has_more_history: false, last_seen_timestamps: {} } })],
      ['chat', { message: 'message_sent', ...wire('b', '2026-12-01T10:00:01Z') }]);
    // The meeting moved; its welcome brings what this socket got last and what it missed meanwhile.
    room = apply(room, ['control', joinSuccess({ resumed: true, chat: { enabled: true, room_history: [wire('b', '2026-12-01T10:00:01Z'), wire('c', '2026-12-01T10:00:02Z')], has_more_history: true, last_seen_timestamps: {} } })]);
    expect(room.messages.map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });

  const message = (id: string, source: string, timestamp: string, scope = 'global', target: string | null = null) =>
    ({ message: 'message_sent', id, source, timestamp, content: `text ${id}`, scope, target, group: null });

  test('messages from others are unread until the conversation is read', () => {
    let room = apply(emptyRoom, ['control', joinSuccess()],
      ['chat', message('1', 'u1', '2026-11-25T10:00:00Z')],
      ['chat', message('2', 'me', '2026-11-25T10:00:01Z')],
      ['chat', message('3', 'u1', '2026-11-25T10:00:02Z', 'private', 'me')]);
    expect(unread(room, 'global')).toBe(1);
    expect(unread(room, 'private:u1')).toBe(1);
    room = markRead(room, 'global');
    expect(unread(room, 'global')).toBe(0);
    expect(unread(room, 'private:u1')).toBe(1);
  });

  test('a private message belongs to the conversation with the other person, whoever wrote it', () => {
    const mine = { id: '1', source: 'me', target: 'u1', timestamp: '', content: '', scope: 'private' as const, group: null };
    expect(conversationOf(mine, 'me')).toBe('private:u1');
    expect(conversationOf({ ...mine, source: 'u1', target: 'me' }, 'me')).toBe('private:u1');
  });

  test('read markers from the server survive a new join_success', () => {
    const room = apply(emptyRoom, ['control', joinSuccess({
      chat: { enabled: false, room_history: [message('1', 'u1', '2026-11-25T10:00:00Z')], has_more_history: false, last_seen_timestamps: { global: '2026-11-25T10:00:00Z' } },
    })]);
    expect(room.chatEnabled).toBe(false);
    expect(room.messages).toHaveLength(1);
    expect(unread(room, 'global')).toBe(0);
  });
});

describe('timer and coffee break', () => {
  const config = { timer_id: 't1', started_at: '2026-11-25T10:00:00Z', kind: 'countdown', ends_at: '2026-11-25T10:05:00Z', style: 'coffee-break', title: null, ready_check_enabled: true, end_when_all_ready: false };
  test('starts, collects ready marks, and stops', () => {
    let room = apply(emptyRoom, ['control', joinSuccess()], ['timer', { message: 'started', ...config }]);
    expect(room.timer?.style).toBe('coffee-break');
    room = apply(room, ['timer', { message: 'updated_ready_status', timer_id: 't1', participant_id: 'u1', status: true }]);
    expect(room.timer?.ready).toEqual({ u1: true });
    room = apply(room, ['timer', { message: 'stopped', timer_id: 'other', kind: 'by_moderator' }]);
    expect(room.timer).not.toBeNull();
    room = apply(room, ['timer', { message: 'stopped', timer_id: 't1', kind: 'by_moderator' }]);
    expect(room.timer).toBeNull();
  });
  test('a running break is part of join_success, with my own ready mark and the others\'', () => {
    const room = apply(emptyRoom, ['control', joinSuccess({
      timer: { ...config, ready_status: true },
      participants: [{ id: 'u1', control: control('Uma'), timer: { ready_status: false } }, { id: 'u2', control: control('Udo'), timer: { ready_status: true } }],
    })]);
    expect(room.timer?.ready).toEqual({ me: true, u1: false, u2: true });
  });
});

describe('polls', () => {
  const started = { message: 'started', id: 'p1', topic: 'Lunch?', live: true, multiple_choice: false, choices: [{ id: 0, content: 'Yes' }, { id: 1, content: 'No' }], duration: 60, allow_editing: false, ends_at: '2026-11-25T10:01:00Z' };
  test('live results, my vote, and the final tally', () => {
    let room = apply(emptyRoom, ['control', joinSuccess()], ['polls', started]);
    expect(room.poll?.results).toBeNull();
    room = votedFor(room, [0]);
    room = apply(room, ['polls', { message: 'live_update', id: 'p1', results: [{ id: 0, count: 1 }, { id: 1, count: 0 }] }]);
    expect(room.poll?.results).toEqual({ 0: 1, 1: 0 });
    expect(room.poll?.myChoices).toEqual([0]);
    room = apply(room, ['polls', { message: 'done', id: 'p1', results: [{ id: 0, count: 2 }, { id: 1, count: 1 }], reason: 'finished' }]);
    expect(room.poll?.done).toBe(true);
    expect(room.poll?.results).toEqual({ 0: 2, 1: 1 });
  });
  test('a running poll is part of join_success, flat, with my vote and the live results', () => {
    const { message: _started, ...fields } = started;
    const room = apply(emptyRoom, ['control', joinSuccess({
      polls: { ...fields, started: '2026-11-25T10:00:00Z', my_choices: [1], results: [{ id: 0, count: 0 }, { id: 1, count: 1 }] },
    })]);
    expect(room.poll?.id).toBe('p1');
    expect(room.poll?.myChoices).toEqual([1]);
    expect(room.poll?.results).toEqual({ 0: 0, 1: 1 });
  });
});

describe('breakout rooms, talking stick and votes', () => {
  test('breakout rooms open with my assignment and close again', () => {
    let room = apply(emptyRoom, ['control', joinSuccess()],
      ['breakout', { message: 'started', rooms: [{ id: 'b1', name: 'Room 1' }], expires: null, assignment: 'b1' }]);
    expect(room.breakout?.assignment).toBe('b1');
    room = apply(room, ['breakout', { message: 'expired' }]);
    expect(room.breakout).toBeNull();
  });

  test('the talking stick names the speaker and ends', () => {
    let room = apply(emptyRoom, ['control', joinSuccess()],
      ['automod', { message: 'started', config: {}, remaining: ['me', 'u1'] }],
      ['automod', { message: 'speaker_updated', speaker: 'u1', ends_at: '2026-11-25T10:01:00Z', history: [], remaining: ['me'] }]);
    expect(room.talkingStick).toEqual({ speaker: 'u1', endsAt: '2026-11-25T10:01:00Z', remaining: ['me'] });
    room = apply(room, ['automod', { message: 'stopped' }]);
    expect(room.talkingStick).toBeNull();
  });

  test('a vote gives the voter a token, records the vote, and shows the tally at the end', () => {
    let room = apply(emptyRoom, ['control', joinSuccess()],
      ['legal_vote', { message: 'started', legal_vote_id: 'v1', name: 'Budget', kind: 'pseudonymous', allowed_participants: ['me'], enable_abstain: true }],
      ['legal_vote', { message: 'token', legal_vote_id: 'v1', token: 'secret' }],
      ['legal_vote', { message: 'voted', legal_vote_id: 'v1', option: 'yes' }]);
    expect(room.vote?.token).toBe('secret');
    expect(room.vote?.myVote).toBe('yes');
    room = apply(room, ['legal_vote', { message: 'stopped', legal_vote_id: 'v1', kind: 'by_participant', results: { yes: 1, no: 0, abstain: 0 }, votes: [], votes_digest: '' }]);
    expect(room.vote?.done).toBe(true);
    expect(room.vote?.results).toEqual({ yes: 1, no: 0, abstain: 0 });
  });

  test('a running vote is found in join_success\'s list of votes', () => {
    const room = apply(emptyRoom, ['control', joinSuccess({
      legal_vote: { votes: [{ legal_vote_id: 'v1', name: 'Budget', kind: 'roll_call', allowed_participants: ['me'], enable_abstain: false, state: 'started' }] },
    })]);
    expect(room.vote?.id).toBe('v1');
  });
});

describe('whisper groups', () => {
  test('an invitation, joining, and leaving', async () => {
    const { whispering } = await import('./room');
    let room = apply(emptyRoom, ['control', joinSuccess()],
      ['subroom_audio', { message: 'whisper_invite', whisper_id: 'w1', issuer: 'u1', participants: [{ participant_id: 'u1', state: 'creator' }, { participant_id: 'me', state: 'invited' }] }]);
    expect(room.whisper?.invitedBy).toBe('u1');
    expect(whispering(room)).toBe(false);
    room = apply(room, ['subroom_audio', { message: 'whisper_invite_accepted', whisper_id: 'w1', participant_id: 'me' }]);
    expect(whispering(room)).toBe(true);
    expect(room.whisper?.invitedBy).toBeNull();
    room = apply(room, ['subroom_audio', { message: 'left_whisper_group', whisper_id: 'w1', participant_id: 'u1' }]);
    expect(Object.keys(room.whisper!.members)).toEqual(['me']);
    room = apply(room, ['subroom_audio', { message: 'kicked', whisper_id: 'w1' }]);
    expect(room.whisper).toBeNull();
  });
});

describe('recording and live streams', () => {
  const targets = {
    rec: { name: 'Recording', streaming_kind: 'recording', status: 'inactive' },
    yt: { name: 'YouTube', streaming_kind: 'livestream', status: 'inactive', public_url: 'https://example.org/watch' },
  };

  test('everyone sees the recording start, is asked whether they may be in it, and the answer is kept', () => {
    let room = apply(emptyRoom, ['control', joinSuccess({ role: 'user', recording: { targets } })]);
    expect([recordingOn(room), consentNeeded(room)]).toEqual([false, false]);
    room = apply(room, ['recording', { message: 'stream_updated', target_id: 'rec', status: 'starting' }]);
    expect(recordingOn(room)).toBe(false);
    room = apply(room, ['recording', { message: 'stream_updated', target_id: 'rec', status: 'active' }]);
    expect([recordingOn(room), consentNeeded(room)]).toEqual([true, true]);
    room = consented(room, false);
    expect(consentNeeded(room)).toBe(false);
    expect(liveOn(room)).toBe(false);
  });

  test('a live stream that fails says why and leaves the recording as it is', () => {
    let room = apply(emptyRoom, ['control', joinSuccess({ recording: { targets } })],
      ['recording', { message: 'stream_updated', target_id: 'rec', status: 'active' }],
      ['recording', { message: 'stream_updated', target_id: 'yt', status: 'active' }]);
    expect(liveOn(room)).toBe(true);
    room = apply(room, ['recording', { message: 'stream_updated', target_id: 'yt', status: 'error', reason: { code: 'connection_failed', message: 'Cannot reach the server.' } }]);
    expect([liveOn(room), recordingOn(room), room.streams.yt.reason]).toEqual([false, true, 'Cannot reach the server.']);
  });

  test('a start without a recorder is reported until the next start', () => {
    let room = apply(emptyRoom, ['control', joinSuccess({ recording: { targets } })], ['recording', { message: 'recorder_error', error: 'timeout' }]);
    expect(room.recorderMissing).toBe(true);
    room = apply(room, ['recording', { message: 'stream_updated', target_id: 'rec', status: 'starting' }]);
    expect(room.recorderMissing).toBe(false);
  });
});

describe('phone callers', () => {
  const caller = (audio: boolean, hand = false) => ({
    id: 'c1', control: { ...control('Phone …4321'), participation_kind: 'sip', hand_is_up: hand },
    media: { video: { audio, video: false }, screen: null, is_presenter: false, force_muted: false },
  });

  test('a caller in join_success is a phone participant with their microphone and hand', () => {
    const room = apply(emptyRoom, ['control', joinSuccess({ participants: [{ id: 'u1', control: { ...control('Uma'), participation_kind: 'user' } }, caller(true)] })]);
    expect(room.people.c1.phone).toBe(true);
    expect(presence(room.people.c1)).toEqual({ phone: true, muted: false, handUp: false });
    expect(presence(room.people.u1)).toEqual({ phone: false, muted: false, handUp: false });
    expect(room.people.me.phone).toBe(false);
  });

  test('*1 and *2 on the keypad (and a moderator\'s mute) show in the caller\'s updates', () => {
    let room = apply(emptyRoom, ['control', joinSuccess()], ['control', { message: 'joined', ...caller(true) }]);
    expect(presence(room.people.c1)).toEqual({ phone: true, muted: false, handUp: false });
    room = apply(room, ['control', { message: 'update', ...caller(false) }]);
    expect(presence(room.people.c1)).toEqual({ phone: true, muted: true, handUp: false });
    room = apply(room, ['control', { message: 'update', ...caller(false, true) }]);
    expect(presence(room.people.c1)).toEqual({ phone: true, muted: true, handUp: true });
    room = apply(room, ['control', { message: 'update', ...caller(true, false) }]);
    expect(presence(room.people.c1)).toEqual({ phone: true, muted: false, handUp: false });
  });

  test('participants without a kind (older nodes) are not callers', () => {
    const room = apply(emptyRoom, ['control', joinSuccess()]);
    expect(room.people.u1.phone).toBe(false);
  });

  test('the meeting\'s call-in comes with join_success when its details are shown', () => {
    const callIn = { tel: '+49 30 1234567', id: '1234567890', password: '0987654321' };
    const shown = apply(emptyRoom, ['control', joinSuccess({ event_info: { id: 'e1', room_id: 'r1', title: 'Retro', is_adhoc: false, e2e_encryption: false, meeting_details: { call_in: callIn, streaming_links: [] } } })]);
    expect(shown.callIn).toEqual(callIn);
    const hidden = apply(emptyRoom, ['control', joinSuccess({ event_info: { id: 'e1', room_id: 'r1', title: 'Retro', is_adhoc: false, e2e_encryption: false } })]);
    expect(hidden.callIn).toBeNull();
    expect(apply(emptyRoom, ['control', joinSuccess()]).callIn).toBeNull();
  });
});
