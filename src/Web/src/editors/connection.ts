// One collaboration socket (y-websocket: sync, awareness and auth messages) to the node's /v1/collab/{kind}/{roomId},
// for as long as the editor that uses it is shown.

import { useEffect, useState } from 'react';
import * as authProtocol from 'y-protocols/auth';
import { messageAuth, WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { collabSocketBase, type CollabAccess } from '../collab';

/**
 * `ended`: the node closed with 4403 (I left the meeting, or my write access ended while this showed write mode);
 * `not_started`: 4404, the notes or the whiteboard are not started in the room. Neither is tried again.
 */
export type SocketStatus = 'connecting' | 'connected' | 'disconnected' | 'ended' | 'not_started';

export interface Collaboration {
  doc: Y.Doc;
  provider: WebsocketProvider;
  status: SocketStatus;
  /** The node refused a change of mine ("permission denied"): the editor is read-only from then on. */
  refused: boolean;
  /** How many people have it open, me included. */
  people: number;
}

export interface Someone {
  name: string;
  color: string;
}

const colors = ['#2454d6', '#b42318', '#107c41', '#9a5b00', '#7a3fb8', '#0e7490', '#be185d', '#4d5b7c'];

/** A colour that stays with this copy of the document, so each person's caret keeps its colour. */
export const colorOf = (clientId: number): string => colors[clientId % colors.length];

export function useCollaboration(access: Pick<CollabAccess, 'kind' | 'roomId' | 'token'>, name: string): Collaboration | null {
  const [connection, setConnection] = useState<Collaboration | null>(null);
  const { kind, roomId, token } = access;

  useEffect(() => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(collabSocketBase(window.location, kind), roomId, doc, {
      params: { token },
      // No sharing between tabs: the node alone decides who may write, and a reading tab must not pass changes through
      // a writing one.
      disableBc: true,
    });
    let state: Collaboration = { doc, provider, status: 'connecting', refused: false, people: 1 };
    const set = (change: Partial<Collaboration>) => {
      state = { ...state, ...change };
      setConnection(state);
    };
    setConnection(state);
    // y-websocket only logs a refusal; this copy of its handler tells the editor.
    provider.messageHandlers[messageAuth] = (_encoder, decoder) =>
      authProtocol.readAuthMessage(decoder, doc, () => set({ refused: true }));
    provider.on('status', ({ status }) => {
      if (state.status !== 'ended' && state.status !== 'not_started') set({ status });
    });
    // 4400–4499 are final for y-websocket: it stops reconnecting and says so here.
    provider.on('closed', ({ code }) => set({ status: code === 4404 ? 'not_started' : 'ended' }));
    const count = () => set({ people: [...provider.awareness.getStates().values()].filter((s) => s.user).length || 1 });
    provider.awareness.on('change', count);
    return () => {
      provider.awareness.off('change', count);
      provider.destroy();
      doc.destroy();
      setConnection(null);
    };
  }, [kind, roomId, token]);

  // Who I am to the others; a new name needs no new connection.
  const provider = connection?.provider;
  useEffect(() => {
    provider?.awareness.setLocalStateField('user', { name, color: colorOf(provider.doc.clientID) } satisfies Someone);
  }, [provider, name]);

  return connection;
}
