import { solveCapacitated } from './capacitated-solver.js';
import type { CapacitatedSolution, CsrGraph } from './capacitated-solver.js';
import { prepareInstance } from './prepare-instance.js';
import type { PreparedInstance } from './prepare-instance.js';
import type {
  AssignedPair,
  AssignmentInstance,
  AssignmentResult,
  AssignOptions,
  UndersizedGroup,
} from './types.js';

const AUTO_CANDIDATE_THRESHOLD = 100_000;
const AUTO_K = 6;

/**
 * Programme-wide optimal assignment with mentor capacities: first the most matched mentees, then
 * the highest total score. Exact, with a dual certificate (see {@link verifyAssignment}).
 *
 * @example
 * ```ts
 * const result = assign({
 *   mentees: [{ id: 'ann' }, { id: 'bob' }],
 *   mentors: [{ id: 'max', capacity: 1 }, { id: 'eva', capacity: 1 }],
 *   pairs: [
 *     { mentee: 'ann', mentor: 'max', score: 9 },
 *     { mentee: 'bob', mentor: 'max', score: 8 },
 *     { mentee: 'ann', mentor: 'eva', score: 1 },
 *   ],
 * });
 * // result.pairs: ann–eva (1) and bob–max (8): two matched beats one matched with score 9.
 * ```
 */
export function assign(
  instance: AssignmentInstance,
  options: AssignOptions = {},
): AssignmentResult {
  const prep = prepareInstance(instance);
  const groupMode = options.groupMinimum ?? 'report';
  const maxRounds = options.maxPricingRounds ?? 10;
  let k: number | 'all';
  const c = options.candidates ?? 'auto';
  if (c === 'auto') k = prep.nPairs > AUTO_CANDIDATE_THRESHOLD ? AUTO_K : 'all';
  else if (c === 'all') k = 'all';
  else {
    if (!Number.isInteger(c) || c < 1)
      throw new RangeError(`candidates must be 'all', 'auto' or a positive integer`);
    k = c;
  }

  const cap = prep.residualCapacity.slice();
  const closed: number[] = [];
  let solves = 0;
  let violations = 0;
  for (;;) {
    const run = solveWithPricing(prep, cap, k, maxRounds);
    solves += run.solves;
    violations += run.violations;
    const undersized = findUndersized(prep, run.solution.rowCol);
    if (groupMode === 'close-undersized') {
      // Close the smallest undersized group without pins (ties: input order) and solve again.
      let pick = -1;
      for (const g of undersized) {
        if (prep.residualCapacity[g.j] !== prep.capacity[g.j]) continue; // pinned members keep it open
        if (pick < 0 || g.size < undersized[pick].size) pick = undersized.indexOf(g);
      }
      if (pick >= 0) {
        const j = undersized[pick].j;
        cap[j] = 0;
        closed.push(j);
        continue;
      }
    }
    return buildResult(prep, run, {
      solves,
      violations,
      undersized: undersized.map(({ j, size }) => ({
        mentor: prep.mentorIds[j],
        size,
        minimum: prep.minGroupSize[j],
      })),
      closed: closed.map((j) => prep.mentorIds[j]),
    });
  }
}

interface PricedRun {
  solution: CapacitatedSolution;
  /** Row searches and backward (warm-start repair) searches over all solves. */
  searches: number;
  holeSearches: number;
  /** Pair index behind each arc of the last solved graph. */
  arcPair: Int32Array;
  candidatePairs: number;
  solves: number;
  violations: number;
}

function solveWithPricing(
  prep: PreparedInstance,
  cap: Int32Array,
  k: number | 'all',
  maxRounds: number,
): PricedRun {
  const { nPairs, pairAllowed, pinnedPair, pairMentee, pairMentor, pairScore, bigM } = prep;
  const usable = new Uint8Array(nPairs);
  for (let p = 0; p < nPairs; p++)
    usable[p] = pairAllowed[p] === 1 && pinnedPair[pairMentee[p]] < 0 ? 1 : 0;
  const selected = k === 'all' ? usable : selectCandidates(prep, cap, usable, k);
  let solves = 0;
  let violations = 0;
  let previous: CapacitatedSolution | undefined;
  let searches = 0;
  let holeSearches = 0;
  for (let round = 0; ; round++) {
    const { graph, arcPair } = buildGraph(prep, cap, selected);
    // Re-solves start from the previous optimum and its duals (warm start).
    const solution = solveCapacitated(graph, previous);
    previous = solution;
    searches += solution.searches;
    holeSearches += solution.holeSearches;
    solves++;
    if (selected === usable) {
      return {
        solution,
        arcPair,
        candidatePairs: arcPair.length,
        solves,
        violations,
        searches,
        holeSearches,
      };
    }
    // Pricing: an omitted pair with u + v < bigM + score could improve the result.
    const { u, v } = solution;
    let found = 0;
    for (let p = 0; p < nPairs; p++) {
      if (usable[p] === 1 && selected[p] === 0) {
        if (u[pairMentee[p]] + v[pairMentor[p]] < bigM + pairScore[p]) {
          selected[p] = 1;
          found++;
        }
      }
    }
    violations += found;
    if (found === 0)
      return {
        solution,
        arcPair,
        candidatePairs: arcPair.length,
        solves,
        violations,
        searches,
        holeSearches,
      };
    if (round + 1 >= maxRounds) selected.set(usable);
  }
}

