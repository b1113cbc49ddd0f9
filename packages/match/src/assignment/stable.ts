import { assign } from './assign.js';
import { InvalidInstanceError } from './errors.js';
import type { AssignOptions, AssignmentInstance, PairRef } from './types.js';

/** A mentee with a strict preference list of mentor ids, best first. */
export interface StableMentee {
  id: string;
  prefs: readonly string[];
}

/** A mentor with a capacity and a strict preference list of mentee ids, best first. */
export interface StableMentor {
  id: string;
  capacity: number;
  prefs: readonly string[];
}

/** Input of {@link stable}. A pair is acceptable when each side lists the other. */
export interface StableInstance {
  mentees: readonly StableMentee[];
  mentors: readonly StableMentor[];
}

/** Output of {@link stable}: the mentee-optimal stable matching. */
export interface StableResult {
  /** Matched pairs in mentee input order. */
  pairs: PairRef[];
  /** Mentees left without a mentor, in input order. */
  unmatched: string[];
  /** Proposals made (work done). */
  proposals: number;
}

/** A stable instance as typed arrays (internal, exported for the benchmark). */
export interface PreparedStable {
  menteeIds: string[];
  mentorIds: string[];
  capacity: Int32Array;
  /** Mentee i's acceptable mentors, best first: prefMentor[prefStart[i] .. prefStart[i+1]]. */
  prefStart: Int32Array;
  prefMentor: Int32Array;
  /** Rank of mentee i in the mentor's list at the same position (only acceptable pairs are kept). */
  prefRank: Int32Array;
}

function fail(message: string): never {
  throw new InvalidInstanceError(message);
}

/**
 * Validate and index a stable instance once (string ids → typed arrays); drops pairs that only one
 * side lists. Most of `stable()`'s time on large instances is this step, so a caller that re-runs
 * deferred acceptance (e.g. after editing capacities) can keep the prepared form.
 *
 * @example
 * ```ts
 * const prepared = prepareStable(instance);
 * const { menteeMentor } = runDeferredAcceptance(prepared); // mentor index per mentee, -1 = none
 * ```
 */
