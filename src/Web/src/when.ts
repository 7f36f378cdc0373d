// How dates and times read on every page, in the reader's language; a meeting's times in the meeting's own zone.

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

/**
 * How a date with its time reads in each language, on every page: "5.12.2026, 22:12" in German, "Dec 5, 2026, 10:12 PM"
 * in English. Languages without their own entry take the English one.
 */
const dateTimeStyle: Record<string, Intl.DateTimeFormatOptions> = {
  de: { day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  en: { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' },
};
const styleOf = (locale: string) => dateTimeStyle[locale] ?? dateTimeStyle.en;

/** A moment (ISO text or Date) as date and time in `locale`'s format; in `timeZone` (a meeting's own) or the browser's. */
export function formatDateTime(when: string | Date, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { ...styleOf(locale), timeZone }).format(new Date(when));
}

/** Only the time of day, as `formatDateTime` writes it: "22:12", "10:12 PM". */
export function formatTime(when: string | Date, locale: string, timeZone?: string): string {
  const { hour, minute } = styleOf(locale);
  return new Intl.DateTimeFormat(locale, { hour, minute, timeZone }).format(new Date(when));
}

/** A meeting's time in its own zone: "5.12.2026, 22:12". */
export const formatInZone = (d: DateTimeTz, locale: string) => formatDateTime(d.datetime, locale, d.timezone);

export function describeWhen(e: EventResource, t: Translate): string {
  if (e.is_time_independent) return t('anyTime');
  const next = e.next_occurrence ?? (e.starts_at && e.ends_at ? { starts_at: e.starts_at, ends_at: e.ends_at } : null);
  if (!next) return t('noMoreOccurrences');
  const locale = t('locale');
  const sameDay = localInZone(next.starts_at).slice(0, 10) === localInZone({ ...next.ends_at, timezone: next.starts_at.timezone }).slice(0, 10);
  const end = sameDay ? formatTime(next.ends_at.datetime, locale, next.starts_at.timezone) : formatInZone({ ...next.ends_at, timezone: next.starts_at.timezone }, locale);
  return `${formatInZone(next.starts_at, locale)} – ${end} (${next.starts_at.timezone})`;
}

/** When a meeting next starts (ms since 1970), or null for one without time or without further dates. */
export function nextStart(e: EventResource): number | null {
  if (e.is_time_independent) return null;
  const start = e.next_occurrence?.starts_at ?? e.starts_at;
  return start ? new Date(start.datetime).getTime() : null;
}

/**
 * The order of meetings in lists: those with a time by their next start, soonest first; then those without a time (or
 * without further dates), newest first.
 */
export function byNextStart(a: EventResource, b: EventResource): number {
  const [x, y] = [nextStart(a), nextStart(b)];
  if (x !== null && y !== null) return x - y || a.title.localeCompare(b.title);
  if (x !== null) return -1;
  if (y !== null) return 1;
  return b.created_at.localeCompare(a.created_at);
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
