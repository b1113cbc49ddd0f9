import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkIn,
  enrolment,
  introduction,
  meeting,
  mentoringRequest,
  programme,
  relationship,
  relationshipMentee,
} from '../../db/schema.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { signedIn } from '../../test/factories.js';
import { createPerson } from '../people/service.js';
import { defaultConflictRules } from '../programmes/service.js';
import { countRelationshipsNeedingHelp } from '../relationship-health/signals.js';
import type { DashboardResponse } from './schema.js';

/**
 * GET /api/programmes/:programmeId/dashboard on a small programme built by hand, every figure
 * computed here on paper first (see the comments), for the whole programme, per quarter and per
 * department; the number of statements does not grow with the programme; managers only.
 */
let ctx: TestContext;
let now = new Date('2026-06-15T12:00:00Z');
let manager: Awaited<ReturnType<typeof signedIn>>;
let admin: Awaited<ReturnType<typeof signedIn>>;
let member: Awaited<ReturnType<typeof signedIn>>;
let organisationId: string;
let programmeId: string;
let emptyProgrammeId: string;

const t = (iso: string) => new Date(`${iso}T10:00:00Z`);

async function person(
  key: string,
  department: string | null,
  jobLevel: number | null,
): Promise<string> {
  const row = await createPerson(ctx.db, organisationId, {
    email: `${key}-${randomBytes(4).toString('hex')}@example.test`,
    givenName: key,
    familyName: 'Dashboard',
    department,
    jobLevel,
  });
  return row.id;
}

async function newProgramme(name: string): Promise<string> {
  const [row] = await ctx.db
    .insert(programme)
    .values({
      organisationId,
      name,
      type: 'classic',
      status: 'published',
      conflictRules: defaultConflictRules,
      startsOn: '2026-01-01',
      publishedAt: t('2025-12-15'),
    })
    .returning({ id: programme.id });
  return row!.id;
}

