import { InvalidInstanceError } from './errors.js';
import type { AssignmentInstance } from './types.js';

/** An assignment instance checked and turned into typed arrays (internal). */
export interface PreparedInstance {
  menteeIds: string[];
  mentorIds: string[];
  menteeIndex: Map<string, number>;
  mentorIndex: Map<string, number>;
  nMentees: number;
  nMentors: number;
  capacity: Int32Array;
  isGroup: Uint8Array;
  minGroupSize: Int32Array;
  nPairs: number;
  pairMentee: Int32Array;
  pairMentor: Int32Array;
  pairScore: Float64Array;
  /** 1 when the pair may be used (not forbidden). */
  pairAllowed: Uint8Array;
  /** Pairs grouped by mentee (CSR over pair indices). */
  menteeStart: Int32Array;
  menteePairs: Int32Array;
  /** Pair index of each mentee's pin, -1 when not pinned. */
  pinnedPair: Int32Array;
  /** Capacity left after pins. */
  residualCapacity: Int32Array;
  /** Lexicographic constant: 1 + Σ over non-pinned mentees of their best allowed score. */
  bigM: number;
}

const MAX_EXACT = 2 ** 53;

function fail(message: string): never {
  throw new InvalidInstanceError(message);
}

function checkId(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.length === 0)
    fail(`${where}: id must be a non-empty string`);
  return value;
}

