import { describe, expect, test } from 'vitest';
import type { EventResource } from './protocol';
import { translator } from './text';
import { byNextStart, describeWhen, formatDateTime, formatTime } from './when';

const meeting = (title: string, extra: Partial<EventResource> = {}): EventResource =>
  ({ id: title, title, description: '', created_at: '2026-11-01T08:00:00Z', is_time_independent: false, starts_at: null, ends_at: null, ...extra }) as EventResource;
const at = (datetime: string, timezone = 'Europe/Berlin') => ({ datetime, timezone });

describe('dates and times', () => {
  test('read the same way on every page, in the format of the language', () => {
    expect(formatDateTime('2026-12-05T21:12:05Z', 'de', 'Europe/Berlin')).toBe('5.12.2026, 22:12');
    expect(formatDateTime('2026-12-05T21:12:05Z', 'en', 'Europe/Berlin')).toBe('Dec 5, 2026, 10:12 PM');
    expect(formatTime('2026-12-05T21:12:05Z', 'de', 'Europe/Berlin')).toBe('22:12');
    expect(formatTime('2026-12-05T21:12:05Z', 'en', 'Europe/Berlin')).toBe('10:12 PM');
  });

  test('a meeting shows its start and end in its own zone and the reader\'s language', () => {
    const m = meeting('Review', { starts_at: at('2026-12-05T09:00:00Z'), ends_at: at('2026-12-05T10:30:00Z') });
    expect(describeWhen(m, translator('de'))).toBe('5.12.2026, 10:00 – 11:30 (Europe/Berlin)');
    expect(describeWhen(m, translator('en'))).toBe('Dec 5, 2026, 10:00 AM – 11:30 AM (Europe/Berlin)');
    const overnight = meeting('Night', { starts_at: at('2026-12-05T21:00:00Z'), ends_at: at('2026-12-06T01:00:00Z') });
    expect(describeWhen(overnight, translator('de'))).toBe('5.12.2026, 22:00 – 6.12.2026, 02:00 (Europe/Berlin)');
  });
});

describe('the order of meetings', () => {
  test('is by next start, soonest first, then meetings without a time, newest first', () => {
    const seventh = meeting('Seventh', { starts_at: at('2026-12-07T09:00:00Z'), ends_at: at('2026-12-07T10:00:00Z') });
    const fifth = meeting('Fifth', { starts_at: at('2026-12-05T09:00:00Z'), ends_at: at('2026-12-05T10:00:00Z') });
    const series = meeting('Series', {
      starts_at: at('2026-11-01T09:00:00Z'), ends_at: at('2026-11-01T10:00:00Z'),
      next_occurrence: { instance_id: 'x', starts_at: at('2026-12-06T09:00:00Z'), ends_at: at('2026-12-06T10:00:00Z') },
    });
    const older = meeting('Older', { is_time_independent: true, created_at: '2026-10-01T08:00:00Z' });
    const quick = meeting('Quick', { is_time_independent: true, created_at: '2026-12-01T08:00:00Z' });
    expect([older, seventh, quick, series, fifth].sort(byNextStart).map((m) => m.title)).toEqual(['Fifth', 'Series', 'Seventh', 'Quick', 'Older']);
  });
});

describe('counts', () => {
  test('say one in the singular and any other number in the plural, in both languages', () => {
    const [en, de] = [translator('en'), translator('de')];
    expect(en('attendees', { count: 1 })).toBe('1 person');
    expect(en('attendees', { count: 2 })).toBe('2 people');
    expect(en('attendees', { count: 0 })).toBe('0 people');
    expect(de('attendees', { count: 1 })).toBe('1 Person');
    expect(de('attendees', { count: 4 })).toBe('4 Personen');
    expect(en('votesFor', { count: 1, choice: 'Yes' })).toBe('1 vote for Yes');
    expect(de('votesFor', { count: 1, choice: 'Ja' })).toBe('1 Stimme für Ja');
    expect(en('pollClosed', { count: 1 })).toBe('Poll closed · 1 vote');
    expect(de('pollClosed', { count: 3 })).toBe('Umfrage beendet · 3 Stimmen');
    expect(de('participantsWaiting', { count: 1 })).toBe('Personen, 1 wartet');
    expect(de('participantsWaiting', { count: 2 })).toBe('Personen, 2 warten');
    expect(en('peopleHere', { count: 1 })).toBe('1 person here');
    expect(de('peopleHere', { count: 1 })).toBe('1 Person hier');
    // A number that is not a count is no reason to choose a form.
    expect(en('attendees', { count: '1' })).toBe('1 people');
  });
});