beforeAll(async () => {
  ctx = await createTestContext({}, { clock: () => now });
  admin = await signedIn(ctx.app, 'org_admin');
  organisationId = admin.organisationId;
  manager = await signedIn(ctx.app, 'programme_manager', organisationId);
  member = await signedIn(ctx.app, 'member', organisationId);
  programmeId = await newProgramme('Hand-built');
  emptyProgrammeId = await newProgramme('Empty');

  // People: department, job level.
  const A = await person('A', 'Sales', 2);
  const B = await person('B', 'Sales', 5);
  const C = await person('C', 'IT', 8);
  const D = await person('D', 'IT', 11);
  const E = await person('E', 'Sales', 6);
  const F = await person('F', null, null);
  const G = await person('G', 'IT', 4);
  const H = await person('H', 'Sales', 3);

  const enrol = (
    personId: string,
    role: 'mentee' | 'mentor' | 'both',
    on: string,
    isActive = true,
  ) => ({ programmeId, organisationId, personId, role, createdAt: t(on), isActive }) as const;
  await ctx.db.insert(enrolment).values([
    enrol(A, 'mentee', '2026-01-10'),
    enrol(B, 'mentee', '2026-01-20'),
    enrol(C, 'mentee', '2026-02-14'),
    enrol(D, 'mentor', '2026-01-05'),
    enrol(E, 'mentor', '2026-01-05'),
    enrol(F, 'both', '2026-03-21'),
    enrol(G, 'mentee', '2026-02-01', false), // left: counts nowhere
    enrol(H, 'mentee', '2026-05-20'), // never matched
  ]);

  const rel = async (
    mentorId: string,
    menteeId: string,
    started: string,
    extra: Partial<typeof relationship.$inferInsert> = {},
  ) => {
    const [row] = await ctx.db
      .insert(relationship)
      .values({ programmeId, organisationId, mentorId, startedAt: t(started), ...extra })
      .returning({ id: relationship.id });
    await ctx.db
      .insert(relationshipMentee)
      .values({ relationshipId: row!.id, menteeId, joinedAt: t(started) });
    return row!.id;
  };
  // Days from enrolment to first match: A 10, D 15, B 25, E 40 (Q1); C 60, F 50 (Q2).
  const R1 = await rel(D, A, '2026-01-20');
  const R2 = await rel(E, B, '2026-02-14', { status: 'completed', endedAt: t('2026-03-30') });
  const R3 = await rel(D, C, '2026-04-15', { pausedAt: t('2026-05-01') });
  await rel(E, F, '2026-05-10', { status: 'ended_early', endedAt: t('2026-06-01') });

  const meet = (
    relationshipId: string,
    on: string,
    outcome: 'held' | 'not_held' | null,
    status: 'planned' | 'cancelled' = 'planned',
  ) => ({
    relationshipId,
    organisationId,
    startsAt: t(on),
    durationMinutes: 60,
    timeZone: 'Europe/Amsterdam',
    outcome,
    status,
    createdBy: D,
  });
  // Held: R1 4 (3 in Q1, 1 in Q2), R2 2 (Q1), R3 1 (Q2), R4 none.
  await ctx.db
    .insert(meeting)
    .values([
      meet(R1, '2026-01-25', 'held'),
      meet(R1, '2026-02-25', 'held'),
      meet(R1, '2026-03-25', 'held'),
      meet(R1, '2026-04-25', 'held'),
      meet(R1, '2026-05-25', 'not_held'),
      meet(R1, '2026-05-28', null, 'cancelled'),
      meet(R2, '2026-02-20', 'held'),
      meet(R2, '2026-03-20', 'held'),
      meet(R3, '2026-04-20', 'held'),
    ]);

  const pulse = (
    relationshipId: string,
    personId: string,
    side: 'mentor' | 'mentee',
    sent: string,
    answered: boolean,
  ) => ({
    organisationId,
    programmeId,
    relationshipId,
    personId,
    side,
    dueOn: sent,
    questions: [],
    sentAt: t(sent),
    answeredAt: answered ? t(sent) : null,
    answers: answered ? { met: true } : null,
  });
  // Sent 8, answered 6; Q1 sent 6, answered 5; Q2 sent 2, answered 1.
  await ctx.db
    .insert(checkIn)
    .values([
      pulse(R1, A, 'mentee', '2026-02-19', true),
      pulse(R1, D, 'mentor', '2026-02-19', false),
      pulse(R1, A, 'mentee', '2026-03-21', true),
      pulse(R1, D, 'mentor', '2026-03-21', true),
      pulse(R1, A, 'mentee', '2026-04-20', true),
      pulse(R1, D, 'mentor', '2026-04-20', false),
      pulse(R2, B, 'mentee', '2026-03-16', true),
      pulse(R2, E, 'mentor', '2026-03-16', true),
    ]);

  const request = (
    from: string,
    to: string,
    created: string,
    expires: string,
    status: 'pending' | 'declined' = 'pending',
  ) => ({
    programmeId,
    organisationId,
    fromPersonId: from,
    toPersonId: to,
    menteeId: from,
    mentorId: to,
    message: 'Hello',
    status,
    createdAt: t(created),
    expiresAt: t(expires),
  });
  // Pending and not expired: H→D (Q1) and C→E (Q2).
  await ctx.db
    .insert(mentoringRequest)
    .values([
      request(H, D, '2026-03-01', '2026-07-01'),
      request(H, E, '2026-05-01', '2026-06-01'),
      request(H, E, '2026-05-02', '2026-06-20', 'declined'),
      request(C, E, '2026-06-01', '2026-06-20'),
    ]);
  // Open: H–D only.
  await ctx.db.insert(introduction).values([
    {
      programmeId,
      organisationId,
      menteeId: H,
      mentorId: D,
      score: 80,
      createdAt: t('2026-05-21'),
    },
    {
      programmeId,
      organisationId,
      menteeId: H,
      mentorId: E,
      score: 70,
      menteeResponse: 'declined',
      createdAt: t('2026-05-21'),
    },
    {
      programmeId,
      organisationId,
      menteeId: A,
      mentorId: D,
      score: 90,
      menteeResponse: 'accepted',
      mentorResponse: 'accepted',
      relationshipId: R1,
      createdAt: t('2026-01-18'),
    },
  ]);
}, 120_000);
afterAll(async () => ctx.close());

