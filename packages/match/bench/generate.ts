/** Deterministic instance generators for the benchmark (and handy in tests). */
import type { AssignmentInstance } from '../src/assignment/index.js';

/** Small fast PRNG (mulberry32) so every run sees the same instances. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n×n row-major integer costs drawn uniformly from [0, distinct). */
export function generateDenseCosts(n: number, distinct: number, seed: number): Int32Array {
  const random = createRandom(seed);
  const cost = new Int32Array(n * n);
  for (let k = 0; k < cost.length; k++) cost[k] = Math.floor(random() * distinct);
  return cost;
}

export interface ProgrammeShape {
  mentees: number;
  mentors: number;
  candidatesPerMentee: number;
  minCapacity: number;
  maxCapacity: number;
  /** Zipf exponent of mentor popularity (0 = uniform). */
  skew: number;
  seed: number;
}

/**
 * A realistic programme: mentor popularity follows a Zipf law, each mentee lists
 * `candidatesPerMentee` distinct mentors drawn by popularity, scores (0–1000) mix the mentor's
 * appeal with pair-specific fit.
 */
export function generateProgramme(shape: ProgrammeShape): AssignmentInstance {
  const random = createRandom(shape.seed);
  const { mentees: nMentees, mentors: nMentors, candidatesPerMentee: k } = shape;
  const weight = new Float64Array(nMentors);
  let total = 0;
  for (let j = 0; j < nMentors; j++) {
    weight[j] = 1 / Math.pow(j + 1, shape.skew);
    total += weight[j];
  }
  const cumulative = new Float64Array(nMentors);
  let acc = 0;
  for (let j = 0; j < nMentors; j++) {
    acc += weight[j] / total;
    cumulative[j] = acc;
  }
  const appeal = new Float64Array(nMentors);
  for (let j = 0; j < nMentors; j++) appeal[j] = 400 * (1 - j / nMentors) + 200 * random();
  const mentors = Array.from({ length: nMentors }, (_, j) => ({
    id: `mentor-${j}`,
    capacity:
      shape.minCapacity + Math.floor(random() * (shape.maxCapacity - shape.minCapacity + 1)),
  }));
  const mentees = Array.from({ length: nMentees }, (_, i) => ({ id: `mentee-${i}` }));
  const pairs: { mentee: string; mentor: string; score: number }[] = [];
  const mark = new Int32Array(nMentors).fill(-1);
  for (let i = 0; i < nMentees; i++) {
    let got = 0;
    let tries = 0;
    while (got < Math.min(k, nMentors) && tries < 50 * k) {
      tries++;
      const r = random();
      let lo = 0;
      let hi = nMentors - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] < r) lo = mid + 1;
        else hi = mid;
      }
      if (mark[lo] === i) continue;
      mark[lo] = i;
      got++;
      const score = Math.min(1000, Math.floor(appeal[lo] + 400 * random()));
      pairs.push({ mentee: mentees[i].id, mentor: mentors[lo].id, score });
    }
  }
  return { mentees, mentors, pairs };
}
