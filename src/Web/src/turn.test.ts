import { describe, expect, it } from 'vitest';
import { IceServers, expiryOf, toRtcIceServers } from './turn';

describe('ICE servers from GET /v1/turn', () => {
  it('turns TURN and STUN entries into RTCIceServer objects', () => {
    expect(toRtcIceServers([
      { uris: ['turn:t.example:3478?transport=udp'], username: '1700000000:abc', password: 'p', ttl: '1700000000' },
      { uris: ['stun:s.example:3478'] },
    ])).toEqual([
      { urls: ['turn:t.example:3478?transport=udp'], username: '1700000000:abc', credential: 'p' },
      { urls: ['stun:s.example:3478'] },
    ]);
  });

  it('has none when the node has none (204) and skips entries without addresses', () => {
    expect(toRtcIceServers(undefined)).toEqual([]);
    expect(toRtcIceServers([{ uris: [] }])).toEqual([]);
  });

  it('knows the earliest expiry', () => {
    expect(expiryOf([{ uris: ['turn:a'], ttl: '200' }, { uris: ['turn:b'], ttl: '100' }, { uris: ['stun:c'] }])).toBe(100_000);
    expect(expiryOf([{ uris: ['stun:c'] }])).toBe(Infinity);
  });

  it('fetches once while the credentials are valid and again shortly before they expire', async () => {
    let now = 0;
    let fetches = 0;
    const servers = new IceServers(async () => {
      fetches++;
      return [{ uris: ['turn:t'], username: `u${fetches}`, password: 'p', ttl: String(3600) }];
    }, () => now);
    const [a, b] = await Promise.all([servers.get(), servers.get()]);
    expect(fetches).toBe(1);
    expect(a).toBe(b);
    now = 3000_000;
    await servers.get();
    expect(fetches).toBe(1);
    now = 3600_000 - 60_000;
    expect((await servers.get())[0].username).toBe('u2');
  });

  it('answers with what it had when a fetch fails, and asks again later', async () => {
    let now = 0;
    let fail = true;
    let fetches = 0;
    const servers = new IceServers(async () => {
      fetches++;
      if (fail) throw new Error('offline');
      return [{ uris: ['stun:s'] }];
    }, () => now);
    expect(await servers.get()).toEqual([]);
    fail = false;
    expect(await servers.get()).toEqual([]);
    expect(fetches).toBe(1);
    now = 31_000;
    expect(await servers.get()).toEqual([{ urls: ['stun:s'] }]);
  });
});