export function prepareStable(instance: StableInstance): PreparedStable {
  if (instance === null || typeof instance !== 'object') fail('instance must be an object');
  const { mentees, mentors } = instance;
  if (!Array.isArray(mentees)) fail('mentees must be an array');
  if (!Array.isArray(mentors)) fail('mentors must be an array');
  const nMentees = mentees.length;
  const nMentors = mentors.length;
  const menteeIndex = new Map<string, number>();
  const mentorIndex = new Map<string, number>();
  const menteeIds = new Array<string>(nMentees);
  const mentorIds = new Array<string>(nMentors);
  mentees.forEach((m, i) => {
    if (m === null || typeof m !== 'object') fail(`mentees[${i}] must be an object`);
    if (typeof m.id !== 'string' || m.id.length === 0)
      fail(`mentees[${i}]: id must be a non-empty string`);
    if (menteeIndex.has(m.id)) fail(`mentees[${i}]: duplicate mentee id "${m.id}"`);
    if (!Array.isArray(m.prefs))
      fail(`mentees[${i}] ("${m.id}"): prefs must be an array of mentor ids`);
    menteeIndex.set(m.id, i);
    menteeIds[i] = m.id;
  });
  const capacity = new Int32Array(nMentors);
  mentors.forEach((m, j) => {
    if (m === null || typeof m !== 'object') fail(`mentors[${j}] must be an object`);
    if (typeof m.id !== 'string' || m.id.length === 0)
      fail(`mentors[${j}]: id must be a non-empty string`);
    if (mentorIndex.has(m.id)) fail(`mentors[${j}]: duplicate mentor id "${m.id}"`);
    if (typeof m.capacity !== 'number' || !Number.isInteger(m.capacity))
      fail(`mentors[${j}] ("${m.id}"): capacity must be an integer`);
    if (m.capacity < 0)
      fail(`mentors[${j}] ("${m.id}"): capacity must not be negative, got ${m.capacity}`);
    if (!Array.isArray(m.prefs))
      fail(`mentors[${j}] ("${m.id}"): prefs must be an array of mentee ids`);
    mentorIndex.set(m.id, j);
    mentorIds[j] = m.id;
    capacity[j] = m.capacity;
  });

  // Mentor ranks, CSR by mentor.
  const rankStart = new Int32Array(nMentors + 1);
  for (let j = 0; j < nMentors; j++) rankStart[j + 1] = rankStart[j] + mentors[j].prefs.length;
  const rankMentee = new Int32Array(rankStart[nMentors]);
  const stampMentee = new Int32Array(nMentees).fill(-1);
  for (let j = 0; j < nMentors; j++) {
    const prefs = mentors[j].prefs;
    for (let r = 0; r < prefs.length; r++) {
      const i = menteeIndex.get(prefs[r]);
      if (i === undefined)
        fail(
          `mentors[${j}] ("${mentorIds[j]}"): prefs[${r}] is an unknown mentee id ${JSON.stringify(prefs[r])}`,
        );
      if (stampMentee[i] === j)
        fail(`mentors[${j}] ("${mentorIds[j]}"): mentee "${prefs[r]}" is listed twice`);
      stampMentee[i] = j;
      rankMentee[rankStart[j] + r] = i;
    }
  }
  // Mentee lists, then attach the mentor's rank of the mentee to each position.
  let total = 0;
  for (let i = 0; i < nMentees; i++) total += mentees[i].prefs.length;
  const rawStart = new Int32Array(nMentees + 1);
  const rawMentor = new Int32Array(total);
  const stampMentor = new Int32Array(nMentors).fill(-1);
  for (let i = 0; i < nMentees; i++) {
    const prefs = mentees[i].prefs;
    rawStart[i + 1] = rawStart[i] + prefs.length;
    for (let r = 0; r < prefs.length; r++) {
      const j = mentorIndex.get(prefs[r]);
      if (j === undefined)
        fail(
          `mentees[${i}] ("${menteeIds[i]}"): prefs[${r}] is an unknown mentor id ${JSON.stringify(prefs[r])}`,
        );
      if (stampMentor[j] === i)
        fail(`mentees[${i}] ("${menteeIds[i]}"): mentor "${prefs[r]}" is listed twice`);
      stampMentor[j] = i;
      rawMentor[rawStart[i] + r] = j;
    }
  }
  // Positions grouped by mentor so each mentor's ranks are looked up with one scratch array.
  const byMentorStart = new Int32Array(nMentors + 1);
  for (let x = 0; x < total; x++) byMentorStart[rawMentor[x] + 1]++;
  for (let j = 0; j < nMentors; j++) byMentorStart[j + 1] += byMentorStart[j];
  const fillPos = byMentorStart.slice(0, nMentors);
  const byMentorPos = new Int32Array(total);
  const posMentee = new Int32Array(total);
  for (let i = 0; i < nMentees; i++) {
    for (let x = rawStart[i]; x < rawStart[i + 1]; x++) {
      byMentorPos[fillPos[rawMentor[x]]++] = x;
      posMentee[x] = i;
    }
  }
  const rawRank = new Int32Array(total).fill(-1);
  const scratch = new Int32Array(nMentees).fill(-1);
  for (let j = 0; j < nMentors; j++) {
    for (let r = rankStart[j]; r < rankStart[j + 1]; r++) scratch[rankMentee[r]] = r - rankStart[j];
    for (let y = byMentorStart[j]; y < byMentorStart[j + 1]; y++) {
      const x = byMentorPos[y];
      rawRank[x] = scratch[posMentee[x]];
    }
    for (let r = rankStart[j]; r < rankStart[j + 1]; r++) scratch[rankMentee[r]] = -1;
  }
  // Keep acceptable pairs only.
  const prefStart = new Int32Array(nMentees + 1);
  let kept = 0;
  for (let x = 0; x < total; x++) if (rawRank[x] >= 0) kept++;
  const prefMentor = new Int32Array(kept);
  const prefRank = new Int32Array(kept);
  let k = 0;
  for (let i = 0; i < nMentees; i++) {
    prefStart[i] = k;
    for (let x = rawStart[i]; x < rawStart[i + 1]; x++) {
      if (rawRank[x] < 0) continue;
      prefMentor[k] = rawMentor[x];
      prefRank[k] = rawRank[x];
      k++;
    }
  }
  prefStart[nMentees] = k;
  return { menteeIds, mentorIds, capacity, prefStart, prefMentor, prefRank };
}

