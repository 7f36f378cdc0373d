// What a tab remembers of the meeting it is in, so that a reload comes straight back as the same participant:
// the choices made in the lobby and the resumption token of each room (the main room and a breakout room).
// sessionStorage: it belongs to this tab only and is gone when the tab closes.

export interface Participation {
  name: string;
  /** The room's password, when it has one: a guest's resumption still passes the room's admission. */
  password: string | null;
  audio: boolean;
  video: boolean;
  speaker: string | null;
  /** The breakout room the tab was in, if any. */
  breakout: { id: string; name: string } | null;
  /** The newest resumption token per room id (main room or breakout room). */
  resumption: Record<string, string>;
}

const keyOf = (roomId: string) => `participation:${roomId}`;

export function loadParticipation(roomId: string, storage: Storage = sessionStorage): Participation | null {
  try {
    const saved = JSON.parse(storage.getItem(keyOf(roomId)) ?? 'null') as Partial<Participation> | null;
    if (!saved || typeof saved.name !== 'string' || typeof saved.resumption !== 'object' || saved.resumption === null) return null;
    return {
      name: saved.name,
      password: typeof saved.password === 'string' ? saved.password : null,
      audio: saved.audio !== false,
      video: saved.video !== false,
      speaker: typeof saved.speaker === 'string' ? saved.speaker : null,
      breakout: saved.breakout && typeof saved.breakout.id === 'string' ? { id: saved.breakout.id, name: String(saved.breakout.name ?? '') } : null,
      resumption: Object.fromEntries(Object.entries(saved.resumption).filter(([, v]) => typeof v === 'string')) as Record<string, string>,
    };
  } catch {
    // Unreadable (changed by hand, or an older shape): the lobby asks again.
    return null;
  }
}

export function saveParticipation(roomId: string, participation: Participation, storage: Storage = sessionStorage): void {
  storage.setItem(keyOf(roomId), JSON.stringify(participation));
}

/** Updates what is saved, if anything is (leaving on purpose removed it: nothing comes back). */
export function changeParticipation(roomId: string, change: (p: Participation) => Participation, storage: Storage = sessionStorage): void {
  const saved = loadParticipation(roomId, storage);
  if (saved) saveParticipation(roomId, change(saved), storage);
}

export function forgetParticipation(roomId: string, storage: Storage = sessionStorage): void {
  storage.removeItem(keyOf(roomId));
}
