/**
 * Klik matching benchmark: `npm run bench -w packages/match` (add `-- --quick` for a short run).
 * Every measurement runs in its own child process — Klik, the npm peers and scipy (python3) —
 * side by side in one run, so ratios compare like with like on the same (shared) machine. A peer
 * that exceeds the time budget is killed and reported as "> budget".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareInstance } from '../src/assignment/prepare-instance.js';
import { generateDenseCosts, generateProgramme } from './generate.js';
import type { ProgrammeShape } from './generate.js';
import type { DenseSolver, WorkerJob, WorkerResult } from './worker.js';

const quick = process.argv.includes('--quick');
const budgetMs = quick ? 15_000 : 30_000;
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const workerPath = fileURLToPath(new URL('./worker.ts', import.meta.url));
const scipyScript = fileURLToPath(new URL('./scipy-bench.py', import.meta.url));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'klik-bench-'));
const lines: string[] = [];
const log = (line = ''): void => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};

type Outcome = { ok: true; result: WorkerResult } | { ok: false; reason: string };

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function runWorker(job: WorkerJob, timeoutMs: number): Outcome {
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=4096',
      '--conditions=klik-source',
      '--import',
      'tsx',
      workerPath,
      JSON.stringify(job),
    ],
    {
      cwd: packageDir,
      encoding: 'utf8',
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
      maxBuffer: 1 << 24,
    },
  );
  if (child.error || child.signal)
    return { ok: false, reason: `> budget (${Math.round(timeoutMs / 1000)} s)` };
  if (child.status !== 0)
    return { ok: false, reason: `failed: ${child.stderr.trim().split('\n').slice(-1)[0] ?? ''}` };
  return { ok: true, result: JSON.parse(child.stdout) as WorkerResult };
}

interface ScipyResult {
  times: number[];
  cpuTimes: number[];
  scipy: string;
  cost?: number;
  weight?: number;
  matched?: number;
  expandSeconds?: number;
  edges?: number;
}

function runScipy(job: Record<string, unknown>, timeoutMs: number): ScipyResult | string {
  const jobPath = path.join(tmp, 'job.json');
  writeFileSync(jobPath, JSON.stringify(job));
  const child = spawnSync('python3', [scipyScript, jobPath], {
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  if (child.error || child.signal)
    return child.error?.message.includes('ENOENT')
      ? 'python3 not found'
      : `> budget (${Math.round(timeoutMs / 1000)} s)`;
  if (child.status !== 0) return `failed: ${child.stderr.trim().split('\n').slice(-1)[0] ?? ''}`;
  const out = JSON.parse(child.stdout) as ScipyResult;
  out.times = out.times.map((s) => s * 1000);
  out.cpuTimes = out.cpuTimes.map((s) => s * 1000);
  return out;
}

const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

function machine(): string {
  const cpu = os.cpus();
  return `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} logical cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

function denseSection(): void {
  const sizes = quick ? [1000, 2000] : [1000, 2000, 4000];
  const peers: DenseSolver[] = ['munkres', 'munkres-algorithm', 'linear-sum-assignment'];
  const timedOut = new Set<string>();
  for (const [label, distinct] of [
    ['uniform integer costs in [0, 10^6)', 1_000_000],
    ['heavily tied costs (20 distinct values)', 20],
  ] as const) {
    log(`### Dense n×n, ${label}`);
    log();
    log(
      `| n | scipy linear_sum_assignment, wall (CPU) | Klik solveDenseAssignment, wall (CPU) | Klik / scipy, wall (CPU) | ${peers.join(' | ')} |`,
    );
    log(`|---|---|---|---|${peers.map(() => '---').join('|')}|`);
    for (const n of sizes) {
      const repeats = quick ? (n >= 2000 ? 1 : 3) : n >= 4000 ? 3 : 5;
      const seed = n * 31 + distinct;
      const costPath = path.join(tmp, `dense-${n}-${distinct}.bin`);
      writeFileSync(costPath, generateDenseCosts(n, distinct, seed));
      const scipy = runScipy({ kind: 'dense', n, cost: costPath, repeats }, budgetMs * repeats);
      rmSync(costPath);
      const klik = runWorker(
        { kind: 'dense', solver: 'klik', n, distinct, seed, repeats, budgetMs },
        budgetMs * (repeats + 1),
      );
      const scipyMs = typeof scipy === 'string' ? Number.NaN : median(scipy.times);
      const scipyCpu = typeof scipy === 'string' ? Number.NaN : median(scipy.cpuTimes);
      const klikMs = klik.ok ? median(klik.result.times) : Number.NaN;
      const klikCpu = klik.ok ? median(klik.result.cpuTimes) : Number.NaN;
      const cells: string[] = [];
      for (const peer of peers) {
        const key = `${peer}/${distinct}`;
        if (timedOut.has(key)) {
          cells.push(`> budget (skipped)`);
          continue;
        }
        const out = runWorker(
          { kind: 'dense', solver: peer, n, distinct, seed, repeats, budgetMs },
          budgetMs,
        );
        if (!out.ok) {
          if (out.reason.startsWith('>')) timedOut.add(key);
          cells.push(out.reason);
          continue;
        }
        const same = klik.ok && out.result.value === klik.result.value ? '' : ' (cost differs!)';
        const peerCpu = median(out.result.cpuTimes);
        cells.push(
          `${ms(median(out.result.times))} ms (${ms(peerCpu)}); ${(peerCpu / klikCpu).toFixed(1)}× Klik CPU${same}`,
        );
      }
      const agree =
        typeof scipy !== 'string' && klik.ok && scipy.cost === klik.result.value
          ? ''
          : ' (cost differs!)';
      const cert = klik.ok && klik.result.extra.certificate === true ? ', certificate ✓' : '';
      log(
        `| ${n} | ${typeof scipy === 'string' ? scipy : `${ms(scipyMs)} ms (${ms(scipyCpu)})`} | ${klik.ok ? `${ms(klikMs)} ms (${ms(klikCpu)})${cert}${agree}` : klik.reason} | ${(klikMs / scipyMs).toFixed(2)} (${(klikCpu / scipyCpu).toFixed(2)}) | ${cells.join(' | ')} |`,
      );
    }
    log();
  }
}

function capacitatedSection(shape: ProgrammeShape): void {
  const repeats = quick ? 1 : 3;
  log(
    `### Capacitated programme: ${shape.mentees} mentees × ${shape.mentors} mentors, capacities ${shape.minCapacity}–${shape.maxCapacity}, ${shape.candidatesPerMentee} candidates per mentee, Zipf(${shape.skew}) popularity`,
  );
  log();
  // scipy gets the same lexicographic weights on the slot-expanded graph.
  const instance = generateProgramme(shape);
  const prep = prepareInstance(instance);
  const rowStart = prep.menteeStart;
  const arcCol = new Int32Array(prep.nPairs);
  const arcWeight = new Float64Array(prep.nPairs);
  for (let x = 0; x < prep.nPairs; x++) {
    const p = prep.menteePairs[x];
    arcCol[x] = prep.pairMentor[p];
    arcWeight[x] = prep.bigM + prep.pairScore[p];
  }
  const files = { rowStart, arcCol, arcWeight, cap: prep.capacity };
  const job: Record<string, unknown> = {
    kind: 'capacitated',
    rows: prep.nMentees,
    cols: prep.nMentors,
    repeats,
  };
  for (const [name, data] of Object.entries(files)) {
    const file = path.join(tmp, `${name}.bin`);
    writeFileSync(file, data);
    job[name] = file;
  }
  const scipy = runScipy(job, budgetMs * 4 * repeats);
  const klik = runWorker(
    { kind: 'capacitated', shape, repeats, candidates: 'auto' },
    budgetMs * 4 * (repeats + 1),
  );
  const klikAll = runWorker(
    { kind: 'capacitated', shape, repeats: 1, candidates: 'all' },
    budgetMs * 4,
  );
  log(`| solver | median wall (CPU) | optimum (matched, bigM·matched + score) | notes |`);
  log(`|---|---|---|---|`);
  if (typeof scipy === 'string')
    log(`| scipy min_weight_full_bipartite_matching (slot-expanded) | ${scipy} | | |`);
  else {
    log(
      `| scipy ${scipy.scipy} min_weight_full_bipartite_matching (slot-expanded) | ${ms(median(scipy.times))} ms (${ms(median(scipy.cpuTimes))}) | ${scipy.matched}, ${scipy.weight} | ${scipy.edges} edges after expansion; expansion itself ${ms((scipy.expandSeconds ?? 0) * 1000)} ms, not counted |`,
    );
  }
  for (const [label, out] of [
    ['Klik assign (candidates auto + pricing)', klik],
    ['Klik assign (all pairs)', klikAll],
  ] as const) {
    if (!out.ok) {
      log(`| ${label} | ${out.reason} | | |`);
      continue;
    }
    const e = out.result.extra;
    const t = median(out.result.times);
    const c = median(out.result.cpuTimes);
    const ratio =
      typeof scipy === 'string'
        ? ''
        : `; ${(t / median(scipy.times)).toFixed(2)}× scipy wall, ${(c / median(scipy.cpuTimes)).toFixed(2)}× CPU`;
    const agree =
      typeof scipy !== 'string' && scipy.weight === out.result.value
        ? 'same optimum as scipy'
        : 'OPTIMUM DIFFERS';
    log(
      `| ${label} | ${ms(t)} ms (${ms(c)})${ratio} | ${e.matched}, ${out.result.value} | ${agree}; certificate verified: ${e.verified} (verifier ${ms(Number(e.verifyMs))} ms); peak RSS ${out.result.maxRssMb.toFixed(0)} MB; ${e.candidatePairs} of ${e.pairs} pairs solved, ${e.solves} solve(s) (re-solves warm-started), ${e.pricingViolations} pricing violations, ${e.searches} mentee searches + ${e.holeSearches} repair searches |`,
    );
  }
  log();
}

function stableSection(shape: ProgrammeShape): void {
  log(`### Stable matching at the same size (preferences from the scores)`);
  log();
  const out = runWorker({ kind: 'stable', shape, repeats: quick ? 3 : 7 }, budgetMs * 2);
  if (!out.ok) {
    log(`stable: ${out.reason}`);
    return;
  }
  log(`| measurement | median |`);
  log(`|---|---|`);
  log(
    `| stable() end to end (validation, string ids → indices, deferred acceptance, output) | ${ms(median(out.result.times))} ms wall, ${ms(median(out.result.cpuTimes))} ms CPU |`,
  );
  log(
    `| deferred acceptance on the prepared (indexed) instance | ${ms(Number(out.result.extra.coreMedianMs))} ms |`,
  );
  log(`| matched mentees | ${out.result.value} |`);
  log(`| blocking pairs (findBlockingPairs) | ${out.result.extra.blockingPairs} |`);
  log();
}

async function suggestSection(): Promise<void> {
  const file = new URL('./suggest.ts', import.meta.url);
  if (!existsSync(file)) return;
  try {
    const mod = (await import(file.href)) as { runSuggestBench?: () => Promise<string> };
    if (typeof mod.runSuggestBench === 'function') log(await mod.runSuggestBench());
  } catch (error) {
    log(`suggest benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const started = performance.now();
log(`## Klik matching benchmark${quick ? ' (--quick)' : ''}`);
log();
log(
  `Machine: ${machine()}; load average at start ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(
      ' / ',
    )}. Budget per peer run: ${budgetMs / 1000} s. Times are medians of repeated runs in fresh processes after a JIT warm-up; CPU time (user + system of that process) is shown beside wall time because the machine is shared.`,
);
log();
denseSection();
const shape: ProgrammeShape = quick
  ? {
      mentees: 5000,
      mentors: 1250,
      candidatesPerMentee: 50,
      minCapacity: 1,
      maxCapacity: 6,
      skew: 1,
      seed: 7,
    }
  : {
      mentees: 20_000,
      mentors: 5000,
      candidatesPerMentee: 50,
      minCapacity: 1,
      maxCapacity: 6,
      skew: 1,
      seed: 7,
    };
capacitatedSection(shape);
stableSection(shape);
await suggestSection();
log(
  `Total benchmark time: ${((performance.now() - started) / 1000).toFixed(0)} s; load average at the end ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')}.`,
);
rmSync(tmp, { recursive: true, force: true });
