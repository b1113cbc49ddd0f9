import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { job } from '../../db/schema.js';
import { createPlatformAdmin, signIn, signedIn } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import {
  DEFAULT_MAX_ATTEMPTS,
  retryDelayMs,
  runDueJobs,
  scheduleJob,
  type JobHandlers,
} from './runner.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const onPostgres = Boolean(process.env.DATABASE_URL);
const start = new Date('2030-01-01T09:00:00Z');

async function jobRow(id: string) {
  const [row] = await ctx.db.select().from(job).where(eq(job.id, id));
  return row!;
}

async function schedule(kind: string, runAt: Date, payload: Record<string, string> = {}) {
  const [row] = await ctx.db.insert(job).values({ kind, payload, runAt }).returning();
  return row!.id;
}

/** A promise with its resolve function outside, to hold a handler until the test lets it go. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('a failing job', () => {
  it('is recorded on its own id, its work rolled back, and retried with back-off', async () => {
    const failing = await schedule('test.fail-once', start);
    const fine = await schedule('test.fine', new Date(start.getTime() + 1000));
    let calls = 0;
    const handlers: JobHandlers = {
      'test.fail-once': async (db, _payload, now) => {
        calls++;
        // Work that must be undone when the handler throws.
        await scheduleJob(db, 'test.fine', { from: 'rolled back' }, now);
        if (calls === 1) throw new Error('boom');
      },
      'test.fine': async () => undefined,
    };
    const now = new Date(start.getTime() + 2000);
    expect(await runDueJobs(ctx.db, handlers, now)).toBe(2);
    const failed = await jobRow(failing);
    expect(failed).toMatchObject({ status: 'queued', attempts: 1, lastError: 'boom' });
    expect(failed.runAt.getTime()).toBe(now.getTime() + retryDelayMs(1));
    expect(await jobRow(fine)).toMatchObject({ status: 'done', attempts: 1, lastError: null });
    const rolledBack = await ctx.db.select().from(job).where(eq(job.kind, 'test.fine'));
    expect(rolledBack.map((r) => r.payload.from)).not.toContain('rolled back');

    // Not before its back-off; then it runs again and succeeds.
    expect(await runDueJobs(ctx.db, handlers, now)).toBe(0);
    await runDueJobs(ctx.db, handlers, new Date(now.getTime() + retryDelayMs(1)));
    expect(await jobRow(failing)).toMatchObject({ status: 'done', attempts: 2, lastError: null });
  });

  it.skipIf(!onPostgres)(
    'is recorded against itself while another runner holds a job that is due too (PostgreSQL)',
    async () => {
      // B is claimed first by runner 1 and held; runner 2 skips it, runs A, which fails. The
      // failure must land on A — the old runner looked up "the first due queued job" instead,
      // which was B, in flight, so B was pushed back and run twice.
      const b = await schedule('test.held', start);
      const a = await schedule('test.boom', new Date(start.getTime() + 1000));
      const started = gate();
      const release = gate();
      let heldRuns = 0;
      const handlers: JobHandlers = {
        'test.held': async () => {
          heldRuns++;
          started.open();
          await release.opened;
        },
        'test.boom': async () => {
          throw new Error('A failed');
        },
      };
      const now = new Date(start.getTime() + 5000);
      const runner1 = runDueJobs(ctx.db, handlers, now, undefined, { kinds: ['test.held'] });
      await started.opened;
      expect(await runDueJobs(ctx.db, handlers, now)).toBe(1);
      release.open();
      expect(await runner1).toBe(1);
      expect(await jobRow(a)).toMatchObject({
        status: 'queued',
        attempts: 1,
        lastError: 'A failed',
      });
      expect(await jobRow(b)).toMatchObject({ status: 'done', attempts: 1, lastError: null });
      expect(await runDueJobs(ctx.db, handlers, now, undefined, { kinds: ['test.held'] })).toBe(0);
      expect(heldRuns).toBe(1);
    },
  );

  it('stops after its attempts, is listed for platform admins, and can be queued again', async () => {
    const id = await schedule('test.always-fails', start);
    let isFixed = false;
    const handlers: JobHandlers = {
      'test.always-fails': async () => {
        if (!isFixed) throw new Error('the SMTP relay said no');
      },
    };
    let now = start;
    for (let attempt = 1; attempt <= DEFAULT_MAX_ATTEMPTS; attempt++) {
      now = new Date(now.getTime() + retryDelayMs(attempt));
      expect(await runDueJobs(ctx.db, handlers, now)).toBe(1);
    }
    expect(await jobRow(id)).toMatchObject({
      status: 'failed',
      attempts: DEFAULT_MAX_ATTEMPTS,
      lastError: 'the SMTP relay said no',
    });
    // Failed for good: no later run picks it up.
    expect(await runDueJobs(ctx.db, handlers, new Date(now.getTime() + 365 * 86_400_000))).toBe(0);

    const admin = await createPlatformAdmin(ctx.app);
    const cookie = await signIn(ctx.app, admin.email);
    const list = await ctx.app.inject({ url: '/api/admin/jobs', headers: { cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.json().counts.failed).toBeGreaterThanOrEqual(1);
    const item = list.json().items.find((j: { id: string }) => j.id === id);
    expect(item).toMatchObject({
      kind: 'test.always-fails',
      status: 'failed',
      attempts: DEFAULT_MAX_ATTEMPTS,
      lastError: 'the SMTP relay said no',
    });
    expect(Date.parse(item.updatedAt)).toBe(now.getTime());

    const member = await signedIn(ctx.app, 'org_admin');
    for (const headers of [{ cookie: member.cookie }, {}]) {
      const refused = await ctx.app.inject({ url: '/api/admin/jobs', headers });
      expect(refused.statusCode).toBe(headers.cookie ? 403 : 401);
      const retry = await ctx.app.inject({
        method: 'POST',
        url: `/api/admin/jobs/${id}/retry`,
        headers: { ...headers, origin: ctx.config.baseUrl },
      });
      expect(retry.statusCode).toBe(headers.cookie ? 403 : 401);
    }

    isFixed = true;
    const retry = await ctx.app.inject({
      method: 'POST',
      url: `/api/admin/jobs/${id}/retry`,
      headers: { cookie, origin: ctx.config.baseUrl },
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ status: 'queued', attempts: 0 });
    await ctx.app.jobs.idle();
    await runDueJobs(ctx.db, handlers, ctx.app.clock());
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 1 });
    // Only a failed job can be queued again.
    const again = await ctx.app.inject({
      method: 'POST',
      url: `/api/admin/jobs/${id}/retry`,
      headers: { cookie, origin: ctx.config.baseUrl },
    });
    expect(again.statusCode).toBe(404);
  });
});

describe('several runners', () => {
  it.skipIf(!onPostgres)(
    'never run one job twice (two runners over 200 jobs, PostgreSQL)',
    { timeout: 120_000 },
    async () => {
      const kinds = ['test.count-tx', 'test.count-lease'];
      const inserted = await ctx.db
        .insert(job)
        .values(
          Array.from({ length: 200 }, (_, i) => ({
            kind: kinds[i % 2]!,
            payload: { n: String(i) },
            runAt: start,
          })),
        )
        .returning({ id: job.id });
      const ids = inserted.map((r) => r.id);
      const runs = new Map<string, number>();
      const count = async (n: string) => {
        runs.set(n, (runs.get(n) ?? 0) + 1);
        await new Promise((resolve) => setImmediate(resolve));
      };
      const handlers: JobHandlers = {
        'test.count-tx': async (_db, payload) => count(payload.n!),
        'test.count-lease': { mode: 'lease', run: async (_db, payload) => count(payload.n!) },
      };
      const now = new Date(start.getTime() + 1000);
      const options = { kinds, limit: 1000 };
      const [first, second] = await Promise.all([
        runDueJobs(ctx.db, handlers, now, undefined, options),
        runDueJobs(ctx.db, handlers, now, undefined, options),
      ]);
      expect(first + second).toBe(200);
      expect(first).toBeGreaterThan(0);
      expect(second).toBeGreaterThan(0);
      expect(runs.size).toBe(200);
      expect([...runs.values()].every((n) => n === 1)).toBe(true);
      const rows = await ctx.db.select().from(job).where(inArray(job.id, ids));
      expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
    },
  );
});
