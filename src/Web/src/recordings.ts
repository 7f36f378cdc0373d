// How recordings read in the app: which files are recordings, their order, sizes and dates, and errors in plain words.

import { ApiError } from './api';
import type { AssetResource } from './protocol';
import type { Translate } from './text';

/** A room's file that the recorder made (the node may keep other files for a room later). */
export const isRecording = (asset: AssetResource) => asset.namespace === 'recording' || asset.kind === 'record';

/** What a room's other files are, for a label: the module that made them (OpenTalk's asset namespaces). */
export type DocumentKind = 'meeting_notes' | 'whiteboard' | 'meeting_report' | 'shared_folder' | 'other';

export const documentKindOf = (asset: AssetResource): DocumentKind =>
  (['meeting_notes', 'whiteboard', 'meeting_report', 'shared_folder'] as const).find((k) => k === asset.namespace) ?? 'other';

/** Newest first; the same file twice (a page that shifted while a new recording arrived) is listed once. */
export function newestFirst<T extends AssetResource>(assets: readonly T[]): T[] {
  const seen = new Set<string>();
  return assets
    .filter((a) => !seen.has(a.id) && !!seen.add(a.id))
    .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || a.filename.localeCompare(b.filename));
}

const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** "1.5 MB" (decimal units, as file managers show them), in the reader's language: "1,5 MB" in German. */
/** How long a recording plays: "0:42", "12:05", "1:02:09". */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

export function formatSize(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  // Whole bytes and anything from 100 up need no decimal; "1.5 MB" does.
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  // Bytes spelled out ("999 bytes"; the short form reads "999 byte" in English), the larger units abbreviated.
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: unit === 0 ? 'long' : 'short', maximumFractionDigits: digits })
    .format(value);
}

/** What went wrong with a recording, said so that the person can act on it. */
export function plainError(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.problem.status === 403) return t('recordingsForbidden');
    if (error.problem.status === 404) return t('recordingGone');
    if (error.problem.status === 503) return t('recordingsUnavailable');
    return error.message || t('failed');
  }
  // fetch rejects with a TypeError when the node cannot be reached at all.
  if (error instanceof TypeError) return t('serverUnreachable');
  return t('failed');
}
