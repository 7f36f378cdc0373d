// The notes' formatting buttons: which exist, what they are called, and whether each is on where the cursor is.

import type { TextKey } from '../i18n';

export type Format = 'bold' | 'italic' | 'heading' | 'bulletList' | 'orderedList';

/** The buttons in order, with their label and what the editor calls the mark or node they switch. */
export const formats: readonly { format: Format; label: TextKey; node: string; attributes?: Record<string, unknown> }[] = [
  { format: 'bold', label: 'formatBold', node: 'bold' },
  { format: 'italic', label: 'formatItalic', node: 'italic' },
  { format: 'heading', label: 'formatHeading', node: 'heading', attributes: { level: 2 } },
  { format: 'bulletList', label: 'formatBulletList', node: 'bulletList' },
  { format: 'orderedList', label: 'formatOrderedList', node: 'orderedList' },
];

/** Which buttons show as pressed, given the editor's `isActive`. */
export const pressed = (isActive: (node: string, attributes?: Record<string, unknown>) => boolean): Record<Format, boolean> =>
  Object.fromEntries(formats.map((f) => [f.format, isActive(f.node, f.attributes)])) as Record<Format, boolean>;
