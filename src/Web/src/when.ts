// How meeting times read in the dashboard: the next occurrence in the meeting's own zone.

import type { TextKey } from './i18n';
import type { DateTimeTz, EventInvite, EventResource } from './protocol';
import type { Translate } from './text';

export const statusKey: Record<EventInvite['status'], TextKey> = {
  pending: 'status_pending', accepted: 'status_accepted', tentative: 'status_tentative', declined: 'status_declined',
};

/** "2026-12-01T09:30": the instant (UTC on the wire) as the local time in its meeting's zone. */
export function localInZone(d: DateTimeTz): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: d.timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(d.datetime));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/** "2026-12-01 09:30" in the meeting's zone. */
export const wallClock = (d: DateTimeTz) => localInZone(d).replace('T', ' ');

export function describeWhen(e: EventResource, t: Translate): string {
  if (e.is_time_independent) return t('anyTime');
  const next = e.next_occurrence ?? (e.starts_at && e.ends_at ? { starts_at: e.starts_at, ends_at: e.ends_at } : null);
  if (!next) return t('noMoreOccurrences');
  return `${wallClock(next.starts_at)} – ${wallClock(next.ends_at).slice(11)} (${next.starts_at.timezone})`;
}

/** A local date-time as the API takes it (`2026-12-01T09:30:00`), from an <input type=datetime-local> value. */
export const fromInput = (value: string) => (value.length === 16 ? `${value}:00` : value);

/** The other way round: the local time in the meeting's zone. */
export const toInput = (d: DateTimeTz | null | undefined) => (d ? localInZone(d) : '');

/** An hour from now, rounded up to the next quarter, as an input value in the browser's zone. */
export function nextQuarter(now: Date, plusMinutes = 0): string {
  const d = new Date(now.getTime() + 3600_000 + plusMinutes * 60_000);
  d.setMinutes(Math.ceil(d.getMinutes() / 15) * 15, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const recurrenceRules: Record<string, string[]> = {
  none: [],
  daily: ['RRULE:FREQ=DAILY'],
  weekdays: ['RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
  weekly: ['RRULE:FREQ=WEEKLY'],
  monthly: ['RRULE:FREQ=MONTHLY'],
};

/** Which of the simple choices a recurrence is ("custom" for anything else). */
export function recurrenceChoice(pattern: string[]): string {
  for (const [name, rule] of Object.entries(recurrenceRules)) if (rule.join('\n') === pattern.join('\n')) return name;
  return 'custom';
}
