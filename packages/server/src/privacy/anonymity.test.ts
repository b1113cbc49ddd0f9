import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THRESHOLDS,
  discloseGroups,
  groupDimensions,
  mayShowComments,
  thresholdProblem,
  type Cell,
  type GroupDimension,
  type GroupRef,
} from './anonymity.js';

type Person = Partial<Record<GroupDimension, string | null>>;

const cell = (people: number, values: Person): Cell => ({ values, people });
const department = (value: string): GroupRef => ({ dimension: 'department', value });
const location = (value: string): GroupRef => ({ dimension: 'location', value });

/** Cells as the SQL GROUP BY gives them: distinct people per combination of values. */
function toCells(people: readonly Person[], dimensions: readonly GroupDimension[]): Cell[] {
  const cells = new Map<string, Cell>();
  for (const person of people) {
    const key = JSON.stringify(dimensions.map((dimension) => person[dimension] ?? null));
    const existing = cells.get(key);
    if (existing) existing.people += 1;
    else cells.set(key, { values: { ...person }, people: 1 });
  }
  return [...cells.values()];
}

const inGroup = (person: Person, group: GroupRef) => person[group.dimension] === group.value;

// --- An independent check by brute force, in exact rational arithmetic. -------------------------

interface Fraction {
  n: bigint;
  d: bigint;
}
const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};
const fraction = (n: bigint, d = 1n): Fraction => {
  if (n === 0n) return { n: 0n, d: 1n };
  const sign = d < 0n ? -1n : 1n;
  const divisor = gcd(n, d);
  return { n: (sign * n) / divisor, d: (sign * d) / divisor };
};
const subtract = (a: Fraction, b: Fraction) => fraction(a.n * b.d - b.n * a.d, a.d * b.d);
const multiply = (a: Fraction, b: Fraction) => fraction(a.n * b.n, a.d * b.d);
const divide = (a: Fraction, b: Fraction) => fraction(a.n * b.d, a.d * b.n);

/**
 * An integer basis of {x : R·x = 0}. A vector lies in R's row space exactly when it is orthogonal
 * to every one of these, which makes testing thousands of subsets cheap.
 */
function nullSpace(rows: readonly number[][], width: number): number[][] {
  const matrix = rows.map((row) => row.map((value) => fraction(BigInt(value))));
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < width && r < matrix.length; c++) {
    const found = matrix.findIndex((row, i) => i >= r && row[c]!.n !== 0n);
    if (found < 0) continue;
    [matrix[r], matrix[found]] = [matrix[found]!, matrix[r]!];
    const pivot = matrix[r]![c]!;
    matrix[r] = matrix[r]!.map((value) => divide(value, pivot));
    for (let i = 0; i < matrix.length; i++) {
      if (i === r || matrix[i]![c]!.n === 0n) continue;
      const factor = matrix[i]![c]!;
      matrix[i] = matrix[i]!.map((value, k) => subtract(value, multiply(factor, matrix[r]![k]!)));
    }
    pivots.push(c);
    r++;
  }
  const basis: number[][] = [];
  for (let free = 0; free < width; free++) {
    if (pivots.includes(free)) continue;
    const vector = Array.from({ length: width }, () => fraction(0n));
    vector[free] = fraction(1n);
    pivots.forEach((pivotColumn, i) => {
      vector[pivotColumn] = fraction(-matrix[i]![free]!.n, matrix[i]![free]!.d);
    });
    const scale = vector.reduce((lcm, value) => (lcm * value.d) / gcd(lcm, value.d), 1n);
    basis.push(
      vector.map((value) => {
        const scaled = Number((value.n * scale) / value.d);
        if (!Number.isSafeInteger(scaled)) throw new Error('null space too large for the check');
        return scaled;
      }),
    );
  }
  return basis;
}

/** The sets of fewer than minGroup people whose indicator lies in the span of the shown rows. */
function derivableSmallSets(
  people: readonly Person[],
  shown: readonly GroupRef[],
  minGroup: number,
): number[][] {
  const rows = [
    people.map(() => 1),
    ...shown.map((group) => people.map((person) => (inGroup(person, group) ? 1 : 0))),
  ];
  const kernel = nullSpace(rows, people.length);
  const found: number[][] = [];
  for (let mask = 1; mask < 1 << people.length; mask++) {
    let size = 0;
    for (let bits = mask; bits !== 0; bits &= bits - 1) size++;
    if (size >= minGroup) continue;
    const members = people.flatMap((_, i) => (mask & (1 << i) ? [i] : []));
    const inSpan = kernel.every((x) => members.reduce((sum, i) => sum + x[i]!, 0) === 0);
    if (inSpan) found.push(members);
  }
  return found;
}

// --- Random group structures. -------------------------------------------------------------------

