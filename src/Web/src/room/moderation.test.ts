import { describe, expect, test } from 'vitest';
import type { Person } from '../room';
import { moveTo } from './Menu';
import { voters } from './ModerationPanel';
import { notMyVote } from './Overlays';

const person = (id: string, role: Person['role']): Person =>
  ({ id, displayName: id, role, handUp: false, connected: true, phone: false, media: null });
const people = { mona: person('mona', 'moderator'), uwe: person('uwe', 'user'), gina: person('gina', 'guest') };

describe('per-person menu', () => {
  test('arrow keys wrap around, Home and End jump, other keys are not the menu\'s', () => {
    expect(moveTo('ArrowDown', 0, 3)).toBe(1);
    expect(moveTo('ArrowDown', 2, 3)).toBe(0);
    expect(moveTo('ArrowUp', 0, 3)).toBe(2);
    // Nothing focused yet (-1): down goes to the first, up to the last.
    expect(moveTo('ArrowDown', -1, 3)).toBe(0);
    expect(moveTo('ArrowUp', -1, 3)).toBe(2);
    expect(moveTo('Home', 2, 3)).toBe(0);
    expect(moveTo('End', 0, 3)).toBe(2);
    expect(moveTo('Enter', 0, 3)).toBeNull();
    expect(moveTo('ArrowDown', 0, 0)).toBeNull();
  });
});

describe('votes', () => {
  test('a vote without guests leaves them out; everyone else votes', () => {
    expect(voters({ people }, true).sort()).toEqual(['gina', 'mona', 'uwe']);
    expect(voters({ people }, false).sort()).toEqual(['mona', 'uwe']);
  });

  test('whoever cannot vote is told why', () => {
    const room = (me: string) => ({ me, myRole: people[me as keyof typeof people].role, people });
    expect(notMyVote({ allowed: ['mona', 'uwe', 'gina'] }, room('gina'))).toBeNull();
    expect(notMyVote({ allowed: ['mona', 'uwe'] }, room('gina'))).toBe('guests');
    expect(notMyVote({ allowed: ['mona', 'gina'] }, room('uwe'))).toBe('chosen');
    // Other guests vote: not being a guest left me out, the moderator's choice did.
    expect(notMyVote({ allowed: ['mona', 'other'] }, { ...room('gina'), people: { ...people, other: person('other', 'guest') } })).toBe('chosen');
    expect(notMyVote({ allowed: ['mona'] }, { me: null, myRole: 'guest', people })).toBeNull();
  });
});
