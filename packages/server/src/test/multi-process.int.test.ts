import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.js';
import { openDatabase, type Database } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { auditEvent, organisation, person, reportingLine } from '../db/schema.js';
import { loadDemoDataIfEmpty } from '../demo/seed.js';
import { runDueJobs, scheduleJob } from '../modules/jobs/runner.js';
import { createTestContext, type TestContext } from './context.js';
import { createPerson, signedIn, signIn } from './factories.js';

/**
 * How users outgrow one machine: several stateless Klik processes on one PostgreSQL database.
 * Two apps (two pools, as two processes would have) are driven together. PostgreSQL only: the
 * embedded database belongs to one process.
 */
const usesPostgres = Boolean(process.env.DATABASE_URL);

let ctx: TestContext;
let second: { app: App; database: Database };

beforeAll(async () => {
  if (!usesPostgres) return;
  ctx = await createTestContext();
  const database = await openDatabase(ctx.config.database);
  await migrateDatabase(database); // a second process migrates too: a no-op under the lock
  const app = await buildApp(ctx.config, { database });
  await app.ready();
  second = { app, database };
});

afterAll(async () => {
  if (!usesPostgres) return;
  await second.app.close();
  await second.database.close();
  await ctx.close();
});

describe.skipIf(!usesPostgres)('two processes on one PostgreSQL database', () => {
  it('load the demo once when both start together', async () => {
    const loaded = await Promise.all([
      loadDemoDataIfEmpty(ctx.db, ctx.app.auth),
      loadDemoDataIfEmpty(second.database.db, second.app.auth),
    ]);
    expect(loaded.filter(Boolean)).toHaveLength(1);
    const [orgs] = await ctx.db.select({ n: count() }).from(organisation);
    expect(orgs?.n).toBe(2);
  });

  it('share sessions: signed in on one, known on the other', async () => {
    const member = await createPerson(ctx.app, { role: 'member' });
    const cookie = await signIn(ctx.app, member.email);
    const me = await second.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(member.email);
  });

  it('run each job once when both runners work the queue together', async () => {
    const now = new Date();
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push(`job-${i}`);
    for (const id of ids) await scheduleJob(ctx.db, 'test.record', { id }, now);
    const handlers = {
      'test.record': async (db: typeof ctx.db, payload: Record<string, string>) => {
        await db.insert(auditEvent).values({
          action: 'test.job_ran',
          subjectType: 'job',
          subjectId: payload.id ?? null,
        });
        // Hold the claim a little so the other runner meets locked rows.
        await db.execute(sql`select pg_sleep(0.005)`);
      },
    };
    const ran = await Promise.all([
      runDueJobs(ctx.db, handlers, now),
      runDueJobs(second.database.db, handlers, now),
    ]);
    expect(ran[0]! + ran[1]!).toBe(ids.length);
    const rows = await ctx.db
      .select({ subjectId: auditEvent.subjectId, n: count() })
      .from(auditEvent)
      .where(eq(auditEvent.action, 'test.job_ran'))
      .groupBy(auditEvent.subjectId);
    expect(rows).toHaveLength(ids.length);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });

  it('keep concurrent writes correct: people added and moved through both at once', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const top = await createPerson(ctx.app, { organisationId: admin.organisationId });
    const people: Awaited<ReturnType<typeof createPerson>>[] = [];
    for (let i = 0; i < 8; i++) {
      people.push(await createPerson(ctx.app, { organisationId: admin.organisationId }));
    }
    const apps = [ctx.app, second.app];
    const answers = await Promise.all(
      people.map((p, i) =>
        apps[i % 2]!.inject({
          method: 'PATCH',
          url: `/api/people/${p.id}`,
          headers: { cookie: admin.cookie, origin: ctx.config.baseUrl },
          payload: { managerId: i === 0 ? top.id : people[i - 1]!.id },
        }),
      ),
    );
    for (const answer of answers) expect(answer.statusCode).toBe(200);
    // A chain of nine under `top`: the last is eight levels below it.
    const [deepest] = await ctx.db
      .select({ depth: reportingLine.depth })
      .from(reportingLine)
      .where(
        and(eq(reportingLine.ancestorId, top.id), eq(reportingLine.descendantId, people[7]!.id)),
      );
    expect(deepest?.depth).toBe(8);
    const managers = await ctx.db
      .select({ id: person.id, managerId: person.managerId })
      .from(person)
      .where(eq(person.organisationId, admin.organisationId));
    expect(managers.filter((m) => m.managerId !== null)).toHaveLength(8);
  });
});
