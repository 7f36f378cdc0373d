import { describe, expect, test } from 'vitest';
import { Signaling, signalingUrl, subprotocol, type ConnectionStatus } from './signaling';

/** A socket the test drives: it records what the client sends and can open, deliver and close. */
class FakeSocket {
  static readonly OPEN = 1;
  readyState = 0;
  sent: { namespace: string; payload: Record<string, unknown> }[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { reason: string; code: number }) => void) | null = null;
  constructor(public readonly url: string, public readonly protocols: string[]) {}
  send(frame: string) { this.sent.push(JSON.parse(frame)); }
  close() { this.readyState = 3; }
  open() { this.readyState = 1; this.onopen?.(); }
  deliver(namespace: string, payload: Record<string, unknown>) { this.onmessage?.({ data: JSON.stringify({ namespace, payload }) }); }
  drop(reason = '') { this.readyState = 3; this.onclose?.({ reason, code: 1006 }); }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function harness() {
  (globalThis as unknown as { WebSocket: unknown }).WebSocket = FakeSocket;
  const sockets: FakeSocket[] = [];
  const tickets: (string | null)[] = [];
  const statuses: ConnectionStatus[] = [];
  const received: string[] = [];
  let n = 0;
  const client = new Signaling({
    url: 'ws://node/signaling',
    displayName: 'Olga',
    ticket: async (resumption) => { tickets.push(resumption); n++; return { ticket: `t${n}`, resumption: `r${n}` }; },
    onMessage: (ns, p) => received.push(`${ns}/${String(p.message)}`),
    onStatus: (s) => statuses.push(s),
    socket: (url, protocols) => { const s = new FakeSocket(url, protocols); sockets.push(s); return s as unknown as WebSocket; },
    backoff: () => 0,
  });
  return { client, sockets, tickets, statuses, received };
}

describe('signaling', () => {
  test('opens with the ticket as subprotocol, joins, and passes messages on', async () => {
    const h = harness();
    await h.client.start();
    expect(h.sockets[0].protocols).toEqual([subprotocol, 'ticket#t1']);
    h.sockets[0].open();
    expect(h.sockets[0].sent[0]).toEqual({ namespace: 'control', payload: { action: 'join', display_name: 'Olga' } });
    h.sockets[0].deliver('control', { message: 'join_success' });
    expect(h.received).toEqual(['control/join_success']);
    expect(h.statuses).toEqual(['connecting', 'connected']);
  });

  test('after a dropped network it comes back as the same participant and sends what was typed meanwhile', async () => {
    const h = harness();
    await h.client.start();
    h.sockets[0].open();
    h.sockets[0].drop();
    h.client.send('chat', { action: 'send_message', content: 'still there?', scope: 'global' });
    await tick();
    await tick();
    expect(h.statuses.at(-1)).toBe('reconnecting');
    expect(h.tickets).toEqual([null, 'r1']); // the second ticket carries the first resumption token
    h.sockets[1].open();
    expect(h.sockets[1].sent.map((f) => f.payload.action)).toEqual(['join', 'send_message']);
    expect(h.statuses.at(-1)).toBe('connected');
  });

  test('a kick ends the participation: no reconnecting', async () => {
    const h = harness();
    await h.client.start();
    h.sockets[0].open();
    h.sockets[0].drop('kicked');
    await tick();
    expect(h.statuses.at(-1)).toBe('closed');
    expect(h.sockets).toHaveLength(1);
  });

  test('the address follows the page: wss on https', () => {
    expect(signalingUrl({ protocol: 'https:', host: 'meet.example.org' })).toBe('wss://meet.example.org/signaling');
    expect(signalingUrl({ protocol: 'http:', host: '10.0.0.1:8080' })).toBe('ws://10.0.0.1:8080/signaling');
  });
});
