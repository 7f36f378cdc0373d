import type { CallIn } from './room';
import type { Translate } from './text';

/** How to join by phone in one line: "Dial in: <tel> · Conference ID <id> · PIN <pin>", without the number while there is none. */
export function dialIn(callIn: CallIn, t: Translate): string {
  const codes = t('dialInCodes', { id: callIn.id, pin: callIn.password });
  const tel = callIn.tel.trim();
  return tel ? `${t('dialInNumber', { tel })} · ${codes}` : codes;
}