/**
 * Mentee-proposing deferred acceptance with capacities on a prepared instance. Returns the mentor
 * of each mentee (-1 when unmatched; indices into `prepared.mentorIds`) and the number of
 * proposals. Each mentor keeps its held mentees in a max-heap by rank, so a proposal costs
 * O(log capacity).
 *
 * @example
 * ```ts
 * const p = prepareStable(instance);
 * const { menteeMentor } = runDeferredAcceptance(p);
 * const mentorOfFirst = menteeMentor[0] >= 0 ? p.mentorIds[menteeMentor[0]] : undefined;
 * ```
 */
export function runDeferredAcceptance(p: PreparedStable): {
  menteeMentor: Int32Array;
  proposals: number;
} {
  const { capacity, prefStart, prefMentor, prefRank } = p;
  const nMentees = prefStart.length - 1;
  const nMentors = capacity.length;
  const slotStart = new Int32Array(nMentors + 1);
  for (let j = 0; j < nMentors; j++) slotStart[j + 1] = slotStart[j] + capacity[j];
  const heldMentee = new Int32Array(slotStart[nMentors]);
  const heldRank = new Int32Array(slotStart[nMentors]);
  const load = new Int32Array(nMentors);
  const next = prefStart.slice(0, nMentees);
  const menteeMentor = new Int32Array(nMentees).fill(-1);
  // Free mentees on a stack; the result does not depend on the order of proposals.
  const stack = new Int32Array(nMentees);
  let top = 0;
  for (let i = nMentees - 1; i >= 0; i--) stack[top++] = i;
  let proposals = 0;
  while (top > 0) {
    let i = stack[--top];
    while (i >= 0) {
      const x = next[i];
      if (x >= prefStart[i + 1]) break; // list exhausted: stays unmatched
      next[i]++;
      proposals++;
      const j = prefMentor[x];
      const rank = prefRank[x];
      const base = slotStart[j];
      const cap = capacity[j];
      if (load[j] < cap) {
        // Sift up in the max-heap of ranks.
        let pos = load[j]++;
        while (pos > 0) {
          const parent = (pos - 1) >> 1;
          if (heldRank[base + parent] >= rank) break;
          heldRank[base + pos] = heldRank[base + parent];
          heldMentee[base + pos] = heldMentee[base + parent];
          pos = parent;
        }
        heldRank[base + pos] = rank;
        heldMentee[base + pos] = i;
        menteeMentor[i] = j;
        i = -1;
      } else if (cap > 0 && heldRank[base] > rank) {
        // Replace the worst held mentee, who proposes next.
        const out = heldMentee[base];
        menteeMentor[out] = -1;
        menteeMentor[i] = j;
        let pos = 0;
        for (;;) {
          let child = 2 * pos + 1;
          if (child >= cap) break;
          if (child + 1 < cap && heldRank[base + child + 1] > heldRank[base + child]) child++;
          if (heldRank[base + child] <= rank) break;
          heldRank[base + pos] = heldRank[base + child];
          heldMentee[base + pos] = heldMentee[base + child];
          pos = child;
        }
        heldRank[base + pos] = rank;
        heldMentee[base + pos] = i;
        i = out;
      }
      // else rejected: i proposes to its next choice.
    }
  }
  return { menteeMentor, proposals };
}

