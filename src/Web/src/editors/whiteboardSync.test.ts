import { describe, expect, test } from 'vitest';
import { changedElements, mergeScene, plain, visibleCount, type SyncedElement } from './whiteboardSync';

const el = (id: string, version: number, extra: Partial<SyncedElement> & Record<string, unknown> = {}): SyncedElement =>
  ({ id, type: 'rectangle', version, versionNonce: 100, isDeleted: false, index: `a${id}`, ...extra });
const ids = (elements: SyncedElement[]) => elements.map((e) => `${e.id}@${e.version}${e.isDeleted ? ' deleted' : ''}`);

describe('merging the shared map into the board', () => {
  test('the higher version wins on either side; new remote elements join', () => {
    const local = [el('1', 3), el('2', 5)];
    const remote = [el('1', 4), el('2', 2), el('3', 1)];
    expect(ids(mergeScene(local, remote))).toEqual(['1@4', '2@5', '3@1']);
  });

  test('a tie goes to the lower nonce, as Excalidraw\'s reconcile decides', () => {
    expect(mergeScene([el('1', 3, { versionNonce: 50 })], [el('1', 3, { versionNonce: 20 })])[0].versionNonce).toBe(20);
    expect(mergeScene([el('1', 3, { versionNonce: 20 })], [el('1', 3, { versionNonce: 50 })])[0].versionNonce).toBe(20);
  });

  test('deleted stays deleted: an older live copy does not bring it back, and it stays on the board as deleted', () => {
    const merged = mergeScene([el('1', 6, { isDeleted: true })], [el('1', 5)]);
    expect(ids(merged)).toEqual(['1@6 deleted']);
    expect(ids(mergeScene([el('1', 5)], [el('1', 6, { isDeleted: true })]))).toEqual(['1@6 deleted']);
    expect(visibleCount(merged)).toBe(0);
  });

  test('local elements the map lacks stay; the result is in board order (fractional index, by code point)', () => {
    const merged = mergeScene([el('b', 1, { index: 'a1' }), el('a', 1, { index: 'Zz' })], [el('c', 1, { index: 'a0V' }), el('d', 1, { index: null })]);
    expect(merged.map((e) => e.id)).toEqual(['a', 'c', 'b', 'd']);
  });

  test('the element being drawn here is not replaced until it is let go', () => {
    expect(ids(mergeScene([el('1', 3)], [el('1', 9)], '1'))).toEqual(['1@3']);
  });

  test('images from elsewhere are left out (files are not shared)', () => {
    expect(ids(mergeScene([], [el('1', 1, { type: 'image' }), el('2', 1)]))).toEqual(['2@1']);
  });
});

describe('what the board writes into the map', () => {
  const map = (...elements: SyncedElement[]) => (id: string) => elements.find((e) => e.id === id);

  test('only elements whose version differs and that win: what came from the map is not echoed back', () => {
    const local = [el('1', 3), el('2', 5), el('3', 1), el('4', 2)];
    expect(changedElements(local, map(el('1', 3), el('2', 4), el('4', 7))).map((e) => e.id)).toEqual(['2', '3']);
  });

  test('a deletion is a change like any other; images are not written', () => {
    const local = [el('1', 4, { isDeleted: true }), el('2', 1, { type: 'image' })];
    expect(changedElements(local, map(el('1', 3))).map((e) => e.id)).toEqual(['1']);
  });

  test('the map holds plain JSON: no undefined fields, no frozen objects', () => {
    const copy = plain(Object.freeze({ ...el('1', 1), link: undefined, points: [[0, 0], [1, 2]] }));
    expect(copy).toEqual({ ...el('1', 1), points: [[0, 0], [1, 2]] });
    expect('link' in copy).toBe(false);
    expect(Object.isFrozen(copy)).toBe(false);
  });
});
