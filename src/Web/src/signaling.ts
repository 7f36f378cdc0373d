// The signaling socket of one participant: JSON envelopes {namespace, payload}, the ticket as subprotocol, and
// automatic resumption after a dropped network (a fresh ticket for the same participant, then `join` again).

import type { ClientMessages, Namespace } from './signaling-protocol';

export const subprotocol = 'opentalk-signaling-json-v1.0';

export type Payload = Record<string, unknown> & { message?: string; action?: string };

export interface Ticket {
  ticket: string;
  resumption: string;
}

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'closed';

/** Close reasons after which coming back makes no sense (the server ended this participation on purpose). */
const finalReasons = new Set(['left', 'kicked', 'banned', 'replaced_by_new_connection', 'breakout_ended', 'not_present']);

export interface SignalingOptions {
  url: string;
  /** Gets a ticket; with the last resumption token when reconnecting, so the server knows it is the same participant. */
  ticket: (resumption: string | null) => Promise<Ticket>;
  displayName: string;
  onMessage: (namespace: string, payload: Payload) => void;
  onStatus: (status: ConnectionStatus, reason?: string) => void;
  /** Socket factory, replaceable in unit tests. */
  socket?: (url: string, protocols: string[]) => WebSocket;
  /** Milliseconds to wait before the n-th attempt to reconnect. */
  backoff?: (attempt: number) => number;
}

export class Signaling {
  private socket: WebSocket | null = null;
  private resumption: string | null = null;
  private attempt = 0;
  private stopped = false;
  private readonly outbox: string[] = [];

  constructor(private readonly options: SignalingOptions) {}

  async start(): Promise<void> {
    this.options.onStatus('connecting');
    await this.open();
  }

  send<N extends Namespace>(namespace: N, payload: ClientMessages[N]): void {
    const frame = JSON.stringify({ namespace, payload });
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(frame);
    else this.outbox.push(frame); // sent once the socket is back
  }

  /** Leaves on purpose: no reconnecting afterwards. */
  leave(): void {
    this.stopped = true;
    if (this.socket?.readyState === WebSocket.OPEN) this.send('control', { action: 'leave' });
    this.socket?.close(1000, 'left');
    this.options.onStatus('closed', 'left');
  }

  private async open(): Promise<void> {
    const ticket = await this.options.ticket(this.resumption);
    this.resumption = ticket.resumption;
    const create = this.options.socket ?? ((url, protocols) => new WebSocket(url, protocols));
    const socket = create(this.options.url, [subprotocol, `ticket#${ticket.ticket}`]);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      socket.send(JSON.stringify({ namespace: 'control', payload: { action: 'join', display_name: this.options.displayName } }));
      for (const frame of this.outbox.splice(0)) socket.send(frame);
      this.options.onStatus('connected');
    };
    socket.onmessage = (event) => {
      const { namespace, payload } = JSON.parse(String(event.data)) as { namespace: string; payload: Payload };
      this.options.onMessage(namespace, payload);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket || this.stopped) return;
      if (finalReasons.has(event.reason)) {
        this.stopped = true;
        this.options.onStatus('closed', event.reason);
        return;
      }
      this.options.onStatus('reconnecting', event.reason);
      void this.reconnect();
    };
  }

  private async reconnect(): Promise<void> {
    while (!this.stopped) {
      const wait = (this.options.backoff ?? ((n) => Math.min(10_000, 500 * 2 ** n)))(this.attempt++);
      await new Promise((resolve) => setTimeout(resolve, wait));
      if (this.stopped) return;
      try {
        await this.open();
        return;
      } catch {
        // The node or the network is still away: try again later.
      }
    }
  }
}

/** The signaling address on the node that served the page. */
export function signalingUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/signaling`;
}
