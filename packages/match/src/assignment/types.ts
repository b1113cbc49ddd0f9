/** A mentee in an assignment instance. */
export interface AssignmentMentee {
  id: string;
}

/**
 * A mentor in an assignment instance. `capacity` is the most mentees the mentor takes.
 * A group mentor (`group: true`) runs one group of `minGroupSize`–`capacity` mentees
 * (default minimum 3); see {@link AssignOptions.groupMinimum} for how the minimum is handled.
 */
export interface AssignmentMentor {
  id: string;
  capacity: number;
  group?: boolean;
  minGroupSize?: number;
}

/** An allowed (mentee, mentor) pair with an integer score ≥ 0. Only listed pairs can be matched. */
export interface ScoredPair {
  mentee: string;
  mentor: string;
  score: number;
}

/** A (mentee, mentor) pair without a score, used for pins and forbids. */
export interface PairRef {
  mentee: string;
  mentor: string;
}

/** Input of {@link assign} and {@link verifyAssignment}. */
export interface AssignmentInstance {
  mentees: readonly AssignmentMentee[];
  mentors: readonly AssignmentMentor[];
  pairs: readonly ScoredPair[];
  /** Pairs that must be in the result (each must be a listed pair). */
  pins?: readonly PairRef[];
  /** Pairs that must not be in the result. */
  forbids?: readonly PairRef[];
}

/** Options of {@link assign}. */
export interface AssignOptions {
  /**
   * Solve first on a candidate subset — the union of each mentee's top-K and each mentor's
   * top-(K·capacity) pairs — then price every omitted pair against the duals and re-solve with the
   * violators added until none is left. `'all'` solves on every pair at once. Default `'auto'`:
   * candidates with K = 6 when the instance has more than 100,000 pairs, otherwise `'all'`.
   */
  candidates?: 'all' | 'auto' | number;
  /**
   * How a group mentor's minimum group size is handled (a hard "0 or at least min" rule makes the
   * problem NP-hard in general). `'report'` (default): solve with the capacity as the maximum and
   * report undersized groups. `'close-undersized'`: repeatedly close the smallest undersized group
   * (capacity 0) and re-solve; the result is then optimal for the instance with those groups closed,
   * which is reported in `groups.closed` (a sound heuristic, not a global optimum over all choices
   * of open groups).
   */
  groupMinimum?: 'report' | 'close-undersized';
  /** Upper bound on pricing rounds before falling back to all pairs (default 10). */
  maxPricingRounds?: number;
}

/** A matched pair in a result. */
export interface AssignedPair {
  mentee: string;
  mentor: string;
  score: number;
}

/**
 * Dual values proving optimality of the weights `bigM + score`: for every allowed pair of a
 * non-pinned mentee `mentees[mentee] + mentors[mentor] >= bigM + score`, all values ≥ 0, and
 * `Σ mentees + Σ residualCapacity(mentor) · mentors == Σ (bigM + score)` over the non-pinned
 * matched pairs. Pinned mentees are fixed and carry no dual; a mentor's residual capacity is its
 * capacity minus its pins (0 for a closed group).
 */
export interface AssignmentDuals {
  bigM: number;
  mentees: Record<string, number>;
  mentors: Record<string, number>;
}

/** An undersized group: a group mentor with fewer than the minimum mentees (but more than 0). */
export interface UndersizedGroup {
  mentor: string;
  size: number;
  minimum: number;
}

/** Work done by {@link assign}, for benchmarks and curiosity. */
export interface AssignmentStats {
  totalPairs: number;
  /** Pairs in the last solved candidate set. */
  candidatePairs: number;
  /** Solves run (1 + pricing re-solves + group re-solves). */
  solves: number;
  /** Omitted pairs found with negative reduced cost, over all pricing passes. */
  pricingViolations: number;
  /** Shortest-path searches from mentees not settled by the greedy start, over all solves. */
  searches: number;
  /** Backward searches that repaired mentors left by re-inserted mentees in warm-started re-solves. */
  holeSearches: number;
}

/** Output of {@link assign}. */
export interface AssignmentResult {
  pairs: AssignedPair[];
  matched: number;
  score: number;
  optimal: true;
  /** Mentees without a mentor, in input order. */
  unmatched: string[];
  duals: AssignmentDuals;
  groups: { undersized: UndersizedGroup[]; closed: string[] };
  stats: AssignmentStats;
}