/** Union of each mentee's top-k pairs and each mentor's top-(k·capacity) pairs, by score. */
function selectCandidates(
  prep: PreparedInstance,
  cap: Int32Array,
  usable: Uint8Array,
  k: number,
): Uint8Array {
  const { nPairs, nMentees, nMentors, menteeStart, menteePairs, pairMentor, pairScore } = prep;
  const selected = new Uint8Array(nPairs);
  const buf = new Float64Array(Math.max(16, nPairs));
  const pickTop = (list: Int32Array, from: number, to: number, limit: number): void => {
    let n = 0;
    for (let x = from; x < to; x++) if (usable[list[x]] === 1) buf[n++] = pairScore[list[x]];
    if (n <= limit) {
      for (let x = from; x < to; x++) if (usable[list[x]] === 1) selected[list[x]] = 1;
      return;
    }
    const sorted = buf.subarray(0, n).sort();
    const threshold = sorted[n - limit];
    let taken = 0;
    // Strictly better first, then ties at the threshold up to the limit.
    for (let x = from; x < to; x++) {
      const p = list[x];
      if (usable[p] === 1 && pairScore[p] > threshold) {
        selected[p] = 1;
        taken++;
      }
    }
    for (let x = from; x < to && taken < limit; x++) {
      const p = list[x];
      if (usable[p] === 1 && pairScore[p] === threshold) {
        selected[p] = 1;
        taken++;
      }
    }
  };
  for (let i = 0; i < nMentees; i++) pickTop(menteePairs, menteeStart[i], menteeStart[i + 1], k);
  const mentorStart = new Int32Array(nMentors + 1);
  for (let p = 0; p < nPairs; p++) mentorStart[pairMentor[p] + 1]++;
  for (let j = 0; j < nMentors; j++) mentorStart[j + 1] += mentorStart[j];
  const fill = mentorStart.slice(0, nMentors);
  const mentorPairs = new Int32Array(nPairs);
  for (let p = 0; p < nPairs; p++) mentorPairs[fill[pairMentor[p]]++] = p;
  for (let j = 0; j < nMentors; j++) {
    if (cap[j] > 0) pickTop(mentorPairs, mentorStart[j], mentorStart[j + 1], k * cap[j]);
  }
  return selected;
}

function buildGraph(
  prep: PreparedInstance,
  cap: Int32Array,
  selected: Uint8Array,
): { graph: CsrGraph; arcPair: Int32Array } {
  const { nMentees, nMentors, menteeStart, menteePairs, pairMentor, pairScore, bigM } = prep;
  let nArcs = 0;
  for (let x = 0; x < menteePairs.length; x++) nArcs += selected[menteePairs[x]];
  const rowStart = new Int32Array(nMentees + 1);
  const arcCol = new Int32Array(nArcs);
  const arcWeight = new Float64Array(nArcs);
  const arcPair = new Int32Array(nArcs);
  let a = 0;
  for (let i = 0; i < nMentees; i++) {
    rowStart[i] = a;
    for (let x = menteeStart[i]; x < menteeStart[i + 1]; x++) {
      const p = menteePairs[x];
      if (selected[p] === 0) continue;
      arcCol[a] = pairMentor[p];
      arcWeight[a] = bigM + pairScore[p];
      arcPair[a] = p;
      a++;
    }
  }
  rowStart[nMentees] = a;
  return { graph: { nRows: nMentees, nCols: nMentors, rowStart, arcCol, arcWeight, cap }, arcPair };
}

function findUndersized(prep: PreparedInstance, rowCol: Int32Array): { j: number; size: number }[] {
  const size = new Int32Array(prep.nMentors);
  for (let i = 0; i < prep.nMentees; i++) {
    const p = prep.pinnedPair[i];
    if (p >= 0) size[prep.pairMentor[p]]++;
    else if (rowCol[i] >= 0) size[rowCol[i]]++;
  }
  const out: { j: number; size: number }[] = [];
  for (let j = 0; j < prep.nMentors; j++) {
    if (prep.isGroup[j] === 1 && size[j] > 0 && size[j] < prep.minGroupSize[j])
      out.push({ j, size: size[j] });
  }
  return out;
}

function buildResult(
  prep: PreparedInstance,
  run: PricedRun,
  extra: { solves: number; violations: number; undersized: UndersizedGroup[]; closed: string[] },
): AssignmentResult {
  const { menteeIds, mentorIds, pinnedPair, pairMentor, pairScore, nMentees, nMentors, bigM } =
    prep;
  const { solution, arcPair, candidatePairs } = run;
  const { rowCol, rowArc, u, v } = solution;
  const pairs: AssignedPair[] = [];
  const unmatched: string[] = [];
  const menteeDuals: Record<string, number> = {};
  const mentorDuals: Record<string, number> = {};
  let score = 0;
  for (let i = 0; i < nMentees; i++) {
    const pin = pinnedPair[i];
    if (pin >= 0) {
      pairs.push({
        mentee: menteeIds[i],
        mentor: mentorIds[pairMentor[pin]],
        score: pairScore[pin],
      });
      score += pairScore[pin];
      continue;
    }
    menteeDuals[menteeIds[i]] = u[i];
    const j = rowCol[i];
    if (j < 0) {
      unmatched.push(menteeIds[i]);
      continue;
    }
    const s = pairScore[arcPair[rowArc[i]]];
    pairs.push({ mentee: menteeIds[i], mentor: mentorIds[j], score: s });
    score += s;
  }
  for (let j = 0; j < nMentors; j++) mentorDuals[mentorIds[j]] = v[j];
  return {
    pairs,
    matched: pairs.length,
    score,
    optimal: true,
    unmatched,
    duals: { bigM, mentees: menteeDuals, mentors: mentorDuals },
    groups: { undersized: extra.undersized, closed: extra.closed },
    stats: {
      totalPairs: prep.nPairs,
      candidatePairs,
      solves: extra.solves,
      pricingViolations: extra.violations,
      searches: run.searches,
      holeSearches: run.holeSearches,
    },
  };
}
