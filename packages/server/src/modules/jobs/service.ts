import { requirePlatformAdmin, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import * as repo from './repository.js';
import type { JobList, JobResponse } from './schema.js';

function toJob(row: repo.JobRow): JobResponse {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    runAt: row.runAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Background jobs of the whole instance, for platform admins: counts and one state's list. */
export async function listJobs(
  db: Db,
  actor: Actor,
  query: { status: repo.JobStatus; limit: number },
): Promise<JobList> {
  requirePlatformAdmin(actor);
  const [counts, rows] = await Promise.all([
    repo.countJobsByStatus(db),
    repo.listJobs(db, query.status, query.limit),
  ]);
  return { counts, items: rows.map(toJob) };
}

/** Runs a failed job again from its first attempt (after the cause was fixed). */
export async function retryJob(db: Db, actor: Actor, id: string, now: Date): Promise<JobResponse> {
  requirePlatformAdmin(actor);
  const row = await repo.requeueFailedJob(db, id, now);
  if (!row) throw notFound('job');
  return toJob(row);
}