/**
 * Stable matching: mentee-proposing deferred acceptance with mentor capacities. The result is the
 * mentee-optimal stable matching, which is unique for strict preference lists, so it does not
 * depend on the order of proposals. A pair is acceptable only when both sides list each other.
 *
 * @example
 * ```ts
 * stable({
 *   mentees: [{ id: 'ann', prefs: ['max', 'eva'] }, { id: 'bob', prefs: ['max'] }],
 *   mentors: [{ id: 'max', capacity: 1, prefs: ['bob', 'ann'] }, { id: 'eva', capacity: 1, prefs: ['ann'] }],
 * }).pairs; // [{ mentee: 'ann', mentor: 'eva' }, { mentee: 'bob', mentor: 'max' }]
 * ```
 */
export function stable(instance: StableInstance): StableResult {
  const prepared = prepareStable(instance);
  const { menteeMentor, proposals } = runDeferredAcceptance(prepared);
  const pairs: PairRef[] = [];
  const unmatched: string[] = [];
  for (let i = 0; i < menteeMentor.length; i++) {
    const j = menteeMentor[i];
    if (j >= 0) pairs.push({ mentee: prepared.menteeIds[i], mentor: prepared.mentorIds[j] });
    else unmatched.push(prepared.menteeIds[i]);
  }
  return { pairs, unmatched, proposals };
}

/**
 * Find the blocking pairs of a matching: a mutually acceptable (mentee, mentor) pair, not matched
 * together, where the mentee is unmatched or prefers the mentor to its own, and the mentor has room
 * or prefers the mentee to one of its mentees. An empty list means the matching is stable.
 * Throws {@link InvalidInstanceError} if the matching itself is invalid (unknown id, mentee twice,
 * over capacity, pair not mutually acceptable).
 *
 * @example
 * ```ts
 * findBlockingPairs(instance, stable(instance)); // []
 * ```
 */
export function findBlockingPairs(
  instance: StableInstance,
  result: { pairs: readonly PairRef[] },
): PairRef[] {
  const p = prepareStable(instance);
  const nMentees = p.menteeIds.length;
  const nMentors = p.mentorIds.length;
  const menteeIndex = new Map(p.menteeIds.map((id, i) => [id, i]));
  const mentorIndex = new Map(p.mentorIds.map((id, j) => [id, j]));
  const mentorOf = new Int32Array(nMentees).fill(-1);
  const rankOfMatch = new Int32Array(nMentees).fill(-1); // position in mentee's list
  const load = new Int32Array(nMentors);
  const worst = new Int32Array(nMentors).fill(-1); // worst rank held by the mentor
  for (const [k, pair] of result.pairs.entries()) {
    const i = menteeIndex.get(pair.mentee);
    const j = mentorIndex.get(pair.mentor);
    if (i === undefined || j === undefined)
      fail(`pairs[${k}]: unknown id in (${pair.mentee}, ${pair.mentor})`);
    if (mentorOf[i] >= 0) fail(`pairs[${k}]: mentee "${pair.mentee}" is matched twice`);
    let x = p.prefStart[i];
    while (x < p.prefStart[i + 1] && p.prefMentor[x] !== j) x++;
    if (x === p.prefStart[i + 1])
      fail(`pairs[${k}]: (${pair.mentee}, ${pair.mentor}) is not mutually acceptable`);
    mentorOf[i] = j;
    rankOfMatch[i] = x - p.prefStart[i];
    if (++load[j] > p.capacity[j]) fail(`pairs[${k}]: mentor "${pair.mentor}" is over capacity`);
    if (p.prefRank[x] > worst[j]) worst[j] = p.prefRank[x];
  }
  const blocking: PairRef[] = [];
  for (let i = 0; i < nMentees; i++) {
    const end = mentorOf[i] >= 0 ? p.prefStart[i] + rankOfMatch[i] : p.prefStart[i + 1];
    for (let x = p.prefStart[i]; x < end; x++) {
      const j = p.prefMentor[x];
      if (p.capacity[j] === 0) continue;
      if (load[j] < p.capacity[j] || p.prefRank[x] < worst[j]) {
        blocking.push({ mentee: p.menteeIds[i], mentor: p.mentorIds[j] });
      }
    }
  }
  return blocking;
}

