import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app.js';
import { openDatabase, type Database } from '../../db/client.js';
import { migrateDatabase } from '../../db/migrate.js';
import { checkIn, job, mailOutbox, notification, relationship } from '../../db/schema.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { createPerson } from '../../test/factories.js';
import { organisationWithProgramme, openRelationship } from '../agreements/test-space.js';
import { runDueJobs, scheduleJobOnce } from '../jobs/runner.js';
import { CHECKIN_SWEEP_JOB, remindOpenCheckIns, sendDueCheckIns } from './service.js';

/**
 * Two server processes on one PostgreSQL database (two apps, two pools) sweep at the same time:
 * each check-in is sent, and each reminder goes, exactly once. PostgreSQL only.
 */
const usesPostgres = Boolean(process.env.DATABASE_URL);

let ctx: TestContext;
let second: { app: App; database: Database };
const PAIRS = 25;
const people: string[] = [];
const emails: string[] = [];

beforeAll(async () => {
  if (!usesPostgres) return;
  ctx = await createTestContext();
  const database = await openDatabase(ctx.config.database);
  await migrateDatabase(database);
  const app = await buildApp(ctx.config, { database });
  await app.ready();
  second = { app, database };

  const org = await organisationWithProgramme(ctx.app, 14);
  for (let i = 0; i < PAIRS; i++) {
    const mentor = await createPerson(ctx.app, { organisationId: org.organisationId });
    const mentee = await createPerson(ctx.app, { organisationId: org.organisationId });
    const id = await openRelationship(ctx.app, {
      organisationId: org.organisationId,
      programmeId: org.programmeId,
      mentorId: mentor.id,
      menteeIds: [mentee.id],
    });
    await ctx.db
      .update(relationship)
      .set({ startedAt: new Date('2026-03-01T08:00:00Z') })
      .where(eq(relationship.id, id));
    people.push(mentor.id, mentee.id);
    emails.push(mentor.email, mentee.email);
  }
}, 600_000);

afterAll(async () => {
  if (!usesPostgres) return;
  await second.app.close();
  await second.database.close();
  await ctx.close();
});

async function countOf(kind: string) {
  const [n] = await ctx.db
    .select({ n: count() })
    .from(notification)
    .where(and(inArray(notification.personId, people), eq(notification.kind, kind)));
  return n?.n ?? 0;
}

async function mailCount() {
  const [n] = await ctx.db
    .select({ n: count() })
    .from(mailOutbox)
    .where(inArray(mailOutbox.toAddress, emails));
  return n?.n ?? 0;
}

describe.skipIf(!usesPostgres)('two runners on one PostgreSQL database', () => {
  it('send each check-in once, however the sweeps overlap', async () => {
    const now = new Date('2026-03-15T10:00:00Z');
    const base = ctx.app.config.baseUrl;
    // Two sweep jobs under different keys (as two processes with skewed clocks could make),
    // run by both runners, while both processes also sweep directly.
    await scheduleJobOnce(ctx.db, 'test-a', CHECKIN_SWEEP_JOB, {}, now);
    await scheduleJobOnce(ctx.db, 'test-b', CHECKIN_SWEEP_JOB, {}, now);
    const kinds = { kinds: [CHECKIN_SWEEP_JOB] };
    await Promise.all([
      runDueJobs(ctx.db, ctx.app.jobHandlers, now, undefined, kinds),
      runDueJobs(second.database.db, second.app.jobHandlers, now, undefined, kinds),
      sendDueCheckIns(ctx.db, ctx.app.mailer, base, now),
      sendDueCheckIns(second.database.db, second.app.mailer, base, now),
    ]);
    const [sent] = await ctx.db
      .select({ n: count(), distinct: sql<number>`count(distinct (person_id, due_on))::int` })
      .from(checkIn)
      .where(inArray(checkIn.personId, people));
    expect(sent?.n).toBe(PAIRS * 2);
    expect(sent?.distinct).toBe(PAIRS * 2);
    expect(await countOf('check_in_due')).toBe(PAIRS * 2);
    expect(await mailCount()).toBe(PAIRS * 2);
    const done = await ctx.db
      .select({ n: count() })
      .from(job)
      .where(and(eq(job.kind, CHECKIN_SWEEP_JOB), eq(job.status, 'done')));
    expect(done[0]?.n).toBe(2);
  });

  it('remind each open check-in once', async () => {
    const later = new Date('2026-03-18T11:00:00Z');
    const base = ctx.app.config.baseUrl;
    const reminded = await Promise.all([
      remindOpenCheckIns(ctx.db, ctx.app.mailer, base, later),
      remindOpenCheckIns(second.database.db, second.app.mailer, base, later),
      remindOpenCheckIns(ctx.db, ctx.app.mailer, base, later),
    ]);
    expect(reminded.reduce((a, b) => a + b, 0)).toBe(PAIRS * 2);
    expect(await countOf('check_in_reminder')).toBe(PAIRS * 2);
    expect(await mailCount()).toBe(PAIRS * 4);
  });
});
