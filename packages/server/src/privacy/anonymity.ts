/**
 * The one module that decides which feedback figures a programme's managers may see: check-in
 * distributions, outcome-survey figures, per group. See issue 10, rule 5.
 *
 * Pure: no database, no HTTP. The thresholds an organisation chose are loaded by
 * privacy/thresholds.ts (`loadThresholds`).
 */

export interface Thresholds {
  /** Fewest people behind any figure shown (default 5; an org admin may set 3–100). */
  minGroup: number;
  /** Fewest people whose free-text answers are shown at all (default 10; ≥ minGroup). */
  minComments: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { minGroup: 5, minComments: 10 };
/** An org admin can never set the group minimum lower than this. */
export const MIN_GROUP_FLOOR = 3;
export const MAX_THRESHOLD = 100;

/** What a feedback figure may be split by. The last three only where consented and allowed. */
export const groupDimensions = [
  'department',
  'location',
  'role',
  'jobLevelBand',
  'gender',
  'ageBand',
  'background',
] as const;
export type GroupDimension = (typeof groupDimensions)[number];

/**
 * A cell: the number of distinct people (respondents) who share every dimension's value
 * (null: not known, or not consented). Computed in SQL with GROUP BY over the dimensions.
 */
export interface Cell<D extends string = GroupDimension> {
  values: Partial<Record<D, string | null>>;
  people: number;
}

/**
 * A group: the people whose cells hold `value` for `dimension`. The dimension may be any name
 * (the outcome report uses one per cohort, `cohort:<id>` = 'in', since a person can belong to
 * several cohorts); the feedback results use the named dimensions above.
 */
export interface GroupRef<D extends string = GroupDimension> {
  dimension: D;
  value: string;
}

export type WithheldReason =
  /** The group itself has fewer than minGroup people. */
  | 'too_few'
  /** Shown beside groups already shown, some combination would describe fewer than minGroup. */
  | 'overlap';

export interface Disclosure<D extends string = GroupDimension> {
  /** People in the whole population (the respondents). */
  total: number;
  /** Whether the population as a whole may be described (total ≥ minGroup). Else nothing is. */
  totalShown: boolean;
  /** The groups whose figures may be shown, in the order they were asked for. */
  shown: GroupRef<D>[];
  withheld: { group: GroupRef<D>; reason: WithheldReason }[];
}

/**
 * Which of the candidate groups may be shown beside the whole population's figures, so that no
 * combination (sum, difference, any linear combination) of the figures shown describes a set of
 * fewer than `minGroup` people. Candidates are considered in the order given (put the dimension
 * the viewer asked for first); a candidate that would break the rule is withheld with its reason.
 * Figures are assumed to be sums over people (counts, sums of scores), as every feedback figure is.
 *
 * Why it is sound. Split the people into atoms: people in the same atom belong to exactly the same
 * shown groups (the whole population counts as a group). Every shown group is a 0/1 row over the
 * atoms, and every figure a viewer can compute from shown figures is a sum over people weighted by
 * some linear combination v of those rows — v is constant on each atom. A set S of fewer than
 * `minGroup` people is described exactly when v is S's indicator; then S is a union of atoms, each
 * with fewer than `minGroup` people ("small"), so v is non-zero and vanishes on every "large" atom.
 * No such v exists when rank(rows restricted to large atoms) = rank(rows): any combination that
 * vanishes on the large atoms then vanishes everywhere. We keep that invariant and add candidates
 * greedily (it is conservative: it also refuses combinations such as "2·A − B" over small atoms).
 * Ranks are exact (integer elimination; no floating-point tolerance).
 *
 * A candidate asked for twice is considered once. Cells with a null value for a dimension belong
 * to no group of that dimension.
 *
 * @example
 * // 12 people: 8 in Sales (4 in Utrecht, 4 in Delft), 4 in Legal (Utrecht)
 * discloseGroups(
 *   [
 *     { values: { department: 'Sales', location: 'Utrecht' }, people: 4 },
 *     { values: { department: 'Sales', location: 'Delft' }, people: 4 },
 *     { values: { department: 'Legal', location: 'Utrecht' }, people: 4 },
 *   ],
 *   [{ dimension: 'department', value: 'Sales' }, { dimension: 'department', value: 'Legal' }],
 *   5,
 * ); // shows nothing per department: Legal has 4 people, and Sales = total − Legal would show them
 */
export function discloseGroups<D extends string = GroupDimension>(
  cells: readonly Cell<D>[],
  candidates: readonly GroupRef<D>[],
  minGroup: number,
): Disclosure<D> {
  const populated = cells.filter((cell) => cell.people > 0);
  const total = populated.reduce((sum, cell) => sum + cell.people, 0);
  const disclosure: Disclosure<D> = {
    total,
    totalShown: total >= minGroup,
    shown: [],
    withheld: [],
  };
  const seen = new Set<string>();
  const unique = candidates.filter((group) => {
    const key = `${group.dimension}\u0000${group.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  if (!disclosure.totalShown) {
    disclosure.withheld = unique.map((group) => ({ group, reason: 'too_few' }));
    return disclosure;
  }

  // membership[g][c]: whether cell c belongs to shown group g (the whole population is implicit).
  const shownMembership: boolean[][] = [];
  for (const group of unique) {
    const membership = populated.map((cell) => cell.values[group.dimension] === group.value);
    const people = populated.reduce((sum, cell, c) => sum + (membership[c] ? cell.people : 0), 0);
    if (people < minGroup) {
      disclosure.withheld.push({ group, reason: 'too_few' });
      continue;
    }
    if (isSafe(populated, [...shownMembership, membership], minGroup)) {
      shownMembership.push(membership);
      disclosure.shown.push(group);
    } else {
      disclosure.withheld.push({ group, reason: 'overlap' });
    }
  }
  return disclosure;
}

/**
 * Whether the whole population plus these groups (each a membership vector over the cells)
 * describe no set of fewer than `minGroup` people: rank over large atoms equals the full rank.
 */
function isSafe<D extends string>(
  cells: readonly Cell<D>[],
  groups: readonly boolean[][],
  minGroup: number,
): boolean {
  // Atoms: cells with the same membership signature, with their people summed.
  const atoms = new Map<string, { column: number[]; people: number }>();
  cells.forEach((cell, c) => {
    const column = [1, ...groups.map((membership) => (membership[c] ? 1 : 0))];
    const key = column.join('');
    const atom = atoms.get(key);
    if (atom) atom.people += cell.people;
    else atoms.set(key, { column, people: cell.people });
  });
  // Large atoms first: eliminating column by column, the pivots found among the first columns
  // are the rank of those columns alone, so a pivot in a small atom's column means the rank grew.
  const ordered = [...atoms.values()].sort(
    (a, b) => Number(b.people >= minGroup) - Number(a.people >= minGroup),
  );
  const largeCount = ordered.filter((atom) => atom.people >= minGroup).length;
  if (largeCount === ordered.length) return true; // every combination involves a large atom
  const columns = ordered.map((atom) => atom.column);
  const height = columns[0]?.length ?? 0;
  const rows = Array.from({ length: height }, (_, r) => columns.map((column) => column[r] ?? 0));
  const exact = firstPivotColumnBeyond(rows, largeCount, numberArithmetic);
  if (exact !== 'overflow') return exact === null;
  // The attempt in doubles changed `rows`: start again from the columns.
  const big = Array.from({ length: height }, (_, r) =>
    columns.map((column) => BigInt(column[r] ?? 0)),
  );
  return firstPivotColumnBeyond(big, largeCount, bigintArithmetic) === null;
}

interface Arithmetic<T> {
  zero: T;
  /** a·x − b·y, or 'overflow' when it cannot be computed exactly. */
  combine(a: T, x: T, b: T, y: T): T | 'overflow';
  /** Whether the row holding it is worth scaling back by the gcd of its entries. */
  isLarge(value: T): boolean;
  gcd(a: T, b: T): T;
  divide(a: T, b: T): T;
}

const numberGcd = (a: number, b: number): number => {
  let [x, y] = [Math.abs(a), Math.abs(b)];
  while (y !== 0) [x, y] = [y, x % y];
  return x;
};

/** Doubles hold integers exactly up to 2^53; beyond that the caller starts again with BigInt. */
const numberArithmetic: Arithmetic<number> = {
  zero: 0,
  combine(a, x, b, y) {
    if (Math.abs(a * x) + Math.abs(b * y) > Number.MAX_SAFE_INTEGER) return 'overflow';
    return a * x - b * y;
  },
  isLarge: (value) => value > 0xffff || value < -0xffff,
  gcd: numberGcd,
  divide: (a, b) => a / b,
};

const bigintArithmetic: Arithmetic<bigint> = {
  zero: 0n,
  combine: (a, x, b, y) => a * x - b * y,
  isLarge: (value) => value > 0xffffn || value < -0xffffn,
  gcd(a, b) {
    let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
    while (y !== 0n) [x, y] = [y, x % y];
    return x;
  },
  divide: (a, b) => a / b,
};

/**
 * Gaussian elimination in integers (a row whose entries grow is scaled back by their gcd, so
 * numbers stay small and every step is exact), taking the columns in order. Returns the index of the
 * first column at or after `limit` that holds a pivot, null when there is none, or 'overflow'.
 * Changes `rows`.
 */
function firstPivotColumnBeyond<T>(
  rows: T[][],
  limit: number,
  arithmetic: Arithmetic<T>,
): number | null | 'overflow' {
  const { zero } = arithmetic;
  const width = rows[0]?.length ?? 0;
  let pivotRow = 0;
  for (let c = 0; c < width && pivotRow < rows.length; c++) {
    let found = -1;
    for (let r = pivotRow; r < rows.length; r++) {
      if (rows[r]![c] !== zero) {
        found = r;
        break;
      }
    }
    if (found < 0) continue;
    if (c >= limit) return c;
    [rows[pivotRow], rows[found]] = [rows[found]!, rows[pivotRow]!];
    const top = rows[pivotRow]!;
    const pivot = top[c]!;
    for (let r = pivotRow + 1; r < rows.length; r++) {
      const row = rows[r]!;
      const factor = row[c]!;
      if (factor === zero) continue;
      row[c] = zero;
      let isLarge = false;
      for (let k = c + 1; k < width; k++) {
        const value = arithmetic.combine(pivot, row[k]!, factor, top[k]!);
        if (value === 'overflow') return 'overflow';
        row[k] = value;
        if (!isLarge && arithmetic.isLarge(value)) isLarge = true;
      }
      if (isLarge) {
        let divisor = zero;
        for (let k = c + 1; k < width; k++) divisor = arithmetic.gcd(divisor, row[k]!);
        if (divisor !== zero) {
          for (let k = c + 1; k < width; k++) row[k] = arithmetic.divide(row[k]!, divisor);
        }
      }
    }
    pivotRow++;
  }
  return null;
}

/** Whether free-text answers from `people` distinct people may be shown (without names or groups). */
export function mayShowComments(people: number, thresholds: Thresholds): boolean {
  return people >= thresholds.minComments;
}

/** Validates an org admin's thresholds: the field and the reason, or null when they hold. */
export function thresholdProblem(
  thresholds: Thresholds,
): { field: keyof Thresholds; reason: 'below_floor' | 'above_max' | 'below_group' } | null {
  if (thresholds.minGroup < MIN_GROUP_FLOOR) return { field: 'minGroup', reason: 'below_floor' };
  if (thresholds.minGroup > MAX_THRESHOLD) return { field: 'minGroup', reason: 'above_max' };
  if (thresholds.minComments < thresholds.minGroup)
    return { field: 'minComments', reason: 'below_group' };
  if (thresholds.minComments > MAX_THRESHOLD) return { field: 'minComments', reason: 'above_max' };
  return null;
}
