import { describe, expect, test } from 'vitest';
import { Api, ApiError } from './api';
import type { AssetResource } from './protocol';
import { documentKindOf, formatDuration, formatSize, isRecording, newestFirst, plainError } from './recordings';
import { routeOf } from './routes';
import { translator } from './text';

const asset = (id: string, created_at: string, extra: Partial<AssetResource> = {}): AssetResource =>
  ({ id, filename: `recording-${id}.webm`, namespace: 'recording', created_at, kind: 'record', size: 1, ...extra });

describe('how recordings read', () => {
  test('sizes in human units, in the reader\'s language', () => {
    expect(formatSize(0, 'en')).toBe('0 bytes');
    expect(formatSize(999, 'en')).toBe('999 bytes');
    expect(formatSize(999, 'de')).toBe('999 Byte');
    expect(formatSize(1_500, 'en')).toBe('1.5 kB');
    expect(formatSize(1_500_000, 'de')).toBe('1,5 MB');
    expect(formatSize(734_003_200, 'en')).toBe('734 MB');
    expect(formatSize(2_000_000_000, 'en')).toBe('2 GB');
    expect(formatSize(-5, 'en')).toBe('0 bytes');
  });

  test('newest first; a file that two pages both had is listed once', () => {
    const older = asset('a', '2026-03-01T10:00:00Z');
    const newer = asset('b', '2026-03-02T09:00:00Z');
    expect(newestFirst([older, newer, older]).map((a) => a.id)).toEqual(['b', 'a']);
  });

  test('only the recorder\'s files count as recordings', () => {
    expect(isRecording(asset('a', '2026-03-01T10:00:00Z'))).toBe(true);
    expect(isRecording(asset('b', '2026-03-01T10:00:00Z', { namespace: 'whiteboard', kind: 'pdf' }))).toBe(false);
  });

  test('the other files of a room are told apart by the module that made them', () => {
    expect(documentKindOf(asset('a', '2026-03-01T10:00:00Z', { namespace: 'meeting_notes', kind: 'meetingnotes_pdf' }))).toBe('meeting_notes');
    expect(documentKindOf(asset('b', '2026-03-01T10:00:00Z', { namespace: 'whiteboard', kind: 'whiteboard_pdf' }))).toBe('whiteboard');
    expect(documentKindOf(asset('c', '2026-03-01T10:00:00Z', { namespace: 'something_new', kind: 'x' }))).toBe('other');
  });

  test('errors are said in plain words', () => {
    const t = translator('en');
    const refused = (status: number) => new ApiError({ status, code: 'x', title: 'x' });
    expect(plainError(refused(403), t)).toBe("Only the meeting's owner can see its recordings.");
    expect(plainError(refused(404), t)).toMatch(/no longer exists/);
    expect(plainError(new TypeError('Failed to fetch'), t)).toMatch(/could not be reached/);
  });

  test('my recordings have an address', () => {
    expect(routeOf('/recordings')).toEqual({ page: 'recordings' });
  });
});

describe('recordings over REST', () => {
  /** An Api whose fetch answers from `answer` and keeps every request. */
  const recording = (answer: (url: string, init: RequestInit) => Response) => {
    const calls: { url: string; method: string; authorization: string | undefined }[] = [];
    const fetcher = (async (url: string, init: RequestInit) => {
      calls.push({ url, method: init.method ?? 'GET', authorization: (init.headers as Record<string, string>).Authorization });
      return answer(url, init);
    }) as typeof fetch;
    return { api: new Api('token', '', fetcher), calls };
  };

  test('a room\'s recordings, my recordings and a deletion go to OpenTalk\'s addresses', async () => {
    const list = [asset('a', '2026-03-01T10:00:00Z')];
    const { api, calls } = recording((url, init) =>
      init.method === 'DELETE' ? new Response(null, { status: 204 })
        : new Response(JSON.stringify(url.startsWith('/v1/users') ? { owned_assets: list } : list), { status: 200 }));
    expect(await api.roomAssets('r1')).toEqual(list);
    expect(await api.roomAssets('r1', 2)).toEqual(list);
    expect(await api.myAssets()).toEqual(list);
    await api.deleteAsset('r1', 'a');
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /v1/rooms/r1/assets?per_page=100&page=1',
      'GET /v1/rooms/r1/assets?per_page=100&page=2',
      'GET /v1/users/me/assets?per_page=100&page=1&sort=created_at&order=descending',
      'DELETE /v1/rooms/r1/assets/a',
    ]);
  });

  test('the file is fetched with the bearer token, whole, as a blob of its type', async () => {
    const { api, calls } = recording(() => new Response(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3]), { status: 200, headers: { 'Content-Type': 'video/webm' } }));
    const file = await api.assetFile('r1', 'a');
    expect(calls).toEqual([{ url: '/v1/rooms/r1/assets/a', method: 'GET', authorization: 'Bearer token' }]);
    expect(file.type).toBe('video/webm');
    expect(file.size).toBe(4);
  });

  test('a refused file is an ApiError with the node\'s problem', async () => {
    const { api } = recording(() => new Response(JSON.stringify({ status: 403, code: 'forbidden', title: 'Forbidden' }), { status: 403 }));
    await expect(api.assetFile('r1', 'a')).rejects.toMatchObject({ problem: { status: 403 } });
  });
});

describe('formatDuration', () => {
  test('writes minutes and seconds, and hours only when there are some', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(42.4)).toBe('0:42');
    expect(formatDuration(725)).toBe('12:05');
    expect(formatDuration(3729)).toBe('1:02:09');
  });
});
