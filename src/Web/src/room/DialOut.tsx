import { useEffect, useId, useState } from 'react';
import { dial, dialing, forgetCall, type PhoneCall } from '../dialOut';
import type { RoomView } from '../room';
import type { Send } from '../signaling-protocol';
import { useText, type Translate } from '../text';

/** How long an answered call stays listed: from then on the callee is in the people list. */
const ANSWERED_SHOWN_MS = 5_000;

const failures = {
  busy: 'callBusy', declined: 'callDeclined', no_answer: 'callNoAnswer', unreachable: 'callUnreachable', no_gateway: 'callNoGateway',
} as const;

const refusals = { invalid_phone_number: 'notAPhoneNumber', too_many_calls: 'tooManyCalls', insufficient_permissions: 'onlyModeratorsCall' } as const;

/** A call in words: "Calling +49…", "+49… answered", "+49… is busy", … */
export function callText(t: Translate, call: PhoneCall): string {
  const key = call.status === 'dialing' ? 'callDialing' : call.status === 'answered' ? 'callAnswered' : (call.reason && failures[call.reason]) || 'callFailed';
  return t(key, { number: call.number });
}

/** Why the server refused a dial, in words. */
export const refusalText = (t: Translate, error: string): string =>
  error in refusals ? t(refusals[error as keyof typeof refusals]) : t('serverSaid', { error });

/** The moderator's phone: calls a number into the meeting and lists this room's calls as they go. */
export function DialOutTool({ room, send, update }: { room: RoomView; send: Send; update: (change: (room: RoomView) => RoomView) => void }) {
  const t = useText();
  const [number, setNumber] = useState('');
  const [invalid, setInvalid] = useState(false);
  const messageId = useId();
  const { calls, error } = room.dialOut;
  const forget = (id: string) => update((r) => ({ ...r, dialOut: forgetCall(r.dialOut, id) }));

  useEffect(() => {
    const timers = calls.filter((c) => c.status === 'answered').map((c) => window.setTimeout(() => forget(c.id), ANSWERED_SHOWN_MS));
    return () => timers.forEach((id) => window.clearTimeout(id));
    // Only a changed list starts the clocks again (update is a new function on every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [calls]);

  if (room.myRole !== 'moderator') return null;
  const message = invalid ? t('notAPhoneNumber') : error ? refusalText(t, error) : null;
  return (
    <form className="tool dial-out" onSubmit={(e) => {
      e.preventDefault();
      const sent = dial(send, number);
      setInvalid(!sent);
      if (!sent) return;
      setNumber('');
      update((r) => ({ ...r, dialOut: dialing(r.dialOut) }));
    }}>
      <label className="compact">{t('phoneNumber')}
        <input type="tel" inputMode="tel" autoComplete="tel" value={number} aria-invalid={invalid || error === 'invalid_phone_number'}
          aria-describedby={message ? messageId : undefined} onChange={(e) => { setNumber(e.target.value); setInvalid(false); }} />
      </label>
      {message && <p className="field-error" id={messageId} role="alert">{message}</p>}
      <button type="submit" className="primary" disabled={number.trim() === ''}>{t('call')}</button>
      <ul className="calls" aria-label={t('calls')} aria-live="polite">
        {calls.map((c) => (
          <li key={c.id} className={c.status}>
            <span className="grow">{callText(t, c)}</span>
            {c.status === 'failed' && <button type="button" className="link" onClick={() => forget(c.id)}>{t('dismiss')}</button>}
          </li>
        ))}
      </ul>
    </form>
  );
}