const values = ['a', 'b', 'c', 'd'];
const structure = fc
  .record({
    dimensions: fc.shuffledSubarray([...groupDimensions], { minLength: 2, maxLength: 4 }),
    valueCount: fc.integer({ min: 1, max: 4 }),
    minGroup: fc.integer({ min: 3, max: 5 }),
  })
  .chain(({ dimensions, valueCount, minGroup }) => {
    const options = values.slice(0, valueCount);
    const person = fc.record(
      Object.fromEntries(
        dimensions.map((dimension) => [
          dimension,
          fc.oneof(
            { weight: 5, arbitrary: fc.constantFrom(...options) },
            { weight: 1, arbitrary: fc.constant(null) },
          ),
        ]),
      ) as Record<GroupDimension, fc.Arbitrary<string | null>>,
    );
    const allGroups = dimensions.flatMap((dimension) =>
      // one value nobody has, so empty groups are asked for too
      [...options, 'z'].map((value): GroupRef => ({ dimension, value })),
    );
    return fc.record({
      dimensions: fc.constant(dimensions),
      minGroup: fc.constant(minGroup),
      // biased towards fuller populations, where groups get shown and can overlap
      people: fc.oneof(
        fc.array(person, { maxLength: 12 }),
        fc.array(person, { minLength: 8, maxLength: 12 }),
      ),
      candidates: fc.shuffledSubarray(allGroups),
    });
  });

