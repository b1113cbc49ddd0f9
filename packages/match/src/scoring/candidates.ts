import { buildExclusion, buildReasons } from './explain.js';
import { MatchIndex, PART_CODES, buildMatchIndex } from './match-index.js';
import { planFor, rankCandidates } from './suggest.js';
import type { Exclusion, MatchPool, Reason, ScorePartCode, Viewer } from './types.js';
import { MatchInputError } from './validate.js';

/** Options of {@link buildCandidatePairs}. */
export interface CandidatePairsOptions {
  /** Candidates kept per person on each side (default 50). */
  k?: number;
  /** Also return the excluded pairs met while searching (managers only; default false). */
  includeExclusions?: boolean;
}

/**
 * A sparse, scored candidate set for a whole programme, shaped as the optimiser's instance
 * (`{mentees, mentors, pairs}`), plus the exclusions for managers.
 */
export interface CandidatePairs {
  /** Everyone enrolled as mentee. */
  mentees: { id: string }[];
  /** Mentors with a free place; `capacity` is the number of free places. */
  mentors: { id: string; capacity: number; group: boolean }[];
  /** Allowed pairs with integer scores ≥ 0: each mentee's top-k mentors ∪ each mentor's top-k mentees. */
  pairs: { mentee: string; mentor: string; score: number }[];
  /** For programme managers only (with `includeExclusions`): excluded pairs met during the search. */
  exclusions: Exclusion[];
}

/**
 * Builds the sparse scored pair list of a programme for the programme-wide assignment: the union
 * of every mentee's top-k mentors and every mentor's top-k mentees (no diversity jitter; full
 * mentors left out). Pairs breaking a hard rule are never listed. Feed the result to `assign`.
 * For a pair outside the list, {@link scorePair} gives its score (or null when excluded).
 *
 * @example
 * const instance = buildCandidatePairs(pool, { k: 50 });
 * // { mentees: [{id}], mentors: [{id, capacity, group}], pairs: [{mentee, mentor, score}], exclusions: [] }
 */
export function buildCandidatePairs(
  source: MatchPool | MatchIndex,
  options: CandidatePairsOptions = {},
): CandidatePairs {
  const index = source instanceof MatchIndex ? source : buildMatchIndex(source);
  const k = options.k ?? 50;
  if (!Number.isInteger(k) || k < 1 || k > 1000)
    throw new MatchInputError(['options.k: must be an integer from 1 to 1000']);
  const n = index.n;
  const seen = new Set<number>();
  const excluded = new Set<number>();
  const result: CandidatePairs = { mentees: [], mentors: [], pairs: [], exclusions: [] };
  const add = (mentee: number, mentor: number, score: number) => {
    const key = mentee * n + mentor;
    if (seen.has(key)) return;
    seen.add(key);
    result.pairs.push({ mentee: index.ids[mentee], mentor: index.ids[mentor], score });
  };
  const collect = (list: Exclusion[]) => {
    for (const e of list) {
      const key = index.indexOf(e.mentee) * n + index.indexOf(e.mentor);
      if (excluded.has(key)) continue;
      excluded.add(key);
      result.exclusions.push(e);
    }
  };
  for (let i = 0; i < n; i++) {
    if (index.canMentee[i] === 1) result.mentees.push({ id: index.ids[i] });
    if (index.canMentor[i] === 1 && index.remaining[i] > 0) {
      result.mentors.push({
        id: index.ids[i],
        capacity: index.remaining[i],
        group: index.group[i] === 1,
      });
    }
  }
  for (let i = 0; i < n; i++) {
    if (index.canMentee[i] === 1) {
      const plan = planFor(
        index,
        index.ids[i],
        'mentee',
        k,
        'exclude',
        options.includeExclusions === true,
      );
      const got = rankCandidates(plan);
      for (const r of got.top.items) add(i, r.idx, r.score);
      collect(got.exclusions);
    }
    if (index.canMentor[i] === 1 && index.remaining[i] > 0) {
      const plan = planFor(
        index,
        index.ids[i],
        'mentor',
        k,
        'flag',
        options.includeExclusions === true,
      );
      const got = rankCandidates(plan);
      for (const r of got.top.items) add(r.idx, i, r.score);
      collect(got.exclusions);
    }
  }
  return result;
}

function resolve(index: MatchIndex, menteeId: string, mentorId: string): [number, number] {
  const mentee = index.indexOf(menteeId);
  const mentor = index.indexOf(mentorId);
  const problems: string[] = [];
  if (mentee === -1) problems.push(`mentee: unknown participant "${menteeId}"`);
  if (mentor === -1) problems.push(`mentor: unknown participant "${mentorId}"`);
  if (problems.length > 0) throw new MatchInputError(problems);
  return [mentee, mentor];
}

/**
 * The score of one (mentee, mentor) pair, or null when a hard rule excludes it (a full mentor
 * counts as excluded). O(size of the two profiles).
 *
 * @example
 * scorePair(index, 'p-anna', 'p-bram'); // 83500, or null
 */
export function scorePair(index: MatchIndex, menteeId: string, mentorId: string): number | null {
  const [mentee, mentor] = resolve(index, menteeId, mentorId);
  if (index.exclusionMask(mentee, mentor, true) !== 0) return null;
  return index.scoreOf(index.partStrengths(mentee, mentor));
}

/** The full evaluation of one pair: scored with reasons, or excluded with the rule. */
export type PairEvaluation =
  | {
      allowed: true;
      mentee: string;
      mentor: string;
      score: number;
      /** Score as a percentage of the maximum possible (0–100). */
      strength: number;
      parts: Record<ScorePartCode, number>;
      /** Every part that contributes, highest first, rendered for the viewer. */
      reasons: Reason[];
    }
  | {
      allowed: false;
      mentee: string;
      mentor: string;
      /** For programme managers only: never show it to participants. */
      exclusion: Exclusion;
    };

/**
 * Scores and explains one pair, or says which rule excludes it. Use it for a manager's proposal
 * board (`viewer: 'manager'` renders third-person sentences) and to refuse a request to someone
 * in the requester's reporting line. Capacity is checked unless `checkCapacity: false`.
 *
 * @example
 * const e = evaluatePair(index, 'p-anna', 'p-bram', { viewer: 'manager' });
 * if (!e.allowed) console.log(e.exclusion.code, e.exclusion.sentence.en);
 * else console.log(e.reasons.map((r) => r.sentence.nl));
 */
export function evaluatePair(
  index: MatchIndex,
  menteeId: string,
  mentorId: string,
  options: { viewer?: Viewer; checkCapacity?: boolean } = {},
): PairEvaluation {
  const [mentee, mentor] = resolve(index, menteeId, mentorId);
  const mask = index.exclusionMask(mentee, mentor, options.checkCapacity !== false);
  if (mask !== 0) {
    return {
      allowed: false,
      mentee: menteeId,
      mentor: mentorId,
      exclusion: buildExclusion(index, mentee, mentor, mask),
    };
  }
  const strengths = index.partStrengths(mentee, mentor);
  const score = index.scoreOf(strengths);
  const parts = {} as Record<ScorePartCode, number>;
  PART_CODES.forEach((code, i) => (parts[code] = index.w[i] * strengths[i]));
  return {
    allowed: true,
    mentee: menteeId,
    mentor: mentorId,
    score,
    strength: index.maxScore === 0 ? 0 : Math.round((100 * score) / index.maxScore),
    parts,
    reasons: buildReasons(
      index,
      mentee,
      mentor,
      strengths,
      options.viewer ?? 'manager',
      PART_CODES.length,
    ),
  };
}
