import { expect, test } from 'vitest';
import { ApiError } from '../api';
import { translator } from '../text';
import { adminProblem, formatDuration } from './AdminNode';

const en = translator('en');
const de = translator('de');

test('uptime is told to the unit that matters', () => {
  expect(formatDuration(9.7, en)).toBe('9 s');
  expect(formatDuration(4 * 60 + 12, en)).toBe('4 min 12 s');
  expect(formatDuration(2 * 3600 + 5 * 60 + 3, en)).toBe('2 h 5 min');
  expect(formatDuration(3 * 86400 + 4 * 3600, de)).toBe('3 T. 4 Std.');
});

test('a refused admin action is told in words, not as a status', () => {
  const refused = (status: number) => new ApiError({ status, code: 'x', title: 'x' } as never);
  expect(adminProblem(refused(404), en)).toBe('That meeting is not running any more.');
  expect(adminProblem(refused(404), en, true)).toBe('That person is no longer in the meeting.');
  expect(adminProblem(refused(503), de)).toContain('Bitte in ein paar Sekunden erneut versuchen.');
  expect(adminProblem(new TypeError('Failed to fetch'), en)).toContain('try again in a few seconds');
});
