// Calls a moderator places to phones (`dial_out`, ours): the number check the server makes, and this room's calls as
// `call_updated` reports them to the moderators. Pure: the moderation panel renders what this returns.

import type { Send } from './signaling-protocol';

export type CallFailure = 'busy' | 'declined' | 'no_answer' | 'unreachable' | 'no_gateway';

export interface PhoneCall {
  id: string;
  /** The number as the server dials it (what people write between digits dropped). */
  number: string;
  status: 'dialing' | 'answered' | 'failed';
  /** Why it failed; null unless `failed`. */
  reason: CallFailure | null;
  /** The callee in the room once they answered. */
  participantId: string | null;
}

export interface DialOutView {
  /** Calls under way and ended ones not yet put away, oldest first. */
  calls: PhoneCall[];
  /** Why the server refused my last dial (`invalid_phone_number`, `too_many_calls`, …), until I dial again. */
  error: string | null;
}

export const noCalls: DialOutView = { calls: [], error: null };

/** What people write between digits, which the server drops: spaces, dashes, brackets, dots and slashes. */
const separators = /[ \-()./]/g;

/** The number as the server will dial it (3 to 20 digits, a leading + at most), or null when it is not one. */
export function phoneNumber(input: string): string | null {
  const kept = input.replace(separators, '');
  return /^\+?[0-9]{3,20}$/.test(kept) ? kept : null;
}

/** Asks the server to call `number` into the meeting; false, and nothing sent, when it is not a phone number. */
export function dial(send: Send, number: string): boolean {
  if (phoneNumber(number) === null) return false;
  send('dial_out', { action: 'dial', number });
  return true;
}

type WireCall = { call_id: string; number: string; status: PhoneCall['status']; reason?: CallFailure | null; participant_id?: string | null };

/** Applies one `dial_out` message: news of a call (mine or another moderator's), or the server's refusal of my dial. */
export function dialOut(view: DialOutView, payload: Record<string, unknown>): DialOutView {
  switch (payload.message) {
    case 'call_updated': {
      const w = payload as unknown as WireCall;
      const call: PhoneCall = { id: w.call_id, number: w.number, status: w.status, reason: w.reason ?? null, participantId: w.participant_id ?? null };
      const known = view.calls.some((c) => c.id === call.id);
      return { ...view, calls: known ? view.calls.map((c) => (c.id === call.id ? call : c)) : [...view.calls, call] };
    }
    case 'error':
      return { ...view, error: String(payload.error) };
    default:
      return view;
  }
}

/** Before a new dial: the last refusal no longer applies. */
export const dialing = (view: DialOutView): DialOutView => ({ ...view, error: null });

/** The list without a call that ended (answered a while ago, or its failure read). */
export const forgetCall = (view: DialOutView, id: string): DialOutView => ({ ...view, calls: view.calls.filter((c) => c.id !== id) });
