import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIn, person, programme } from '../../db/schema.js';
import { DEMO_PASSWORD, loadDemoDataIfEmpty } from '../../demo/seed.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { signIn } from '../../test/factories.js';
import { ensureCheckInSweep, CHECKIN_SWEEP_JOB } from './service.js';
import { runDueJobs } from '../jobs/runner.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await loadDemoDataIfEmpty(ctx.db, ctx.app.auth);
}, 600_000);
afterAll(async () => ctx.close());

describe('the demo’s check-ins', () => {
  it('go out at start-up to 8+ people of one programme who can sign in and answer', async () => {
    const now = new Date();
    await ensureCheckInSweep(ctx.db, now);
    await runDueJobs(ctx.db, ctx.app.jobHandlers, now, undefined, { kinds: [CHECKIN_SWEEP_JOB] });
    const all = await ctx.db
      .select({ checkIn, email: person.email, department: person.department })
      .from(checkIn)
      .innerJoin(person, eq(person.id, checkIn.personId));
    // The e2e tests' own people are left alone.
    const everyone = all.map((r) => r.email);
    expect(everyone).not.toContain('medewerker@noordzee.demo');
    expect(everyone).not.toContain('manager@noordzee.demo');
    const [peer] = await ctx.db.select().from(programme).where(eq(programme.type, 'peer'));
    const rows = all.filter((r) => r.checkIn.programmeId === peer!.id);
    expect(new Set(rows.map((r) => r.checkIn.relationshipId)).size).toBeGreaterThanOrEqual(4);
    const emails = [...new Set(rows.map((r) => r.email))];
    expect(emails.length).toBeGreaterThanOrEqual(8);
    expect(new Set(rows.map((r) => r.department)).size).toBeGreaterThan(1);
    for (const email of emails) {
      const cookie = await signIn(ctx.app, email, DEMO_PASSWORD);
      const list = await ctx.app.inject({ url: '/api/check-ins', headers: { cookie } });
      expect(list.json().items[0].status).toBe('open');
    }
  });
});
