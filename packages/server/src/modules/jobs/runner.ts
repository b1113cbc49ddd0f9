import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { job } from '../../db/schema.js';
import type { Logger } from '../../logger.js';

/** A job's work. It runs inside the transaction that claimed the job: all or nothing. */
export type JobHandler = (db: Db, payload: Record<string, string>, now: Date) => Promise<void>;

const MAX_ATTEMPTS = 5;

export async function scheduleJob(
  db: Db,
  kind: string,
  payload: Record<string, string>,
  runAt: Date,
) {
  await db.insert(job).values({ kind, payload, runAt });
}

/**
 * Runs every job due at `now` (the clock is a parameter so tests can move time). Each job is
 * claimed with FOR UPDATE SKIP LOCKED, so several server processes share the queue safely.
 * Returns how many jobs ran.
 */
export async function runDueJobs(
  db: Db,
  handlers: Record<string, JobHandler>,
  now: Date,
  logger?: Logger,
  limit = 100,
): Promise<number> {
  let ran = 0;
  for (; ran < limit; ran++) {
    let claimed: typeof job.$inferSelect | null = null;
    try {
      claimed = await db.transaction(async (tx) => {
        const [next] = await tx
          .select()
          .from(job)
          .where(and(eq(job.status, 'queued'), lte(job.runAt, now)))
          .orderBy(asc(job.runAt), asc(job.id))
          .limit(1)
          .for('update', { skipLocked: true });
        if (!next) return null;
        const handler = handlers[next.kind];
        if (!handler) throw new Error(`no handler for job kind ${next.kind}`);
        await handler(tx, next.payload, now);
        await tx
          .update(job)
          .set({ status: 'done', attempts: next.attempts + 1, updatedAt: now })
          .where(eq(job.id, next.id));
        return next;
      });
    } catch (error) {
      // The claim was rolled back with the work: record the failure and retry later.
      const [failed] = await db
        .select()
        .from(job)
        .where(and(eq(job.status, 'queued'), lte(job.runAt, now)))
        .orderBy(asc(job.runAt), asc(job.id))
        .limit(1);
      if (!failed) throw error;
      const attempts = failed.attempts + 1;
      logger?.error({ err: error, jobId: failed.id, kind: failed.kind, attempts }, 'job failed');
      await db
        .update(job)
        .set({
          attempts,
          lastError: (error as Error).message,
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'queued',
          runAt: new Date(now.getTime() + 60_000 * 2 ** attempts),
          updatedAt: now,
        })
        .where(eq(job.id, failed.id));
      continue;
    }
    if (!claimed) break;
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