/**
 * Preference lists implied by scores: each side ranks its allowed (non-forbidden) pairs by score,
 * highest first. Ties are broken deterministically by input order: a mentee prefers the mentor
 * listed earlier in `instance.mentors`, a mentor the mentee listed earlier in `instance.mentees`.
 *
 * @example
 * ```ts
 * const prefs = derivePreferences(instance); // then stable(prefs)
 * ```
 */
export function derivePreferences(instance: AssignmentInstance): StableInstance {
  const menteeIndex = new Map(instance.mentees.map((m, i) => [m.id, i]));
  const mentorIndex = new Map(instance.mentors.map((m, j) => [m.id, j]));
  const forbidden = new Set((instance.forbids ?? []).map((f) => `${f.mentee}\u0000${f.mentor}`));
  const byMentee = instance.mentees.map(() => [] as { j: number; score: number }[]);
  const byMentor = instance.mentors.map(() => [] as { i: number; score: number }[]);
  for (const [k, pair] of instance.pairs.entries()) {
    const i = menteeIndex.get(pair.mentee);
    const j = mentorIndex.get(pair.mentor);
    if (i === undefined || j === undefined)
      fail(`pairs[${k}]: unknown id in (${pair.mentee}, ${pair.mentor})`);
    if (forbidden.has(`${pair.mentee}\u0000${pair.mentor}`)) continue;
    byMentee[i].push({ j, score: pair.score });
    byMentor[j].push({ i, score: pair.score });
  }
  return {
    mentees: instance.mentees.map((m, i) => ({
      id: m.id,
      prefs: byMentee[i]
        .sort((a, b) => b.score - a.score || a.j - b.j)
        .map((e) => instance.mentors[e.j].id),
    })),
    mentors: instance.mentors.map((m, j) => ({
      id: m.id,
      capacity: m.capacity,
      prefs: byMentor[j]
        .sort((a, b) => b.score - a.score || a.i - b.i)
        .map((e) => instance.mentees[e.i].id),
    })),
  };
}

/** Output of {@link compareStableWithOptimal}. */
export interface StableComparison {
  stable: {
    pairs: { mentee: string; mentor: string; score: number }[];
    matched: number;
    score: number;
  };
  optimal: { matched: number; score: number };
  /** Blocking pairs of the stable result (always 0; reported as a check). */
  blockingPairs: number;
  /** Stable total score divided by the optimal total score (1 when the optimum is 0). */
  scoreRatio: number;
}

/**
 * Run stable matching on the preferences implied by the scores and report its matched count and
 * total score beside the optimal assignment's. Pins are not part of stable mode and are rejected.
 *
 * @example
 * ```ts
 * const { stable, optimal } = compareStableWithOptimal(instance);
 * console.log(`stable ${stable.score} vs optimal ${optimal.score}`);
 * ```
 */
export function compareStableWithOptimal(
  instance: AssignmentInstance,
  options: AssignOptions = {},
): StableComparison {
  if ((instance.pins ?? []).length > 0) fail('pins are not supported in stable mode');
  const optimal = assign(instance, options);
  const prefs = derivePreferences(instance);
  const result = stable(prefs);
  const scoreOf = new Map(instance.pairs.map((p) => [`${p.mentee}\u0000${p.mentor}`, p.score]));
  const pairs = result.pairs.map((p) => ({
    ...p,
    score: scoreOf.get(`${p.mentee}\u0000${p.mentor}`) ?? 0,
  }));
  const score = pairs.reduce((s, p) => s + p.score, 0);
  return {
    stable: { pairs, matched: pairs.length, score },
    optimal: { matched: optimal.matched, score: optimal.score },
    blockingPairs: findBlockingPairs(prefs, result).length,
    scoreRatio: optimal.score === 0 ? 1 : score / optimal.score,
  };
}
