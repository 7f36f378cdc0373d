// The room as a participant sees it, built from signaling messages. Pure: the UI renders what this returns.

export interface MediaState {
  video: { audio: boolean; video: boolean } | null;
  screen: { audio: boolean; video: boolean } | null;
  is_presenter: boolean;
  force_muted: boolean;
}

export interface Person {
  id: string;
  displayName: string;
  role: 'guest' | 'user' | 'moderator';
  handUp: boolean;
  connected: boolean;
  media: MediaState | null;
}

export interface RoomView {
  me: string | null;
  people: Record<string, Person>;
  focus: string | null;
}

export const emptyRoom: RoomView = { me: null, people: {}, focus: null };

interface Control {
  display_name: string;
  role: Person['role'];
  hand_is_up: boolean;
  is_connected: boolean;
}

interface Entry {
  id: string;
  control: Control;
  media?: MediaState;
}

function person(entry: Entry): Person {
  return {
    id: entry.id,
    displayName: entry.control.display_name,
    role: entry.control.role,
    handUp: entry.control.hand_is_up,
    connected: entry.control.is_connected,
    media: entry.media ?? null,
  };
}

/** Applies one server message (`{namespace, payload}`) to the room. Unknown messages change nothing. */
export function applyMessage(room: RoomView, namespace: string, payload: Record<string, unknown>): RoomView {
  const message = payload.message;
  if (namespace === 'control' && message === 'join_success') {
    const others = (payload.participants as Entry[]).map(person);
    const me = person({ id: payload.id as string, control: { display_name: payload.display_name as string, role: payload.role as Person['role'], hand_is_up: false, is_connected: true } });
    const people: Record<string, Person> = { [me.id]: me };
    for (const p of others) people[p.id] = p;
    return { me: me.id, people, focus: ((payload.media as { focus?: string | null } | undefined)?.focus) ?? null };
  }
  if (namespace === 'control' && (message === 'joined' || message === 'update')) {
    const entry = payload as unknown as Entry;
    return { ...room, people: { ...room.people, [entry.id]: person(entry) } };
  }
  if (namespace === 'control' && message === 'left') {
    const { [payload.id as string]: _gone, ...rest } = room.people;
    return { ...room, people: rest, focus: room.focus === payload.id ? null : room.focus };
  }
  if (namespace === 'media' && message === 'focus_update') {
    return { ...room, focus: (payload.focus as string | null) ?? null };
  }
  return room;
}
