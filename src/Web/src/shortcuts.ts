// The room's keyboard shortcuts: single keys, as in Jitsi Meet, never while typing.

export type Shortcut = 'mic' | 'camera' | 'hand' | 'chat' | 'help';

export const shortcutKeys: readonly { key: string; shortcut: Shortcut }[] = [
  { key: 'm', shortcut: 'mic' },
  { key: 'v', shortcut: 'camera' },
  { key: 'h', shortcut: 'hand' },
  { key: 'c', shortcut: 'chat' },
  { key: '?', shortcut: 'help' },
];

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat: boolean;
  target: EventTarget | null;
}

/** Whether the key went to something one types in (a field, the notes editor), where a letter is just a letter. */
function typing(target: EventTarget | null): boolean {
  const element = target as { tagName?: string; isContentEditable?: boolean; closest?: (s: string) => unknown } | null;
  if (!element || typeof element.tagName !== 'string') return false;
  if (element.isContentEditable) return true;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName.toUpperCase())) return true;
  // Inside an open dialog or menu, keys belong to it.
  return typeof element.closest === 'function' && element.closest('dialog, [role="menu"], .whiteboard') !== null;
}

export function shortcutOf(event: KeyLike): Shortcut | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || typing(event.target)) return null;
  return shortcutKeys.find((s) => s.key === event.key.toLowerCase() || s.key === event.key)?.shortcut ?? null;
}
