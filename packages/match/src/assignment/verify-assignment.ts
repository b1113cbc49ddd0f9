import { prepareInstance } from './prepare-instance.js';
import type { AssignmentInstance, AssignmentResult } from './types.js';

/** One problem found by {@link verifyAssignment}. */
export interface VerificationIssue {
  code:
    | 'unknown-pair'
    | 'score-mismatch'
    | 'forbidden-pair'
    | 'mentee-twice'
    | 'over-capacity'
    | 'pin-missing'
    | 'totals-mismatch'
    | 'dual-missing'
    | 'dual-negative'
    | 'big-m-mismatch'
    | 'negative-reduced-cost'
    | 'not-tight'
    | 'duality-gap';
  message: string;
}

/** Report of {@link verifyAssignment}. */
export interface AssignmentVerification {
  /** Capacities, listed pairs only, pins kept, forbids avoided, totals consistent. */
  feasible: boolean;
  /** Feasible, dual feasible and primal objective equals dual objective. */
  optimal: boolean;
  matched: number;
  score: number;
  /** Σ (bigM + score) over the non-pinned matched pairs. */
  primalObjective: number;
  /** Σ mentee duals + Σ residual capacity · mentor duals. */
  dualObjective: number;
  /** Smallest reduced cost `u + v − (bigM + score)` over all allowed pairs (≥ 0 when dual feasible). */
  minReducedCost: number;
  /** Allowed pairs whose reduced cost was checked. */
  checkedPairs: number;
  issues: VerificationIssue[];
}

const MAX_ISSUES = 20;

/**
 * Check an {@link assign} result against its instance, trusting nothing in the result: feasibility
 * (capacities, listed pairs only, pins, forbids) and optimality through the duals (all ≥ 0, no
 * allowed pair with negative reduced cost, primal objective == dual objective). Because
 * `bigM` exceeds any achievable score sum, this proves the result first maximises the number of
 * matched mentees and then the total score. Mentors listed in `groups.closed` are checked with
 * capacity 0: the proof then covers the instance with those groups closed.
 *
 * @example
 * ```ts
 * const report = verifyAssignment(instance, assign(instance));
 * report.optimal; // true
 * ```
 */
