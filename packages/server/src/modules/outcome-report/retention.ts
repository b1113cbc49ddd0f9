/**
 * Retention against comparable non-participants: the maths (pure; the counts come from SQL, see
 * repository.ts `findRetentionCells` and docs/outcome-report.md).
 *
 * Method. Each participant i (start s_i: their first enrolment in scope) is included at m months
 * when s_i + m months <= today and they were employed on s_i; retained when they did not leave by
 * s_i + m months. Their comparison people are the non-participants of the same stratum
 * (department and job-level band) employed on s_i; c_i is the share of those still employed at
 * s_i + m months. A participant without any comparison person is left out of both groups
 * (`unmatched`), so both shares describe the same participants:
 *
 *   participants' share  p = R / N                (N matched participants, R retained)
 *   comparison share     c = (1/N) Σ_i c_i        (exact stratification: each participant weighs one)
 *
 * The counts come grouped per cell (stratum × start date): n participants, r retained, k
 * comparison people, kr of them retained; every participant of a cell has the same c_i = kr / k.
 *
 * Intervals (95%, z = 1.959964):
 * - p: Wilson score interval.
 * - c: normal interval c ± z·√var_c with var_c = Σ_cells (n/N)² · c_cell(1 − c_cell) / k
 *   (each cell's share is a binomial proportion over its k people; cells are treated as
 *   independent — a person comparable in two cells of different start dates makes this slightly
 *   optimistic).
 * - difference d = p − c: d ± z·√(var_p + var_c) with var_p = p(1 − p) / N.
 * Bounds are clipped to [0, 1] for shares and [−1, 1] for the difference.
 */

export const Z95 = 1.959963984540054;

export interface RetentionCell {
  /** Included participants of this cell (stratum × start date). */
  n: number;
  /** Of them, still employed `months` after their start. */
  retained: number;
  /** Comparable non-participants (employed on the start date, same stratum). */
  comparable: number;
  /** Of them, still employed `months` after that date. */
  comparableRetained: number;
}

export interface Interval {
  share: number;
  low: number;
  high: number;
}

export interface RetentionEstimate {
  /** Matched participants (with at least one comparable person). */
  participants: number;
  retained: number;
  participantShare: Interval;
  comparisonShare: Interval;
  difference: { value: number; low: number; high: number };
  /** Included participants without any comparable person. */
  unmatched: number;
}

const clip = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** Wilson score interval for `successes` of `n` (n > 0). */
export function wilson(successes: number, n: number, z = Z95): Interval {
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { share: p, low: clip(centre - half, 0, 1), high: clip(centre + half, 0, 1) };
}

/**
 * The estimate from the cells, or null when no participant has a comparable person. The caller
 * decides first whether the figure may be shown at all (the anonymity thresholds).
 */
export function estimateRetention(cells: readonly RetentionCell[]): RetentionEstimate | null {
  const matched = cells.filter((cell) => cell.n > 0 && cell.comparable > 0);
  const unmatched = cells
    .filter((cell) => cell.comparable === 0)
    .reduce((sum, cell) => sum + cell.n, 0);
  const N = matched.reduce((sum, cell) => sum + cell.n, 0);
  if (N === 0) return null;
  const R = matched.reduce((sum, cell) => sum + cell.retained, 0);
  let c = 0;
  let varC = 0;
  for (const cell of matched) {
    const share = cell.comparableRetained / cell.comparable;
    const weight = cell.n / N;
    c += weight * share;
    varC += (weight * weight * share * (1 - share)) / cell.comparable;
  }
  const p = R / N;
  const varP = (p * (1 - p)) / N;
  const halfC = Z95 * Math.sqrt(varC);
  const halfD = Z95 * Math.sqrt(varP + varC);
  return {
    participants: N,
    retained: R,
    participantShare: wilson(R, N),
    comparisonShare: { share: c, low: clip(c - halfC, 0, 1), high: clip(c + halfC, 0, 1) },
    difference: { value: p - c, low: clip(p - c - halfD, -1, 1), high: clip(p - c + halfD, -1, 1) },
    unmatched,
  };
}
