import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { dial, dialing, forgetCall, phoneNumber } from './dialOut';
import { applyMessage, emptyRoom, type RoomView } from './room';
import { callText, DialOutTool, refusalText } from './room/DialOut';
import type { Send } from './signaling-protocol';
import { translator } from './text';

const en = translator('en');
const de = translator('de');
const moderator: RoomView = { ...emptyRoom, phase: 'in_room', me: 'me', myRole: 'moderator' };
const updated = (status: string, extra: Record<string, unknown> = {}) =>
  ({ message: 'call_updated', call_id: 'c1', number: '+49301234567', status, ...extra });
const apply = (room: RoomView, ...payloads: Record<string, unknown>[]) => payloads.reduce((r, p) => applyMessage(r, 'dial_out', p), room);
const render = (room: RoomView) => renderToStaticMarkup(createElement(DialOutTool, { room, send: () => {}, update: () => {} }));

describe('the phone number check (the server\'s rule)', () => {
  test('accepts digits with a leading + and what people write between them', () => {
    expect(phoneNumber('+49 30 1234-567')).toBe('+49301234567');
    expect(phoneNumber('(030) 123.45/67')).toBe('0301234567');
    expect(phoneNumber('112')).toBe('112');
  });

  test('refuses addresses, too few or too many digits, and a + anywhere but in front', () => {
    for (const wrong of ['sip:x@y', '12', '+49+30', '', '+', '123456789012345678901', '49 30 12a']) expect(phoneNumber(wrong)).toBeNull();
  });
});

describe('dialing', () => {
  test('a dial sends dial_out/dial with the number as typed', () => {
    const frames: { namespace: string; payload: unknown }[] = [];
    const send: Send = (namespace, payload) => frames.push({ namespace, payload });
    expect(dial(send, '+49 30 1234567')).toBe(true);
    expect(frames).toEqual([{ namespace: 'dial_out', payload: { action: 'dial', number: '+49 30 1234567' } }]);
  });

  test('a number that is not one is not sent', () => {
    const frames: unknown[] = [];
    expect(dial((...frame) => frames.push(frame), 'sip:x@y')).toBe(false);
    expect(frames).toEqual([]);
  });
});

describe('the room\'s calls', () => {
  test('a call being dialed is listed', () => {
    const room = apply(moderator, updated('dialing'));
    expect(room.dialOut.calls).toEqual([{ id: 'c1', number: '+49301234567', status: 'dialing', reason: null, participantId: null }]);
    expect(callText(en, room.dialOut.calls[0])).toBe('Calling +49301234567…');
  });

  test('a busy line fails with a message in plain words, in both languages', () => {
    const room = apply(moderator, updated('dialing'), updated('failed', { reason: 'busy' }));
    expect(room.dialOut.calls.map((c) => [c.status, c.reason])).toEqual([['failed', 'busy']]);
    expect(callText(en, room.dialOut.calls[0])).toBe('+49301234567 is busy');
    expect(callText(de, room.dialOut.calls[0])).toBe('+49301234567 ist besetzt');
    expect(callText(en, { ...room.dialOut.calls[0], reason: 'no_gateway' })).toBe('No phone gateway is available, so +49301234567 was not called');
  });

  test('an answered call is listed as answered with the callee, until put away', () => {
    let room = apply(moderator, updated('dialing'), updated('answered', { participant_id: 'p9' }));
    expect(room.dialOut.calls.map((c) => [c.status, c.participantId])).toEqual([['answered', 'p9']]);
    expect(callText(en, room.dialOut.calls[0])).toBe('+49301234567 answered');
    room = { ...room, dialOut: forgetCall(room.dialOut, 'c1') };
    expect(room.dialOut.calls).toEqual([]);
  });

  test('a refused dial is told beside the number, not in the room\'s banner, until the next dial', () => {
    const room = applyMessage(moderator, 'dial_out', { message: 'error', error: 'too_many_calls' });
    expect([room.dialOut.error, room.lastError]).toEqual(['too_many_calls', null]);
    expect(refusalText(en, room.dialOut.error!)).toMatch(/^Too many calls are under way/);
    expect(refusalText(en, 'invalid_phone_number')).toMatch(/^This is not a phone number/);
    expect(dialing(room.dialOut).error).toBeNull();
  });
});

describe('the phone form', () => {
  test('moderators get a labelled tel input, a Call button that waits for a number, and a polite list of calls', () => {
    const html = render(apply(moderator, updated('dialing')));
    expect(html).toMatch(/<label[^>]*>Phone number<input type="tel" inputMode="tel" autoComplete="tel"/);
    expect(html).toMatch(/<button type="submit" class="primary" disabled="">Call<\/button>/);
    expect(html).toMatch(/<ul class="calls" aria-label="Calls" aria-live="polite"><li class="dialing">.*Calling \+49301234567…/);
  });

  test('non-moderators see no control', () => {
    expect(render({ ...moderator, myRole: 'user' })).toBe('');
    expect(render({ ...moderator, myRole: 'guest' })).toBe('');
  });
});
