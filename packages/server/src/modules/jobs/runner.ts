import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { job } from '../../db/schema.js';
import type { Logger } from '../../logger.js';

/** What a handler knows about the attempt it is running. */
export interface JobAttempt {
  /** 1 for the first run, 2 for the first retry, … */
  attempt: number;
  /** A failure now marks the job failed for good (no retry). */
  isLastAttempt: boolean;
}

/** A job's work. By default it runs inside the transaction that claimed the job: all or nothing. */
export type JobHandler = (
  db: Db,
  payload: Record<string, string>,
  now: Date,
  attempt: JobAttempt,
) => Promise<void>;

export interface JobDefinition {
  run: JobHandler;
  /**
   * 'transaction' (the default): the work runs in a savepoint of the transaction that holds the
   * job's row lock, so the work and the job's completion commit together, and a failure rolls the
   * work back while the failure itself is recorded on that job.
   * 'lease': for work outside the database (an SMTP conversation) that must not hold a
   * transaction open: the claim commits first and moves `run_at` forward by `leaseMs`, so no other
   * runner takes the job meanwhile; a process that dies mid-run leaves it to be retried after the
   * lease. The handler gets the database, not a transaction.
   */
  mode?: 'transaction' | 'lease';
  maxAttempts?: number;
  leaseMs?: number;
}

export type JobHandlers = Record<string, JobHandler | JobDefinition>;

export const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_LEASE_MS = 10 * 60_000;

/** The wait before the next attempt after `attempts` failed ones: 2, 4, 8, 16, … minutes. */
export function retryDelayMs(attempts: number): number {
  return 60_000 * 2 ** Math.min(attempts, 10);
}

function definitionOf(handler: JobHandler | JobDefinition): Required<JobDefinition> {
  const def = typeof handler === 'function' ? { run: handler } : handler;
  return {
    run: def.run,
    mode: def.mode ?? 'transaction',
    maxAttempts: def.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    leaseMs: def.leaseMs ?? DEFAULT_LEASE_MS,
  };
}

export async function scheduleJob(
  db: Db,
  kind: string,
  payload: Record<string, string>,
  runAt: Date,
) {
  await db.insert(job).values({ kind, payload, runAt });
}

/** A job id derived from a key (a UUID v5-shaped hash), so scheduling the same key twice is one job. */
export function jobIdFor(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Schedules a job once per key: another process (or a rerun) scheduling the same key inserts
 * nothing. For recurring sweeps, make the key name the period (`checkins.sweep:2026-12-02`).
 */
export async function scheduleJobOnce(
  db: Db,
  key: string,
  kind: string,
  payload: Record<string, string>,
  runAt: Date,
): Promise<void> {
  await db
    .insert(job)
    .values({ id: jobIdFor(key), kind, payload, runAt })
    .onConflictDoNothing();
}

type JobRow = typeof job.$inferSelect;

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 2000);
}

/** Records a failed attempt on the job itself: retried with back-off, or failed for good. */
async function recordFailure(
  db: Db,
  row: JobRow,
  attempt: number,
  maxAttempts: number,
  error: unknown,
  now: Date,
  logger?: Logger,
) {
  const isFinal = attempt >= maxAttempts;
  logger?.error(
    { err: error, jobId: row.id, kind: row.kind, attempt, isFinal },
    isFinal ? 'job failed for good' : 'job failed; will retry',
  );
  await db
    .update(job)
    .set({
      attempts: attempt,
      lastError: errorText(error),
      status: isFinal ? 'failed' : 'queued',
      runAt: isFinal ? row.runAt : new Date(now.getTime() + retryDelayMs(attempt)),
      updatedAt: now,
    })
    .where(eq(job.id, row.id));
}

/**
 * Runs every job due at `now` (the clock is a parameter so tests can move time). Each job is
 * claimed with FOR UPDATE SKIP LOCKED, so several server processes share the queue and never run
 * one job twice; a failure is recorded on the claimed job's id. Only kinds this process has a
 * handler for are claimed (another version of the server may know more). Returns how many jobs
 * ran (succeeded or failed).
 */
export async function runDueJobs(
  db: Db,
  handlers: JobHandlers,
  now: Date,
  logger?: Logger,
  options: { limit?: number; kinds?: string[] } = {},
): Promise<number> {
  const limit = options.limit ?? 100;
  const kinds = (options.kinds ?? Object.keys(handlers)).filter((kind) => kind in handlers);
  if (kinds.length === 0) return 0;
  let ran = 0;
  for (; ran < limit; ran++) {
    const leased = await db.transaction(async (tx) => {
      // A 'running' job is a leased one whose run_at is its lease's end: past it, it is taken again.
      const [next] = await tx
        .select()
        .from(job)
        .where(
          and(
            inArray(job.status, ['queued', 'running']),
            lte(job.runAt, now),
            inArray(job.kind, kinds),
          ),
        )
        .orderBy(asc(job.runAt), asc(job.id))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!next) return null;
      const def = definitionOf(handlers[next.kind]!);
      const attempt = next.attempts + 1;
      const context: JobAttempt = { attempt, isLastAttempt: attempt >= def.maxAttempts };
      if (def.mode === 'lease') {
        await tx
          .update(job)
          .set({
            status: 'running',
            attempts: attempt,
            runAt: new Date(now.getTime() + def.leaseMs),
            updatedAt: now,
          })
          .where(eq(job.id, next.id));
        return { row: next, def, context };
      }
      try {
        // A savepoint: a failing handler's work is undone, the claim (and its lock) stays.
        await tx.transaction(async (work) => def.run(work, next.payload, now, context));
        await tx
          .update(job)
          .set({ status: 'done', attempts: attempt, lastError: null, updatedAt: now })
          .where(eq(job.id, next.id));
      } catch (error) {
        await recordFailure(tx, next, attempt, def.maxAttempts, error, now, logger);
      }
      return false;
    });
    if (leased === null) break;
    if (leased) {
      const { row, def, context } = leased;
      try {
        await def.run(db, row.payload, now, context);
        await db
          .update(job)
          .set({ status: 'done', lastError: null, updatedAt: now })
          .where(eq(job.id, row.id));
      } catch (error) {
        await recordFailure(db, row, context.attempt, def.maxAttempts, error, now, logger);
      }
    }
  }
  return ran;
}

export async function countQueuedJobs(db: Db, kind?: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(job)
    .where(kind ? and(eq(job.status, 'queued'), eq(job.kind, kind)) : eq(job.status, 'queued'));
  return row?.n ?? 0;
}
