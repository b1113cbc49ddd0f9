/**
 * One benchmark measurement in its own process (so a slow peer can be killed at the time budget
 * and peak memory is per solver). Usage:
 *   node --expose-gc --conditions=klik-source --import tsx bench/worker.ts '<job json>'
 * Prints one JSON line: { times: ms[], value, maxRssMb, ...extra }.
 */
import { solveDenseAssignment, verifyDenseAssignment } from '../src/assignment/dense-assignment.js';
import { assign } from '../src/assignment/assign.js';
import { verifyAssignment } from '../src/assignment/verify-assignment.js';
import {
  derivePreferences,
  findBlockingPairs,
  prepareStable,
  runDeferredAcceptance,
  stable,
} from '../src/assignment/stable.js';
import { generateDenseCosts, generateProgramme } from './generate.js';
import type { ProgrammeShape } from './generate.js';

export type WorkerJob =
  | {
      kind: 'dense';
      solver: DenseSolver;
      n: number;
      distinct: number;
      seed: number;
      repeats: number;
      budgetMs: number;
    }
  | {
      kind: 'capacitated';
      shape: ProgrammeShape;
      repeats: number;
      candidates: 'all' | 'auto' | number;
    }
  | { kind: 'stable'; shape: ProgrammeShape; repeats: number };

export type DenseSolver = 'klik' | 'munkres' | 'munkres-algorithm' | 'linear-sum-assignment';

export interface WorkerResult {
  /** Wall-clock milliseconds per repetition. */
  times: number[];
  /** CPU milliseconds (user + system) per repetition: less sensitive to other load on a shared machine. */
  cpuTimes: number[];
  value: number;
  maxRssMb: number;
  extra: Record<string, number | string | boolean>;
}

type MunkresFn = (matrix: ArrayLike<ArrayLike<number>>) => [number, number][];
type MunkresAlgorithmFn = (matrix: ArrayLike<ArrayLike<number>>) => {
  assignments: (number | null)[];
  assignmentsWeight: number;
};
type LsaFn = (
  matrix: Float64Array[],
  options: { maximaze: boolean },
) => { rowAssignments: Float64Array };

async function importUntyped(name: string): Promise<Record<string, unknown>> {
  return (await import(name)) as Record<string, unknown>;
}

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect) collect();
}

async function runDense(job: Extract<WorkerJob, { kind: 'dense' }>): Promise<WorkerResult> {
  const { n } = job;
  const flat = generateDenseCosts(n, job.distinct, job.seed);
  const rows = (): Float64Array[] =>
    Array.from({ length: n }, (_, i) => Float64Array.from(flat.subarray(i * n, (i + 1) * n)));
  let solve: () => number;
  const extra: Record<string, number | string | boolean> = {};
  if (job.solver === 'klik') {
    solve = () => solveDenseAssignment(flat, n).cost;
  } else if (job.solver === 'munkres') {
    const fn = (await importUntyped('munkres')).munkres as MunkresFn;
    const m = rows();
    solve = () => fn(m).reduce((s, [i, j]) => s + flat[i * n + j], 0);
  } else if (job.solver === 'munkres-algorithm') {
    const fn = (await importUntyped('munkres-algorithm')).minWeightAssign as MunkresAlgorithmFn;
    const m = rows().map((row) => Array.from(row));
    solve = () => fn(m).assignmentsWeight;
  } else {
    const fn = (await importUntyped('linear-sum-assignment')).linearSumAssignment as LsaFn;
    const m = rows();
    solve = () => {
      const r = fn(m, { maximaze: false }).rowAssignments;
      let s = 0;
      for (let i = 0; i < n; i++) s += flat[i * n + r[i]];
      return s;
    };
  }
  // Warm up the JIT on a small matrix of the same shape so that no solver pays compile time.
  if (n > 200) await runDense({ ...job, n: 200, repeats: 2, budgetMs: 1e9 });
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let value = 0;
  let spent = 0;
  for (let r = 0; r < job.repeats && (r === 0 || spent < job.budgetMs / 2); r++) {
    gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    value = solve();
    const dt = performance.now() - t0;
    cpuTimes.push(cpuMs(c0));
    times.push(dt);
    spent += dt;
  }
  if (job.solver === 'klik' && n <= 2000) {
    extra.certificate = verifyDenseAssignment(flat, n, solveDenseAssignment(flat, n)).length === 0;
  }
  return { times, cpuTimes, value, maxRssMb: process.resourceUsage().maxRSS / 1024, extra };
}

function cpuMs(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function runCapacitated(job: Extract<WorkerJob, { kind: 'capacitated' }>): WorkerResult {
  const instance = generateProgramme(job.shape);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let value = 0;
  const extra: Record<string, number | string | boolean> = {};
  for (let r = 0; r < job.repeats; r++) {
    gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const result = assign(instance, { candidates: job.candidates });
    times.push(performance.now() - t0);
    cpuTimes.push(cpuMs(c0));
    value = result.matched * result.duals.bigM + result.score;
    if (r === job.repeats - 1) {
      const t1 = performance.now();
      const report = verifyAssignment(instance, result);
      extra.verifyMs = performance.now() - t1;
      extra.verified = report.optimal;
      extra.matched = result.matched;
      extra.score = result.score;
      extra.candidatePairs = result.stats.candidatePairs;
      extra.solves = result.stats.solves;
      extra.pricingViolations = result.stats.pricingViolations;
      extra.searches = result.stats.searches;
      extra.holeSearches = result.stats.holeSearches;
      extra.pairs = instance.pairs.length;
      extra.capacity = instance.mentors.reduce((s, m) => s + m.capacity, 0);
    }
  }
  return { times, cpuTimes, value, maxRssMb: process.resourceUsage().maxRSS / 1024, extra };
}

function runStable(job: Extract<WorkerJob, { kind: 'stable' }>): WorkerResult {
  const instance = derivePreferences(generateProgramme(job.shape));
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const coreTimes: number[] = [];
  let value = 0;
  let blocking = -1;
  for (let r = 0; r < job.repeats; r++) {
    gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const result = stable(instance);
    times.push(performance.now() - t0);
    cpuTimes.push(cpuMs(c0));
    value = result.pairs.length;
    const prepared = prepareStable(instance);
    const t1 = performance.now();
    runDeferredAcceptance(prepared);
    coreTimes.push(performance.now() - t1);
    if (r === job.repeats - 1) blocking = findBlockingPairs(instance, result).length;
  }
  coreTimes.sort((a, b) => a - b);
  return {
    times,
    cpuTimes,
    value,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    extra: { blockingPairs: blocking, coreMedianMs: coreTimes[coreTimes.length >> 1] },
  };
}

const job = JSON.parse(process.argv[2] ?? '{}') as WorkerJob;
const result =
  job.kind === 'dense'
    ? await runDense(job)
    : job.kind === 'capacitated'
      ? runCapacitated(job)
      : runStable(job);
process.stdout.write(`${JSON.stringify(result)}\n`);