/** Validate an instance and index it; throws {@link InvalidInstanceError} naming the first problem. */
export function prepareInstance(instance: AssignmentInstance): PreparedInstance {
  if (instance === null || typeof instance !== 'object') fail('instance must be an object');
  const { mentees, mentors, pairs } = instance;
  if (!Array.isArray(mentees)) fail('mentees must be an array');
  if (!Array.isArray(mentors)) fail('mentors must be an array');
  if (!Array.isArray(pairs)) fail('pairs must be an array');
  const nMentees = mentees.length;
  const nMentors = mentors.length;
  const menteeIds: string[] = new Array<string>(nMentees);
  const menteeIndex = new Map<string, number>();
  for (let i = 0; i < nMentees; i++) {
    const m = mentees[i];
    if (m === null || typeof m !== 'object') fail(`mentees[${i}] must be an object`);
    const id = checkId(m.id, `mentees[${i}]`);
    if (menteeIndex.has(id)) fail(`mentees[${i}]: duplicate mentee id "${id}"`);
    menteeIndex.set(id, i);
    menteeIds[i] = id;
  }
  const mentorIds: string[] = new Array<string>(nMentors);
  const mentorIndex = new Map<string, number>();
  const capacity = new Int32Array(nMentors);
  const isGroup = new Uint8Array(nMentors);
  const minGroupSize = new Int32Array(nMentors);
  for (let j = 0; j < nMentors; j++) {
    const m = mentors[j];
    if (m === null || typeof m !== 'object') fail(`mentors[${j}] must be an object`);
    const id = checkId(m.id, `mentors[${j}]`);
    if (mentorIndex.has(id)) fail(`mentors[${j}]: duplicate mentor id "${id}"`);
    mentorIndex.set(id, j);
    mentorIds[j] = id;
    const cap: unknown = m.capacity;
    if (typeof cap !== 'number' || !Number.isInteger(cap))
      fail(`mentors[${j}] ("${id}"): capacity must be an integer`);
    if (cap < 0) fail(`mentors[${j}] ("${id}"): capacity must not be negative, got ${cap}`);
    if (cap > 2 ** 30) fail(`mentors[${j}] ("${id}"): capacity ${cap} is too large`);
    capacity[j] = cap;
    if (m.group !== undefined && typeof m.group !== 'boolean')
      fail(`mentors[${j}] ("${id}"): group must be a boolean`);
    if (m.group === true) {
      isGroup[j] = 1;
      const min: unknown = m.minGroupSize ?? Math.min(3, cap);
      if (typeof min !== 'number' || !Number.isInteger(min) || min < 1 || min > cap) {
        fail(
          `mentors[${j}] ("${id}"): minGroupSize must be an integer between 1 and the capacity ${cap}`,
        );
      }
      minGroupSize[j] = min;
    } else if (m.minGroupSize !== undefined) {
      fail(`mentors[${j}] ("${id}"): minGroupSize is only allowed with group: true`);
    }
  }

  const nPairs = pairs.length;
  const pairMentee = new Int32Array(nPairs);
  const pairMentor = new Int32Array(nPairs);
  const pairScore = new Float64Array(nPairs);
  let maxScore = 0;
  for (let p = 0; p < nPairs; p++) {
    const pair = pairs[p];
    if (pair === null || typeof pair !== 'object') fail(`pairs[${p}] must be an object`);
    const i = menteeIndex.get(pair.mentee);
    if (i === undefined) fail(`pairs[${p}]: unknown mentee id ${JSON.stringify(pair.mentee)}`);
    const j = mentorIndex.get(pair.mentor);
    if (j === undefined) fail(`pairs[${p}]: unknown mentor id ${JSON.stringify(pair.mentor)}`);
    const score: unknown = pair.score;
    if (typeof score !== 'number' || !Number.isSafeInteger(score)) {
      fail(
        `pairs[${p}] (${pair.mentee}, ${pair.mentor}): score must be an integer, got ${JSON.stringify(score)}`,
      );
    }
    if (score < 0)
      fail(`pairs[${p}] (${pair.mentee}, ${pair.mentor}): score must be ≥ 0, got ${score}`);
    pairMentee[p] = i;
    pairMentor[p] = j;
    pairScore[p] = score;
    if (score > maxScore) maxScore = score;
  }

  // Group pairs by mentee (counting sort) and reject duplicates.
  const menteeStart = new Int32Array(nMentees + 1);
  for (let p = 0; p < nPairs; p++) menteeStart[pairMentee[p] + 1]++;
  for (let i = 0; i < nMentees; i++) menteeStart[i + 1] += menteeStart[i];
  const fill = menteeStart.slice(0, nMentees);
  const menteePairs = new Int32Array(nPairs);
  for (let p = 0; p < nPairs; p++) menteePairs[fill[pairMentee[p]]++] = p;
  const seenBy = new Int32Array(nMentors).fill(-1);
  const pairOf = new Int32Array(nMentors);
  for (let i = 0; i < nMentees; i++) {
    for (let k = menteeStart[i]; k < menteeStart[i + 1]; k++) {
      const p = menteePairs[k];
      const j = pairMentor[p];
      if (seenBy[j] === i)
        fail(
          `pairs[${p}]: duplicate pair (${menteeIds[i]}, ${mentorIds[j]}), also pairs[${pairOf[j]}]`,
        );
      seenBy[j] = i;
      pairOf[j] = p;
    }
  }
  const findPair = (i: number, j: number): number => {
    for (let k = menteeStart[i]; k < menteeStart[i + 1]; k++)
      if (pairMentor[menteePairs[k]] === j) return menteePairs[k];
    return -1;
  };

  const pairAllowed = new Uint8Array(nPairs).fill(1);
  const forbids = instance.forbids ?? [];
  if (!Array.isArray(forbids)) fail('forbids must be an array');
  forbids.forEach((f, k) => {
    const i = menteeIndex.get(f?.mentee);
    if (i === undefined) fail(`forbids[${k}]: unknown mentee id ${JSON.stringify(f?.mentee)}`);
    const j = mentorIndex.get(f?.mentor);
    if (j === undefined) fail(`forbids[${k}]: unknown mentor id ${JSON.stringify(f?.mentor)}`);
    const p = findPair(i, j);
    if (p >= 0) pairAllowed[p] = 0;
  });

  const pinnedPair = new Int32Array(nMentees).fill(-1);
  const residualCapacity = capacity.slice();
  const pins = instance.pins ?? [];
  if (!Array.isArray(pins)) fail('pins must be an array');
  pins.forEach((pin, k) => {
    const i = menteeIndex.get(pin?.mentee);
    if (i === undefined) fail(`pins[${k}]: unknown mentee id ${JSON.stringify(pin?.mentee)}`);
    const j = mentorIndex.get(pin?.mentor);
    if (j === undefined) fail(`pins[${k}]: unknown mentor id ${JSON.stringify(pin?.mentor)}`);
    const p = findPair(i, j);
    if (p < 0) fail(`pins[${k}]: (${pin.mentee}, ${pin.mentor}) is not a listed pair`);
    if (pairAllowed[p] === 0) fail(`pins[${k}]: (${pin.mentee}, ${pin.mentor}) is also forbidden`);
    if (pinnedPair[i] >= 0) fail(`pins[${k}]: mentee "${pin.mentee}" is pinned twice`);
    if (residualCapacity[j] === 0)
      fail(`pins[${k}]: mentor "${pin.mentor}" has more pins than capacity`);
    pinnedPair[i] = p;
    residualCapacity[j]--;
  });

  // bigM > Σ_i max score makes one more matched pair worth more than any score difference.
  let sumBest = 0;
  for (let i = 0; i < nMentees; i++) {
    if (pinnedPair[i] >= 0) continue;
    let best = -1;
    for (let k = menteeStart[i]; k < menteeStart[i + 1]; k++) {
      const p = menteePairs[k];
      if (pairAllowed[p] === 1 && pairScore[p] > best) best = pairScore[p];
    }
    if (best > 0) sumBest += best;
  }
  const bigM = sumBest + 1;
  let totalCap = 0;
  for (let j = 0; j < nMentors; j++) totalCap += residualCapacity[j];
  // Every primal and dual sum stays an exact integer in a Float64 below this bound.
  if ((nMentees + totalCap + 1) * (bigM + maxScore) * 2 >= MAX_EXACT) {
    throw new RangeError(
      `instance too large for exact arithmetic: (mentees + capacity) · (bigM + max score) must stay below 2^52`,
    );
  }
  return {
    menteeIds,
    mentorIds,
    menteeIndex,
    mentorIndex,
    nMentees,
    nMentors,
    capacity,
    isGroup,
    minGroupSize,
    nPairs,
    pairMentee,
    pairMentor,
    pairScore,
    pairAllowed,
    menteeStart,
    menteePairs,
    pinnedPair,
    residualCapacity,
    bigM,
  };
}