async function dashboard(query = '', cookie = manager.cookie, id = programmeId) {
  const response = await ctx.app.inject({
    url: `/api/programmes/${id}/dashboard${query}`,
    headers: { cookie },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as DashboardResponse;
}

describe('programme dashboard', () => {
  it('answers the hand-computed figures for the whole programme', async () => {
    const body = await dashboard();
    expect(body.programme).toMatchObject({ id: programmeId, name: 'Hand-built' });
    expect(body.periods).toEqual(['2026-Q2', '2026-Q1', '2025-Q4']);
    expect(body.groups).toEqual([]);
    expect(body.figures).toEqual({
      enrolled: { mentee: 4, mentor: 2, both: 1, total: 7 },
      matched: 6,
      matchRate: 6 / 7,
      // 10, 15, 25, 40, 50, 60 → (25 + 40) / 2
      medianDaysToMatch: 32.5,
      pendingRequests: 2,
      pendingIntroductions: 1,
      relationships: { active: 1, paused: 1, endedEarly: 1, completed: 1 },
      // held per relationship 4, 2, 1, 0
      meetingsPerRelationship: { relationships: 4, mean: 1.8, median: 1.5 },
      checkIns: { sent: 8, answered: 6, responseRate: 0.75 },
    });
    // The health list's own count (its signals are tested in relationship-health), now.
    const needingHelp = await countRelationshipsNeedingHelp(ctx.db, {
      organisationId,
      programmeId,
      now,
    });
    expect(needingHelp).toBeGreaterThan(0); // R1 has had no meeting for 7 weeks
    expect(body.healthListSize).toBe(needingHelp);
    // Nobody answered an outcome survey: the results module withholds its figures.
    expect(body.outcomes.total.shown).toBe(false);
  });

  it('filters by quarter: what happened in it', async () => {
    const q1 = await dashboard('?period=2026-Q1');
    expect(q1.period).toBe('2026-Q1');
    expect(q1.figures).toEqual({
      enrolled: { mentee: 3, mentor: 2, both: 1, total: 6 },
      matched: 4,
      matchRate: 1,
      medianDaysToMatch: 20, // 10, 15, 25, 40
      pendingRequests: 1,
      pendingIntroductions: 0,
      relationships: { active: 1, paused: 0, endedEarly: 0, completed: 1 },
      meetingsPerRelationship: { relationships: 2, mean: 2.5, median: 2.5 }, // R1 3, R2 2
      checkIns: { sent: 6, answered: 5, responseRate: 5 / 6 },
    });
    const q2 = await dashboard('?period=2026-Q2');
    expect(q2.figures).toEqual({
      enrolled: { mentee: 1, mentor: 0, both: 0, total: 1 },
      matched: 2,
      matchRate: 0,
      medianDaysToMatch: 55, // 50, 60
      pendingRequests: 1,
      pendingIntroductions: 1,
      relationships: { active: 0, paused: 1, endedEarly: 1, completed: 0 },
      // R1 1, R3 1, R4 0 (R2 ended in Q1)
      meetingsPerRelationship: { relationships: 3, mean: 0.7, median: 1 },
      checkIns: { sent: 2, answered: 1, responseRate: 0.5 },
    });
    const before = await dashboard('?period=2025-Q4');
    expect(before.figures.enrolled.total).toBe(0);
    expect(before.figures.matchRate).toBeNull();
    expect(before.figures.medianDaysToMatch).toBeNull();
    expect(before.figures.checkIns.responseRate).toBeNull();
    expect(before.figures.meetingsPerRelationship).toEqual({
      relationships: 0,
      mean: null,
      median: null,
    });
  });

  it('splits per department: people by their own, relationships in each of their people’s', async () => {
    const body = await dashboard('?by=department');
    expect(body.by).toBe('department');
    expect(body.figures.enrolled.total).toBe(7);
    expect(body.groups.map((g) => g.value)).toEqual(['IT', 'Sales', null]);
    const [it_, sales, unknown] = body.groups.map((g) => g.figures);
    expect(sales).toEqual({
      enrolled: { mentee: 3, mentor: 1, both: 0, total: 4 },
      matched: 3,
      matchRate: 0.75,
      medianDaysToMatch: 25, // A 10, B 25, E 40
      pendingRequests: 2,
      pendingIntroductions: 1,
      relationships: { active: 1, paused: 0, endedEarly: 1, completed: 1 }, // R1, R2, R4
      meetingsPerRelationship: { relationships: 3, mean: 2, median: 2 }, // 4, 2, 0
      checkIns: { sent: 5, answered: 5, responseRate: 1 },
    });
    expect(it_).toEqual({
      enrolled: { mentee: 1, mentor: 1, both: 0, total: 2 },
      matched: 2,
      matchRate: 1,
      medianDaysToMatch: 37.5, // D 15, C 60
      pendingRequests: 2,
      pendingIntroductions: 1,
      relationships: { active: 1, paused: 1, endedEarly: 0, completed: 0 }, // R1, R3
      meetingsPerRelationship: { relationships: 2, mean: 2.5, median: 2.5 }, // 4, 1
      checkIns: { sent: 3, answered: 1, responseRate: 1 / 3 },
    });
    expect(unknown).toMatchObject({
      enrolled: { mentee: 0, mentor: 0, both: 1, total: 1 },
      matched: 1,
      medianDaysToMatch: 50,
      relationships: { active: 0, paused: 0, endedEarly: 1, completed: 0 },
      meetingsPerRelationship: { relationships: 1, mean: 0, median: 0 },
      checkIns: { sent: 0, answered: 0, responseRate: null },
    });
  });

  it('splits per job-level band and per programme role', async () => {
    const bands = await dashboard('?by=jobLevelBand');
    expect(bands.groups.map((g) => [g.value, g.figures.enrolled.total])).toEqual([
      ['1-3', 2], // A 2, H 3
      ['4-6', 2], // B 5, E 6
      ['7-9', 1], // C 8
      ['10+', 1], // D 11
      [null, 1], // F
    ]);
    const roles = await dashboard('?by=role&period=2026-Q1');
    const mentors = roles.groups.find((g) => g.value === 'mentor')!.figures;
    expect(mentors.enrolled).toEqual({ mentee: 0, mentor: 2, both: 0, total: 2 });
    expect(mentors.checkIns).toEqual({ sent: 3, answered: 2, responseRate: 2 / 3 });
  });

  it('sends as many statements for a large programme as for an empty one', async () => {
    const count = async (id: string, query: string) => {
      await dashboard(query, manager.cookie, id); // the first call resolves the caller
      // A minute later the kept answer is computed again.
      now = new Date(now.getTime() + 60_000);
      const before = ctx.database.stats.queries;
      await dashboard(query, manager.cookie, id);
      const computed = ctx.database.stats.queries - before;
      const again = ctx.database.stats.queries;
      await dashboard(query, manager.cookie, id);
      return { computed, kept: ctx.database.stats.queries - again };
    };
    for (const query of ['', '?by=department&period=2026-Q1']) {
      const empty = await count(emptyProgrammeId, query);
      const full = await count(programmeId, query);
      expect(full.computed).toBe(empty.computed);
      // 1 fingerprint + 5 here, the rest the health count and the outcome figures
      expect(full.computed).toBeLessThanOrEqual(15);
      // Nothing changed within the minute: the fingerprint alone (and the caller's membership
      // when its 10-second cache ran out on a slow machine).
      expect(full.kept).toBeLessThanOrEqual(2);
      expect(empty.kept).toBeLessThanOrEqual(2);
    }
  });

  it('keeps its answer only while the rows behind it are unchanged, whoever changed them', async () => {
    const before = await dashboard();
    expect(before.figures.checkIns).toEqual({ sent: 8, answered: 6, responseRate: 0.75 });
    // Another process (a plain SQL write, no service involved) takes an answer back…
    const where = sql`programme_id = ${programmeId}::uuid and due_on = '2026-03-16' and side = 'mentee'`;
    await ctx.db.execute(sql`update check_in set answered_at = null where ${where}`);
    expect((await dashboard()).figures.checkIns).toEqual({
      sent: 8,
      answered: 5,
      responseRate: 5 / 8,
    });
    // …and gives it back; a person moving department moves the split at once too.
    await ctx.db.execute(sql`update check_in set answered_at = sent_at where ${where}`);
    expect((await dashboard()).figures.checkIns.answered).toBe(6);
    const bySales = async () =>
      (await dashboard('?by=department')).groups.find((g) => g.value === 'Sales')?.figures.enrolled
        .total;
    const sales = await bySales();
    await ctx.db.execute(
      sql`update person set department = 'IT' where organisation_id = ${organisationId}::uuid and given_name = 'H'`,
    );
    expect(await bySales()).toBe(sales! - 1);
    await ctx.db.execute(
      sql`update person set department = 'Sales' where organisation_id = ${organisationId}::uuid and given_name = 'H'`,
    );
    expect(await bySales()).toBe(sales);
  });

  it('is for managers and org admins of the organisation only', async () => {
    expect((await dashboard('', admin.cookie)).figures.enrolled.total).toBe(7);
    const asMember = await ctx.app.inject({
      url: `/api/programmes/${programmeId}/dashboard`,
      headers: { cookie: member.cookie },
    });
    expect(asMember.statusCode).toBe(403);
    const outsider = await signedIn(ctx.app, 'programme_manager');
    const other = await ctx.app.inject({
      url: `/api/programmes/${programmeId}/dashboard`,
      headers: { cookie: outsider.cookie },
    });
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('Hand-built');
  });

  it('names the field of a bad filter', async () => {
    for (const query of ['?period=2026-Q5', '?period=last-year', '?by=gender']) {
      const response = await ctx.app.inject({
        url: `/api/programmes/${programmeId}/dashboard${query}`,
        headers: { cookie: manager.cookie },
      });
      expect(response.statusCode, query).toBe(400);
      expect(response.body, query).toContain(query.includes('by=') ? 'by' : 'period');
    }
  });
});
