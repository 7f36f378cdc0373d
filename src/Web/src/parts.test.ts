import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { dialIn } from './dialIn';
import { simulcastLayers } from './media';
import { level } from './pages/Lobby';
import { mirroredSchemas } from './protocol';
import { clock } from './room/Overlays';
import { spread } from './room/ModerationPanel';
import { routeOf } from './routes';
import { translator } from './text';
import { nextQuarter, recurrenceChoice, recurrenceRules } from './when';

const repo = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, repo), 'utf8');

describe('contract with src/Protocol', () => {
  // Every signaling action the app sends and every server message it handles must exist in the server's protocol.
  const protocol = readdirSync(new URL('src/Protocol/Signaling/', repo), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.cs'))
    .map((f) => read(`src/Protocol/Signaling/${f}`))
    .join('\n');
  const serverMessages = new Set([...protocol.matchAll(/ServerPayload\("([a-z_]+)"\)/g)].map((m) => m[1]));
  const actions = new Set([...protocol.matchAll(/const string \w+ = "([a-z_]+)"/g)].map((m) => m[1]));
  const namespaces = new Set([...read('src/Protocol/Signaling/Namespaces.cs').matchAll(/= "([a-z_]+)"/g)].map((m) => m[1]));
  const sources = ['room.ts', 'media.ts', 'signaling.ts', 'room/useMeeting.ts', 'room/ChatPanel.tsx', 'room/PeoplePanel.tsx',
    'room/ModerationPanel.tsx', 'room/Overlays.tsx', 'room/Conference.tsx', 'room/Recording.tsx', 'dialOut.ts', 'room/DialOut.tsx'].map((f) => read(`src/Web/src/${f}`)).join('\n');

  test('actions the app sends are actions of the server', () => {
    const sent = [...new Set([...sources.matchAll(/action: '([a-z_]+)'/g)].map((m) => m[1]))];
    expect(sent.length).toBeGreaterThan(20);
    expect(sent.filter((a) => !actions.has(a))).toEqual([]);
  });

  test('messages the app handles are messages the server sends', () => {
    const handled = [...new Set([...sources.matchAll(/(?:case|message ===) '([a-z_]+)'/g)].map((m) => m[1]))];
    expect(handled.length).toBeGreaterThan(20);
    expect(handled.filter((m) => !serverMessages.has(m) && !namespaces.has(m))).toEqual([]);
  });

  test('REST types have exactly the fields of the OpenAPI document', () => {
    const schemas = JSON.parse(read('docs/openapi.json')).components.schemas;
    for (const [name, fields] of Object.entries(mirroredSchemas))
      expect([name, [...fields].sort()]).toEqual([name, Object.keys(schemas[name].properties).sort()]);
  });
});

describe('small parts', () => {
  test('addresses map to pages', () => {
    expect(routeOf('/')).toEqual({ page: 'dashboard' });
    expect(routeOf('/profile')).toEqual({ page: 'profile' });
    expect(routeOf('/room/0b6c3c59-2f36-4a4e-9d8a-2a3f7c1e9f10')).toEqual({ page: 'room', roomId: '0b6c3c59-2f36-4a4e-9d8a-2a3f7c1e9f10' });
    expect(routeOf('/invite/abc%2Fdef')).toEqual({ page: 'invite', code: 'abc/def' });
    expect(routeOf('/room/not-an-id')).toEqual({ page: 'not-found' });
  });

  test('breakout rooms get people evenly', () => {
    expect(spread(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([['a', 'c', 'e'], ['b', 'd']]);
    expect(spread([], 3)).toEqual([[], [], []]);
  });

  test('countdowns read as minutes and seconds', () => {
    expect(clock(299_100)).toBe('05:00');
    expect(clock(61_000)).toBe('01:01');
    expect(clock(3_600_000)).toBe('1:00:00');
    expect(clock(-5)).toBe('00:00');
  });

  test('the microphone meter shows silence as empty and speech as full', () => {
    expect(level(new Float32Array(512))).toBe(0);
    expect(level(new Float32Array(512).fill(0.5))).toBe(1);
  });

  test('simulcast layers are listed highest quality first, and only for HD cameras', () => {
    expect(simulcastLayers(640)).toBeUndefined();
    const layers = simulcastLayers(1280)!;
    expect(layers.map((l) => l.scaleResolutionDownBy ?? 1)).toEqual([1, 2, 4]);
  });

  test('recurrence choices round-trip; other rules are kept as custom', () => {
    for (const [name, rule] of Object.entries(recurrenceRules)) expect(recurrenceChoice(rule)).toBe(name);
    expect(recurrenceChoice(['RRULE:FREQ=YEARLY'])).toBe('custom');
  });

  test('a new meeting starts on a quarter hour', () => {
    expect(nextQuarter(new Date(2026, 10, 25, 9, 7))).toBe('2026-11-25T10:15');
  });

  test('dial-in reads as number, conference id and PIN, without the number while there is none', () => {
    const callIn = { tel: '+49 30 1234567', id: '1234567890', password: '0987654321' };
    expect(dialIn(callIn, translator('en'))).toBe('Dial in: +49 30 1234567 · Conference ID 1234567890 · PIN 0987654321');
    expect(dialIn(callIn, translator('de'))).toBe('Einwahl: +49 30 1234567 · Konferenz-ID 1234567890 · PIN 0987654321');
    expect(dialIn({ ...callIn, tel: '' }, translator('en'))).toBe('Conference ID 1234567890 · PIN 0987654321');
    expect(dialIn({ ...callIn, tel: ' ' }, translator('de'))).toBe('Konferenz-ID 1234567890 · PIN 0987654321');
  });

  test('texts fill in their placeholders in both languages', () => {
    expect(translator('en')('chatUnread', { count: 3 })).toBe('Chat, 3 unread');
    expect(translator('de')('chatUnread', { count: 3 })).toBe('Chat, 3 ungelesen');
  });
});

describe('breakout assignment', () => {
  test('people placed by hand stay where they were put; the rest are spread', async () => {
    const { assignRooms } = await import('./room/ModerationPanel');
    expect(assignRooms(['a', 'b', 'c', 'd'], 2, { a: 1, d: -1 })).toEqual([['b'], ['c', 'a']]);
    expect(assignRooms(['a', 'b'], 1, { a: 3 })).toEqual([['a', 'b']]); // a room that no longer exists: spread again
  });
});

describe('simulcast layers per tile', () => {
  test('large tiles and small grids get the best layer, the strip the smallest', async () => {
    const { layerFor } = await import('./room/Stage');
    expect(layerFor('large', 12)).toBe(2);
    expect(layerFor('strip', 2)).toBe(0);
    expect([layerFor('grid', 4), layerFor('grid', 9), layerFor('grid', 16)]).toEqual([2, 1, 0]);
  });
});
