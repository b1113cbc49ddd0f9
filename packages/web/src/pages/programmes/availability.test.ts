import { describe, expect, it } from 'vitest';
import { cellId, cellsOf, slotsOf } from './availability';

describe('weekly availability grid', () => {
  it('merges touching parts of a day into one slot', () => {
    const cells = new Set([cellId(0, 'morning'), cellId(0, 'afternoon'), cellId(2, 'evening')]);
    expect(slotsOf(cells)).toEqual([
      [8, 17],
      [65, 69],
    ]);
  });

  it('reads back exactly the cells it wrote', () => {
    const cells = new Set([cellId(6, 'morning'), cellId(3, 'afternoon'), cellId(3, 'evening')]);
    expect(cellsOf(slotsOf(cells))).toEqual(cells);
  });

  it('counts a cell only when its hours are fully covered', () => {
    expect(cellsOf([[9, 12]]).size).toBe(0);
    expect([...cellsOf([[0, 168]])]).toHaveLength(21);
  });
});