export function verifyAssignment(
  instance: AssignmentInstance,
  result: AssignmentResult,
): AssignmentVerification {
  const prep = prepareInstance(instance);
  const {
    nMentees,
    nMentors,
    menteeIndex,
    mentorIndex,
    pairMentee,
    pairMentor,
    pairScore,
    pairAllowed,
  } = prep;
  const { menteeStart, menteePairs, pinnedPair, bigM } = prep;
  const issues: VerificationIssue[] = [];
  const report = (code: VerificationIssue['code'], message: string): void => {
    if (issues.length < MAX_ISSUES) issues.push({ code, message });
  };
  const residual = prep.residualCapacity.slice();
  const closed = new Set(result.groups?.closed ?? []);
  for (const id of closed) {
    const j = mentorIndex.get(id);
    if (j !== undefined) residual[j] = 0;
  }

  const menteeMentor = new Int32Array(nMentees).fill(-1);
  const load = new Int32Array(nMentors);
  let primal = 0;
  let score = 0;
  let feasible = true;
  for (const [k, pair] of result.pairs.entries()) {
    const i = menteeIndex.get(pair.mentee);
    const j = mentorIndex.get(pair.mentor);
    let p = -1;
    if (i !== undefined && j !== undefined) {
      for (let x = menteeStart[i]; x < menteeStart[i + 1]; x++)
        if (pairMentor[menteePairs[x]] === j) p = menteePairs[x];
    }
    if (i === undefined || j === undefined || p < 0) {
      feasible = false;
      report('unknown-pair', `pairs[${k}] (${pair.mentee}, ${pair.mentor}) is not a listed pair`);
      continue;
    }
    if (pairAllowed[p] === 0) {
      feasible = false;
      report('forbidden-pair', `pairs[${k}] (${pair.mentee}, ${pair.mentor}) is forbidden`);
    }
    if (pair.score !== pairScore[p]) {
      feasible = false;
      report(
        'score-mismatch',
        `pairs[${k}] reports score ${pair.score}, the instance says ${pairScore[p]}`,
      );
    }
    if (menteeMentor[i] >= 0) {
      feasible = false;
      report('mentee-twice', `mentee "${pair.mentee}" is matched more than once`);
    }
    menteeMentor[i] = j;
    load[j]++;
    score += pairScore[p];
    if (pinnedPair[i] < 0) primal += bigM + pairScore[p];
  }
  for (let j = 0; j < nMentors; j++) {
    const limit = closed.has(prep.mentorIds[j])
      ? prep.capacity[j] - prep.residualCapacity[j]
      : prep.capacity[j];
    if (load[j] > limit) {
      feasible = false;
      report(
        'over-capacity',
        `mentor "${prep.mentorIds[j]}" has ${load[j]} mentees, capacity ${limit}`,
      );
    }
  }
  for (let i = 0; i < nMentees; i++) {
    const p = pinnedPair[i];
    if (p >= 0 && menteeMentor[i] !== pairMentor[p]) {
      feasible = false;
      report(
        'pin-missing',
        `pinned pair (${prep.menteeIds[i]}, ${prep.mentorIds[pairMentor[p]]}) is missing`,
      );
    }
  }
  if (result.matched !== result.pairs.length || result.score !== score) {
    feasible = false;
    report(
      'totals-mismatch',
      `result says matched ${result.matched}, score ${result.score}; pairs give ${result.pairs.length}, ${score}`,
    );
  }

  // Dual feasibility and objective.
  let dualOk = true;
  if (result.duals?.bigM !== bigM) {
    dualOk = false;
    report('big-m-mismatch', `duals.bigM is ${result.duals?.bigM}, expected ${bigM}`);
  }
  const u = new Float64Array(nMentees);
  const v = new Float64Array(nMentors);
  let dual = 0;
  for (let i = 0; i < nMentees; i++) {
    if (pinnedPair[i] >= 0) continue;
    const value = result.duals?.mentees?.[prep.menteeIds[i]];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      dualOk = false;
      report('dual-missing', `no dual value for mentee "${prep.menteeIds[i]}"`);
      continue;
    }
    if (value < 0) {
      dualOk = false;
      report('dual-negative', `dual of mentee "${prep.menteeIds[i]}" is negative (${value})`);
    }
    u[i] = value;
    dual += value;
  }
  for (let j = 0; j < nMentors; j++) {
    const value = result.duals?.mentors?.[prep.mentorIds[j]];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      dualOk = false;
      report('dual-missing', `no dual value for mentor "${prep.mentorIds[j]}"`);
      continue;
    }
    if (value < 0) {
      dualOk = false;
      report('dual-negative', `dual of mentor "${prep.mentorIds[j]}" is negative (${value})`);
    }
    v[j] = value;
    dual += residual[j] * value;
  }
  let minReduced = Number.POSITIVE_INFINITY;
  let checked = 0;
  for (let p = 0; p < prep.nPairs; p++) {
    const i = pairMentee[p];
    if (pairAllowed[p] === 0 || pinnedPair[i] >= 0) continue;
    const j = pairMentor[p];
    const reduced = u[i] + v[j] - (bigM + pairScore[p]);
    checked++;
    if (reduced < minReduced) minReduced = reduced;
    if (reduced < 0) {
      dualOk = false;
      report(
        'negative-reduced-cost',
        `pair (${prep.menteeIds[i]}, ${prep.mentorIds[j]}) has reduced cost ${reduced}`,
      );
    } else if (reduced > 0 && menteeMentor[i] === j) {
      // Not needed for the proof (primal = dual already implies it) but names the culprit.
      report(
        'not-tight',
        `matched pair (${prep.menteeIds[i]}, ${prep.mentorIds[j]}) has reduced cost ${reduced}`,
      );
    }
  }
  if (primal !== dual) {
    dualOk = false;
    report('duality-gap', `primal objective ${primal} != dual objective ${dual}`);
  }
  return {
    feasible,
    optimal: feasible && dualOk,
    matched: result.pairs.length,
    score,
    primalObjective: primal,
    dualObjective: dual,
    minReducedCost: checked === 0 ? 0 : minReduced,
    checkedPairs: checked,
    issues,
  };
}
