import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveDenseAssignment, verifyDenseAssignment } from './dense-assignment.js';

function bruteForceMinCost(cost: ArrayLike<number>, n: number): number {
  const used = new Array<boolean>(n).fill(false);
  let best = Number.POSITIVE_INFINITY;
  const go = (row: number, acc: number): void => {
    if (acc >= best) return;
    if (row === n) {
      best = acc;
      return;
    }
    for (let j = 0; j < n; j++) {
      if (used[j]) continue;
      used[j] = true;
      go(row + 1, acc + cost[row * n + j]);
      used[j] = false;
    }
  };
  go(0, 0);
  return n === 0 ? 0 : best;
}

describe('solveDenseAssignment', () => {
  it('solves the documented example', () => {
    const cost = new Int32Array([4, 1, 3, 2, 0, 5, 3, 2, 2]);
    const result = solveDenseAssignment(cost, 3);
    expect(Array.from(result.rowToCol)).toEqual([1, 0, 2]);
    expect(result.cost).toBe(5);
    expect(verifyDenseAssignment(cost, 3, result)).toEqual([]);
  });

  it('handles n = 0 and n = 1', () => {
    expect(solveDenseAssignment(new Float64Array(0), 0).cost).toBe(0);
    const one = solveDenseAssignment(new Float64Array([7]), 1);
    expect(one.cost).toBe(7);
    expect(Array.from(one.rowToCol)).toEqual([0]);
  });

  it('rejects a matrix of the wrong size or with non-finite costs', () => {
    expect(() => solveDenseAssignment(new Float64Array(3), 2)).toThrow(RangeError);
    expect(() => solveDenseAssignment(new Float64Array([0, Number.NaN, 1, 2]), 2)).toThrow(
      /not finite/,
    );
  });

  it('finds a verified optimum on a larger random matrix', () => {
    const n = 150;
    const cost = new Int32Array(n * n);
    let s = 12345;
    for (let k = 0; k < cost.length; k++) {
      s = (s * 1103515245 + 12345) % 2147483648;
      cost[k] = s % 1000;
    }
    expect(verifyDenseAssignment(cost, n, solveDenseAssignment(cost, n))).toEqual([]);
  });

  it('equals brute force on small matrices, ties included, and its certificate verifies', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 7 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(fc.integer({ min: 0, max: 20 }), { minLength: n * n, maxLength: n * n }),
            ),
          ),
        fc.integer({ min: 1, max: 20 }),
        ([n, values], modulus) => {
          const cost = new Float64Array(values.map((x) => x % modulus));
          const result = solveDenseAssignment(cost, n);
          expect(result.cost).toBe(bruteForceMinCost(cost, n));
          expect(verifyDenseAssignment(cost, n, result)).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  });
});
