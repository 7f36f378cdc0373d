import { describe, expect, it } from 'vitest';
import { shortcutOf } from './shortcuts';

const key = (k: string, target: unknown = { tagName: 'BODY' }, extra: Partial<{ ctrlKey: boolean; repeat: boolean }> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, altKey: false, repeat: false, target: target as EventTarget, ...extra });

describe('keyboard shortcuts', () => {
  it('map m, v, h, c and ? to their actions, in either case', () => {
    expect(['m', 'V', 'h', 'c', '?'].map((k) => shortcutOf(key(k)))).toEqual(['mic', 'camera', 'hand', 'chat', 'help']);
    expect(shortcutOf(key('x'))).toBeNull();
  });

  it('leave letters alone while typing, with modifiers, and when held down', () => {
    expect(shortcutOf(key('m', { tagName: 'INPUT' }))).toBeNull();
    expect(shortcutOf(key('m', { tagName: 'TEXTAREA' }))).toBeNull();
    expect(shortcutOf(key('m', { tagName: 'DIV', isContentEditable: true }))).toBeNull();
    expect(shortcutOf(key('m', { tagName: 'BUTTON', closest: (s: string) => (s.includes('dialog') ? {} : null) }))).toBeNull();
    expect(shortcutOf(key('m', undefined, { ctrlKey: true }))).toBeNull();
    expect(shortcutOf(key('m', undefined, { repeat: true }))).toBeNull();
    expect(shortcutOf(key('m', { tagName: 'BUTTON', closest: () => null }))).toBe('mic');
  });
});