describe('discloseGroups (property-based)', () => {
  it('shows nothing from which a set of fewer than minGroup people can be derived', () => {
    fc.assert(
      fc.property(structure, ({ dimensions, minGroup, people, candidates }) => {
        const disclosure = discloseGroups(toCells(people, dimensions), candidates, minGroup);
        expect(disclosure.total).toBe(people.length);
        if (!disclosure.totalShown) {
          expect(people.length).toBeLessThan(minGroup);
          expect(disclosure.shown).toEqual([]);
          return;
        }
        expect(derivableSmallSets(people, disclosure.shown, minGroup)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('shows only groups of at least minGroup people, and nothing when the total is smaller', () => {
    fc.assert(
      fc.property(structure, ({ dimensions, minGroup, people, candidates }) => {
        const disclosure = discloseGroups(toCells(people, dimensions), candidates, minGroup);
        expect(disclosure.totalShown).toBe(people.length >= minGroup);
        if (people.length < minGroup) {
          expect(disclosure.shown).toEqual([]);
          expect(disclosure.withheld.every((w) => w.reason === 'too_few')).toBe(true);
        }
        for (const group of disclosure.shown) {
          expect(people.filter((person) => inGroup(person, group)).length).toBeGreaterThanOrEqual(
            minGroup,
          );
        }
        for (const { group, reason } of disclosure.withheld) {
          const size = people.filter((person) => inGroup(person, group)).length;
          if (reason === 'too_few') expect(size < minGroup || !disclosure.totalShown).toBe(true);
          else expect(size).toBeGreaterThanOrEqual(minGroup);
        }
        // Every candidate is accounted for once, in the order asked for.
        const accounted = [...disclosure.shown, ...disclosure.withheld.map((w) => w.group)];
        expect(accounted).toHaveLength(candidates.length);
        const order = (list: GroupRef[]) =>
          list
            .map((group) => candidates.indexOf(group))
            .every((at, i, all) => i === 0 || at > all[i - 1]!);
        expect(order(disclosure.shown)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('shows a single group when it and the rest are each large enough (not over-cautious)', () => {
    fc.assert(
      fc.property(structure, ({ dimensions, minGroup, people, candidates }) => {
        const first = candidates[0];
        if (!first) return;
        const size = people.filter((person) => inGroup(person, first)).length;
        const rest = people.length - size;
        fc.pre(size >= minGroup && (rest === 0 || rest >= minGroup));
        const disclosure = discloseGroups(toCells(people, dimensions), [first], minGroup);
        expect(disclosure.shown).toEqual([first]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('discloseGroups (the issue’s examples)', () => {
  it('withholds a group of 4 as too few', () => {
    const cells = [cell(6, { department: 'Sales' }), cell(4, { department: 'Legal' })];
    const disclosure = discloseGroups(cells, [department('Legal')], 5);
    expect(disclosure).toEqual({
      total: 10,
      totalShown: true,
      shown: [],
      withheld: [{ group: department('Legal'), reason: 'too_few' }],
    });
  });

  it('withholds the second of two groups whose difference is 2 people (overlap)', () => {
    const cells = [
      cell(5, { department: 'Sales', location: 'Utrecht' }),
      cell(2, { department: 'Sales', location: 'Delft' }),
      cell(6, { department: 'Legal', location: 'Delft' }),
    ];
    const disclosure = discloseGroups(cells, [department('Sales'), location('Utrecht')], 5);
    expect(disclosure.shown).toEqual([department('Sales')]);
    expect(disclosure.withheld).toEqual([{ group: location('Utrecht'), reason: 'overlap' }]);

    const otherOrder = discloseGroups(cells, [location('Utrecht'), department('Sales')], 5);
    expect(otherOrder.shown).toEqual([location('Utrecht')]);
    expect(otherOrder.withheld).toEqual([{ group: department('Sales'), reason: 'overlap' }]);
  });

  it('withholds a group whose complement is too small (total minus group)', () => {
    const cells = [cell(8, { department: 'Sales' }), cell(3, { department: null })];
    const disclosure = discloseGroups(cells, [department('Sales')], 5);
    expect(disclosure.withheld).toEqual([{ group: department('Sales'), reason: 'overlap' }]);
  });

  it('shows department and location both when they coincide exactly', () => {
    const cells = [
      cell(6, { department: 'Sales', location: 'Utrecht' }),
      cell(7, { department: 'Legal', location: 'Delft' }),
    ];
    const candidates = [
      department('Sales'),
      department('Legal'),
      location('Utrecht'),
      location('Delft'),
    ];
    const disclosure = discloseGroups(cells, candidates, 5);
    expect(disclosure.shown).toEqual(candidates);
    expect(disclosure.withheld).toEqual([]);
  });

  it('shows nothing below the total threshold, and says so', () => {
    const cells = [cell(2, { department: 'Sales' }), cell(2, { department: 'Legal' })];
    const disclosure = discloseGroups(cells, [department('Sales'), department('Legal')], 5);
    expect(disclosure.totalShown).toBe(false);
    expect(disclosure.shown).toEqual([]);
    expect(disclosure.withheld.map((w) => w.reason)).toEqual(['too_few', 'too_few']);
  });

  it('withholds a group nobody is in, and counts a group asked for twice once', () => {
    const cells = [cell(5, { department: 'Sales' }), cell(5, { department: 'Legal' })];
    const disclosure = discloseGroups(
      cells,
      [department('HR'), department('Sales'), department('Sales'), department('Legal')],
      5,
    );
    expect(disclosure.shown).toEqual([department('Sales'), department('Legal')]);
    expect(disclosure.withheld).toEqual([{ group: department('HR'), reason: 'too_few' }]);
  });

  it('handles a realistic number of cells and groups (exact arithmetic, no float tolerance)', () => {
    const departments = Array.from({ length: 20 }, (_, i) => `d${i}`);
    const locations = Array.from({ length: 10 }, (_, i) => `l${i}`);
    const roles = ['mentor', 'mentee'];
    const cells: Cell[] = [];
    departments.forEach((d, i) =>
      locations.forEach((l, j) => {
        if ((i + j) % 2 === 0)
          cells.push(
            cell(1 + ((i * 7 + j * 3) % 9), {
              department: d,
              location: l,
              role: roles[(i + j) % 4 === 0 ? 0 : 1]!,
            }),
          );
      }),
    );
    const candidates = [
      ...departments.map(department),
      ...locations.map(location),
      ...roles.map((value): GroupRef => ({ dimension: 'role', value })),
    ];
    const disclosure = discloseGroups(cells, candidates, 5);
    expect(disclosure.shown.length + disclosure.withheld.length).toBe(candidates.length);
    expect(disclosure.shown.length).toBeGreaterThan(0);
  });
});

describe('comments and thresholds', () => {
  it('shows free-text answers only from minComments people', () => {
    expect(mayShowComments(9, DEFAULT_THRESHOLDS)).toBe(false);
    expect(mayShowComments(10, DEFAULT_THRESHOLDS)).toBe(true);
    expect(mayShowComments(3, { minGroup: 3, minComments: 3 })).toBe(true);
  });

  it('names the field and reason of a threshold an org admin may not set', () => {
    expect(thresholdProblem(DEFAULT_THRESHOLDS)).toBeNull();
    expect(thresholdProblem({ minGroup: 3, minComments: 3 })).toBeNull();
    expect(thresholdProblem({ minGroup: 2, minComments: 10 })).toEqual({
      field: 'minGroup',
      reason: 'below_floor',
    });
    expect(thresholdProblem({ minGroup: 101, minComments: 101 })).toEqual({
      field: 'minGroup',
      reason: 'above_max',
    });
    expect(thresholdProblem({ minGroup: 8, minComments: 7 })).toEqual({
      field: 'minComments',
      reason: 'below_group',
    });
    expect(thresholdProblem({ minGroup: 5, minComments: 101 })).toEqual({
      field: 'minComments',
      reason: 'above_max',
    });
  });
});
