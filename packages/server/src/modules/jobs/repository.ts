import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { job } from '../../db/schema.js';

export type JobStatus = (typeof job.$inferSelect)['status'];
export type JobRow = typeof job.$inferSelect;

/** How many jobs are in each state. */
export async function countJobsByStatus(db: Db): Promise<Record<JobStatus, number>> {
  const rows = await db
    .select({ status: job.status, n: sql<number>`count(*)::int` })
    .from(job)
    .groupBy(job.status);
  const counts: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** Jobs in one state, the most recently changed first. */
export async function listJobs(db: Db, status: JobStatus, limit: number): Promise<JobRow[]> {
  return db
    .select()
    .from(job)
    .where(eq(job.status, status))
    .orderBy(desc(job.updatedAt), desc(job.id))
    .limit(limit);
}

/** Puts a failed job back in the queue with fresh attempts; null when no failed job has this id. */
export async function requeueFailedJob(db: Db, id: string, now: Date): Promise<JobRow | null> {
  const [row] = await db
    .update(job)
    .set({ status: 'queued', attempts: 0, runAt: now, updatedAt: now })
    .where(and(eq(job.id, id), eq(job.status, 'failed')))
    .returning();
  return row ?? null;
}
