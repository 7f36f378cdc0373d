// How the whiteboard's drawing and the shared map (`ydoc.getMap('elements')`, element id -> element as plain JSON)
// meet. Pure and without Excalidraw, so it is tested on its own: the board merges with these and writes what they pick.

/** What the sync reads of an Excalidraw element; the rest travels along untouched. */
export interface SyncedElement {
  id: string;
  type: string;
  version: number;
  versionNonce: number;
  isDeleted: boolean;
  /** Excalidraw's fractional index: the order of the elements on the board. */
  index?: string | null;
}

/** Whether copy `a` of an element wins over copy `b`: the higher version, on a tie the lower nonce (Excalidraw's reconcile rule). */
export const wins = (a: SyncedElement, b: SyncedElement): boolean =>
  a.version > b.version || (a.version === b.version && a.versionNonce < b.versionNonce);

/** Files are not shared: an image would reach the others as an empty frame, so images stay on the board that made them. */
export const shared = (element: SyncedElement): boolean => element.type !== 'image';

/** Fractional indices order by plain code points (not by locale); elements without one go last, in the order they came. */
function byIndex(a: SyncedElement, b: SyncedElement): number {
  if (a.index == null || b.index == null) return a.index == null ? (b.index == null ? 0 : 1) : -1;
  return a.index < b.index ? -1 : a.index > b.index ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The board after the shared map changed: every element once, the copy that wins (a deleted copy that wins stays on the
 * board, deleted, so that an older copy cannot bring it back), in board order. `editing` is the element under the
 * local pointer or cursor: it stays as drawn here until it is let go, as Excalidraw's reconcile keeps it.
 */
export function mergeScene<T extends SyncedElement>(local: readonly T[], remote: Iterable<T>, editing: string | null = null): T[] {
  const merged = new Map<string, T>();
  for (const element of local) merged.set(element.id, element);
  for (const theirs of remote) {
    if (!shared(theirs)) continue;
    const mine = merged.get(theirs.id);
    if (!mine || (theirs.id !== editing && wins(theirs, mine))) merged.set(theirs.id, theirs);
  }
  return [...merged.values()].sort(byIndex);
}

/** The local elements to write into the map: those whose version differs from the map's copy and that win over it. */
export function changedElements<T extends SyncedElement>(local: readonly T[], inMap: (id: string) => SyncedElement | undefined): T[] {
  return local.filter((element) => {
    if (!shared(element)) return false;
    const theirs = inMap(element.id);
    return !theirs || (theirs.version !== element.version || theirs.versionNonce !== element.versionNonce) && wins(element, theirs);
  });
}

/** How many elements one sees on the board. */
export const visibleCount = (elements: readonly SyncedElement[]): number => elements.filter((e) => !e.isDeleted).length;

/** The element as plain JSON, as the map holds it (Excalidraw's objects are frozen and may carry undefined fields). */
export const plain = <T extends SyncedElement>(element: T): T => JSON.parse(JSON.stringify(element)) as T;
