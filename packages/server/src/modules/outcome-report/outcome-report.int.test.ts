import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkIn,
  enrolment,
  feedbackAction,
  meeting,
  outcomeSurvey,
  person,
  programme,
  programmeCohort,
  programmeInvitation,
  programmeSponsor,
  relationship,
  relationshipMentee,
  skillRating,
} from '../../db/schema.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { signedIn } from '../../test/factories.js';
import { createPerson } from '../people/service.js';
import { defaultConflictRules } from '../programmes/service.js';
import { Z95, wilson } from './retention.js';
import type { OutcomeReport, RetentionFigure, SponsorHome } from './schema.js';

/**
 * The outcome report on a programme built by hand (today 2026-06-15, minGroup 5): every figure
 * below was computed on paper first (see the comments), retention and its comparison group
 * included; small cohorts hidden; cohort filter; who may read.
 *
 * People (department, job level → band; start; leave):
 *   P1–P5 Sales 2 (1-3), start 2020, enrolled 2025-01-10 (cohort C1); P1 leaves 2025-05-01,
 *     P2 leaves 2025-11-01.
 *   P6 IT 5 (4-6), enrolled 2025-02-01 (C1), leaves 2025-06-01. P7 no department, enrolled
 *     2025-01-10 (C1): no stratum (unmatched).
 *   Q1–Q5 Sales 2, enrolled 2025-09-10 (C2); Q1 leaves 2026-01-01.
 *   Non-participants: N1, N2 Sales 3; N3 Sales 1 leaves 2025-03-01; N4 Sales 2 leaves 2025-12-01;
 *   N5 Sales 2 starts 2025-06-01; N6 IT 6; N7 IT 8 (band 7-9); N8 Sales 3, enrolled in another
 *   programme on 2026-05-01 (a comparison person for the programme, a participant — too recent
 *   to be included — for the organisation).
 */
let ctx: TestContext;
const now = new Date('2026-06-15T12:00:00Z');
const t = (iso: string) => new Date(`${iso}T10:00:00Z`);
let organisationId: string;
let programmeId: string;
let otherProgrammeId: string;
let c1: string;
let c2: string;
let otherCohort: string;
let admin: Awaited<ReturnType<typeof signedIn>>;
let member: Awaited<ReturnType<typeof signedIn>>;
let orgSponsor: Awaited<ReturnType<typeof signedIn>>;
let namedSponsor: Awaited<ReturnType<typeof signedIn>>;
let outsider: Awaited<ReturnType<typeof signedIn>>;

async function newPerson(
  key: string,
  department: string | null,
  jobLevel: number | null,
  startDate: string,
  leaveDate: string | null = null,
): Promise<string> {
  const row = await createPerson(ctx.db, organisationId, {
    email: `${key}-${randomBytes(4).toString('hex')}@example.test`,
    givenName: key,
    familyName: 'Outcome',
    department,
    jobLevel,
  });
  await ctx.db.update(person).set({ startDate, leaveDate }).where(eq(person.id, row.id));
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
      startsOn: '2025-01-01',
      publishedAt: t('2024-12-01'),
    })
    .returning({ id: programme.id });
  return row!.id;
}

async function cohort(programme: string, name: string, startsOn: string): Promise<string> {
  const [row] = await ctx.db
    .insert(programmeCohort)
    .values({ programmeId: programme, organisationId, name, startsOn })
    .returning({ id: programmeCohort.id });
  return row!.id;
}

beforeAll(async () => {
  ctx = await createTestContext({}, { clock: () => now });
  admin = await signedIn(ctx.app, 'org_admin');
  organisationId = admin.organisationId;
  member = await signedIn(ctx.app, 'member', organisationId);
  orgSponsor = await signedIn(ctx.app, 'sponsor', organisationId);
  namedSponsor = await signedIn(ctx.app, 'member', organisationId);
  outsider = await signedIn(ctx.app, 'sponsor');
  programmeId = await newProgramme('Outcome programme');
  otherProgrammeId = await newProgramme('Other programme');
  c1 = await cohort(programmeId, 'Voorjaar 2025', '2025-01-01');
  c2 = await cohort(programmeId, 'Najaar 2025', '2025-09-01');
  otherCohort = await cohort(otherProgrammeId, 'Ander', '2025-01-01');
  await ctx.db
    .insert(programmeSponsor)
    .values({ programmeId, personId: namedSponsor.id, organisationId });

  const P1 = await newPerson('P1', 'Sales', 2, '2020-01-01', '2025-05-01');
  const P2 = await newPerson('P2', 'Sales', 2, '2020-01-01', '2025-11-01');
  const P3 = await newPerson('P3', 'Sales', 2, '2020-01-01');
  const P4 = await newPerson('P4', 'Sales', 2, '2020-01-01');
  const P5 = await newPerson('P5', 'Sales', 2, '2020-01-01');
  const P6 = await newPerson('P6', 'IT', 5, '2020-01-01', '2025-06-01');
  const P7 = await newPerson('P7', null, null, '2020-01-01');
  const Q1 = await newPerson('Q1', 'Sales', 2, '2021-01-01', '2026-01-01');
  const Q2 = await newPerson('Q2', 'Sales', 2, '2021-01-01');
  const Q3 = await newPerson('Q3', 'Sales', 2, '2021-01-01');
  const Q4 = await newPerson('Q4', 'Sales', 2, '2021-01-01');
  const Q5 = await newPerson('Q5', 'Sales', 2, '2021-01-01');
  await newPerson('N1', 'Sales', 3, '2019-01-01');
  await newPerson('N2', 'Sales', 3, '2019-01-01');
  await newPerson('N3', 'Sales', 1, '2019-01-01', '2025-03-01');
  await newPerson('N4', 'Sales', 2, '2019-01-01', '2025-12-01');
  await newPerson('N5', 'Sales', 2, '2025-06-01');
  await newPerson('N6', 'IT', 6, '2019-01-01');
  await newPerson('N7', 'IT', 8, '2019-01-01');
  const N8 = await newPerson('N8', 'Sales', 3, '2019-01-01');

  const enrol = (personId: string, on: string, role: 'mentee' | 'mentor' = 'mentee') =>
    ({ programmeId, organisationId, personId, role, createdAt: t(on) }) as const;
  await ctx.db
    .insert(enrolment)
    .values([
      ...[P1, P2, P3, P4, P5, P7].map((p) => enrol(p, '2025-01-10')),
      enrol(P6, '2025-02-01', 'mentor'),
      ...[Q1, Q2, Q3, Q4].map((p) => enrol(p, '2025-09-10')),
      enrol(Q5, '2025-09-10', 'mentor'),
      { ...enrol(N8, '2026-05-01'), programmeId: otherProgrammeId },
    ]);

  // Invitations: 15 before the first cohort (C1), 3 after C2 began.
  const invitees = [P1, P2, P3, P4, P5, P6, P7, Q1, Q2, Q3, Q4, Q5, N8];
  const others = await Promise.all(
    Array.from({ length: 5 }, (_, i) => newPerson(`I${i}`, null, null, '2019-01-01')),
  );
  const everyone = [...invitees, ...others];
  await ctx.db.insert(programmeInvitation).values(
    everyone.map((personId, i) => ({
      programmeId,
      personId,
      organisationId,
      sentAt: i < 15 ? t('2024-12-15') : t('2025-09-02'),
    })),
  );

  const rel = async (mentorId: string, menteeId: string, started: string) => {
    const [row] = await ctx.db
      .insert(relationship)
      .values({ programmeId, organisationId, mentorId, startedAt: t(started) })
      .returning({ id: relationship.id });
    await ctx.db
      .insert(relationshipMentee)
      .values({ relationshipId: row!.id, menteeId, joinedAt: t(started) });
    return row!.id;
  };
  // Days from enrolment to first match: P1 10, P2 15, P3 31, P4 31, P6 0 (its first relationship
  // began before it enrolled); Q1 10, Q2 10, Q3 30, Q5 10.
  const R1 = await rel(P6, P1, '2025-01-20');
  const R2 = await rel(P6, P2, '2025-01-25');
  const R3 = await rel(P6, P3, '2025-02-10');
  const R4 = await rel(P6, P4, '2025-02-10');
  const R5 = await rel(Q5, Q1, '2025-09-20');
  const R6 = await rel(Q5, Q2, '2025-09-20');
  await rel(Q5, Q3, '2025-10-10');

  const meet = (
    relationshipId: string,
    on: string,
    status: 'planned' | 'cancelled' = 'planned',
  ) => ({
    relationshipId,
    organisationId,
    startsAt: t(on),
    durationMinutes: 60,
    timeZone: 'Europe/Amsterdam',
    status,
    createdBy: P6,
  });
  // Held (not cancelled, in the past): R1 3, R2 1 (C1: 4 over 4), R5 2 (C2: 2 over 3).
  await ctx.db
    .insert(meeting)
    .values([
      meet(R1, '2025-02-01'),
      meet(R1, '2025-03-01'),
      meet(R1, '2025-04-01'),
      meet(R1, '2025-05-01', 'cancelled'),
      meet(R1, '2026-07-01'),
      meet(R2, '2025-02-15'),
      meet(R5, '2025-10-01'),
      meet(R5, '2025-11-01'),
    ]);

  // Check-ins: R1 4 sent, 3 answered (C1); R5 2 sent, 1 answered (C2).
  const check = (relationshipId: string, personId: string, sent: string, answered: boolean) => ({
    organisationId,
    programmeId,
    relationshipId,
    personId,
    side: 'mentee' as const,
    dueOn: sent,
    questions: [],
    answers: answered ? {} : null,
    sentAt: t(sent),
    answeredAt: answered ? t(sent) : null,
  });
  await ctx.db
    .insert(checkIn)
    .values([
      check(R1, P1, '2025-02-20', true),
      check(R1, P1, '2025-03-20', true),
      check(R1, P1, '2025-04-20', true),
      check(R1, P1, '2025-05-20', false),
      check(R5, Q1, '2025-10-20', true),
      check(R5, Q1, '2025-11-20', false),
    ]);

  const survey = (
    relationshipId: string,
    personId: string,
    side: 'mentee' | 'mentor',
    answers: {
      learned: boolean;
      skills: string[];
      career: string[];
      inspired: boolean;
      recommend: number;
    },
  ) => ({
    organisationId,
    programmeId,
    relationshipId,
    personId,
    side,
    closing: 'completed',
    sentAt: t('2026-01-05'),
    answeredAt: t('2026-01-06'),
    learnedSkills: answers.learned,
    skillsLearned: answers.skills,
    careerSteps: answers.career,
    inspired: answers.inspired,
    recommend: answers.recommend,
  });
  // 7 respondents (C1 5, C2 2): learned 5, career step 3, inspired 5; promoters 3, detractors 2.
  await ctx.db.insert(outcomeSurvey).values([
    survey(R1, P1, 'mentee', {
      learned: true,
      skills: ['giving-feedback', 'delegating'],
      career: ['promotion'],
      inspired: true,
      recommend: 10,
    }),
    survey(R2, P2, 'mentee', {
      learned: true,
      skills: ['giving-feedback'],
      career: [],
      inspired: true,
      recommend: 9,
    }),
    survey(R3, P3, 'mentee', {
      learned: false,
      skills: [],
      career: [],
      inspired: false,
      recommend: 6,
    }),
    survey(R4, P4, 'mentee', {
      learned: true,
      skills: ['delegating', 'giving-feedback'],
      career: ['project'],
      inspired: true,
      recommend: 8,
    }),
    survey(R1, P6, 'mentor', {
      learned: true,
      skills: ['artificial-intelligence'],
      career: [],
      inspired: true,
      recommend: 10,
    }),
    survey(R5, Q1, 'mentee', {
      learned: false,
      skills: [],
      career: ['network'],
      inspired: false,
      recommend: 3,
    }),
    survey(R6, Q2, 'mentee', {
      learned: true,
      skills: ['giving-feedback'],
      career: [],
      inspired: true,
      recommend: 7,
    }),
  ]);

  // Self-ratings of 'giving-feedback' (start → end): 2→4, 3→4, 2→2, 1→3 (C1), 2→5 (C2);
  // 'delegating' only P1 1→2.
  const ratings: [string, string, string, number, number][] = [
    [R1, P1, 'giving-feedback', 2, 4],
    [R2, P2, 'giving-feedback', 3, 4],
    [R3, P3, 'giving-feedback', 2, 2],
    [R4, P4, 'giving-feedback', 1, 3],
    [R6, Q2, 'giving-feedback', 2, 5],
    [R1, P1, 'delegating', 1, 2],
  ];
  await ctx.db.insert(skillRating).values(
    ratings.flatMap(([relationshipId, personId, skill, start, end]) => [
      {
        relationshipId,
        organisationId,
        programmeId,
        personId,
        skill,
        phase: 'start' as const,
        rating: start,
      },
      {
        relationshipId,
        organisationId,
        programmeId,
        personId,
        skill,
        phase: 'end' as const,
        rating: end,
      },
    ]),
  );

  // You said, we did: before C1; between C1 and C2; after C2.
  const action = (did: string, at: string) => ({
    organisationId,
    programmeId,
    saidNl: 'gezegd',
    saidEn: 'said',
    didNl: `${did} (nl)`,
    didEn: `${did} (en)`,
    createdAt: t(at),
  });
  await ctx.db
    .insert(feedbackAction)
    .values([action('A1', '2024-12-01'), action('A2', '2025-05-01'), action('A3', '2026-01-01')]);
}, 120_000);

afterAll(async () => ctx?.close());

async function get<T>(url: string, cookie: string, status = 200): Promise<T> {
  const response = await ctx.app.inject({ url, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as T;
}

const shown = (figure: RetentionFigure | undefined) => {
  if (!figure?.shown) throw new Error(`retention withheld: ${JSON.stringify(figure)}`);
  return figure;
};

/** The expected figure from hand-computed cells: [n, retained, comparable, comparable retained]. */
function expectRetention(
  figure: RetentionFigure | undefined,
  cells: [number, number, number, number][],
  comparisonPeople: number,
  unmatched: number,
) {
  const f = shown(figure);
  const N = cells.reduce((s, c) => s + c[0], 0);
  const R = cells.reduce((s, c) => s + c[1], 0);
  const c = cells.reduce((s, [n, , k, kr]) => s + (n / N) * (kr / k), 0);
  const varC = cells.reduce(
    (s, [n, , k, kr]) => s + ((n / N) ** 2 * (kr / k) * (1 - kr / k)) / k,
    0,
  );
  const p = R / N;
  const varP = (p * (1 - p)) / N;
  expect(f.participants.n).toBe(N);
  expect(f.participants.retained).toBe(R);
  expect(f.participants.share).toBeCloseTo(p, 4);
  const w = wilson(R, N);
  expect(f.participants.low).toBeCloseTo(w.low, 4);
  expect(f.participants.high).toBeCloseTo(w.high, 4);
  expect(f.comparison.n).toBe(comparisonPeople);
  expect(f.comparison.share).toBeCloseTo(c, 4);
  expect(f.comparison.low).toBeCloseTo(Math.max(0, c - Z95 * Math.sqrt(varC)), 4);
  expect(f.comparison.high).toBeCloseTo(Math.min(1, c + Z95 * Math.sqrt(varC)), 4);
  expect(f.difference.value).toBeCloseTo(p - c, 4);
  expect(f.difference.low).toBeCloseTo(p - c - Z95 * Math.sqrt(varP + varC), 4);
  expect(f.difference.high).toBeCloseTo(p - c + Z95 * Math.sqrt(varP + varC), 4);
  expect(f.unmatched).toBe(unmatched);
}

describe('programme outcome report', () => {
  it('has every figure of the whole programme as computed by hand', async () => {
    const report = await get<OutcomeReport>(
      `/api/programmes/${programmeId}/outcomes`,
      admin.cookie,
    );
    expect(report.scope).toMatchObject({ kind: 'programme', programmeId, cohort: null });
    expect(report.minGroup).toBe(5);
    expect(report.cohorts.map((c) => c.name)).toEqual(['Voorjaar 2025', 'Najaar 2025']);
    expect(report.participation).toEqual({
      invited: 18,
      enrolled: 12,
      matched: 9,
      // 0, 10, 10, 10, 10, 15, 30, 31, 31
      medianDaysToMatch: 10,
    });
    expect(report.activity).toEqual({
      relationships: 7,
      meetingsPerRelationship: 0.86, // 6 / 7
      checkIns: { sent: 6, answered: 4, percent: 67 },
    });
    const total = report.outcomes.total;
    if (!total.shown) throw new Error('outcomes withheld');
    expect(total.respondents).toBe(7);
    expect(total.learnedSkills).toEqual({ count: 5, of: 7, percent: 71 });
    expect(total.careerStep.percent).toBe(43);
    expect(total.inspired.percent).toBe(71);
    expect(total.recommend).toMatchObject({ promoters: 3, detractors: 2, passives: 2, nps: 14 });
    expect(report.headline).toEqual({
      enrolled: 12,
      matched: 9,
      learnedSkillsPercent: 71,
      careerStepPercent: 43,
      inspiredPercent: 71,
      nps: 14,
      respondents: 7,
    });
    if (!report.outcomes.topSkills.shown) throw new Error('top skills withheld');
    expect(report.outcomes.topSkills.items.map((s) => [s.skill, s.count])).toEqual([
      ['giving-feedback', 4],
      ['delegating', 2],
      ['artificial-intelligence', 1],
    ]);
    expect(['Feedback geven', 'Giving feedback']).toContain(
      report.outcomes.topSkills.items[0]!.label,
    );
    expect(report.outcomes.growth).toEqual([
      { shown: true, skill: 'giving-feedback', n: 5, meanStart: 2, meanEnd: 3.6 },
      { shown: false, skill: 'delegating', reason: 'too_few', respondents: null, needed: 5 },
    ]);
  });

  it('measures retention against comparable non-participants, with its intervals', async () => {
    const report = await get<OutcomeReport>(
      `/api/programmes/${programmeId}/outcomes`,
      admin.cookie,
    );
    const [six, twelve] = report.retention;
    // 6 months — cells: Jan 10 Sales 1-3: P1–P5, 4 stayed; comparable N1 N2 N3 N4 N8, 4 stayed.
    // Feb 1 IT 4-6: P6 left; N6 stayed. Sep 10 Sales 1-3: Q1–Q5, 4 stayed; comparable N1 N2 N4
    // N5 N8, 4 stayed (N4 left in December). P7 has no stratum. Distinct comparison people: 7.
    expect(six?.months).toBe(6);
    expectRetention(
      six,
      [
        [5, 4, 5, 4],
        [1, 0, 1, 1],
        [5, 4, 5, 4],
      ],
      7,
      1,
    );
    // Hand-computed: p = 8/11, c = 9/11.
    expect(shown(six).participants.share).toBeCloseTo(8 / 11, 4);
    expect(shown(six).comparison.share).toBeCloseTo(9 / 11, 4);
    // 12 months: cohort C1 only. Jan 10: P3–P5 stayed (3 of 5); N1 N2 N8 stayed (3 of 5).
    expectRetention(
      twelve,
      [
        [5, 3, 5, 3],
        [1, 0, 1, 1],
      ],
      6,
      1,
    );
    expect(shown(twelve).participants.share).toBeCloseTo(0.5, 4);
    expect(shown(twelve).comparison.share).toBeCloseTo(4 / 6, 4);
  });

  it('hides a small cohort and the cohort beside it that would reveal it by difference', async () => {
    const report = await get<OutcomeReport>(
      `/api/programmes/${programmeId}/outcomes`,
      admin.cookie,
    );
    const [first, second] = report.cohortsOverTime;
    // C1 has 5 respondents, C2 2: showing C1 beside the total would show C2 by difference.
    expect(first!.headline).toEqual({
      enrolled: 7,
      matched: 5,
      learnedSkillsPercent: null,
      careerStepPercent: null,
      inspiredPercent: null,
      nps: null,
      respondents: null,
    });
    expect(second!.headline).toMatchObject({ enrolled: 5, matched: 4, learnedSkillsPercent: null });
    expect(first!.changesBefore.map((c) => c.did)).toEqual([expect.stringMatching(/^A1 /)]);
    expect(second!.changesBefore.map((c) => c.did)).toEqual([expect.stringMatching(/^A2 /)]);

    const filtered = await get<OutcomeReport>(
      `/api/programmes/${programmeId}/outcomes?cohort=${c1}`,
      admin.cookie,
    );
    expect(filtered.outcomes.total).toMatchObject({ shown: false, reason: 'overlap' });
    expect(filtered.outcomes.topSkills.shown).toBe(false);
    expect(filtered.headline.learnedSkillsPercent).toBeNull();
    // C1 has 4 people behind giving-feedback: fewer than 5.
    expect(filtered.outcomes.growth[0]).toMatchObject({ shown: false, reason: 'too_few' });
    const c2Report = await get<OutcomeReport>(
      `/api/programmes/${programmeId}/outcomes?cohort=${c2}`,
      admin.cookie,
    );
    expect(c2Report.outcomes.total).toMatchObject({ shown: false, reason: 'too_few' });
  });

  it('filters every figure to a cohort', async () => {
    const report = await get<OutcomeReport>(
      `/api/programmes/${programmeId}/outcomes?cohort=${c1}`,
      admin.cookie,
    );
    expect(report.scope.cohort).toMatchObject({ id: c1, startsOn: '2025-01-01' });
    expect(report.participation).toEqual({
      invited: 15,
      enrolled: 7,
      matched: 5,
      medianDaysToMatch: 15, // 0, 10, 15, 31, 31
    });
    expect(report.activity).toEqual({
      relationships: 4,
      meetingsPerRelationship: 1,
      checkIns: { sent: 4, answered: 3, percent: 75 },
    });
    // 6 months, C1: P1–P5 (4 stayed) and P6 (left); the cohorts' matched participants (6 and 5)
    // are both large enough to be shown side by side.
    expectRetention(
      report.retention[0],
      [
        [5, 4, 5, 4],
        [1, 0, 1, 1],
      ],
      6,
      1,
    );
    const second = await get<OutcomeReport>(
      `/api/programmes/${programmeId}/outcomes?cohort=${c2}`,
      admin.cookie,
    );
    expect(second.participation).toMatchObject({ invited: 3, enrolled: 5, matched: 4 });
    expect(second.activity.meetingsPerRelationship).toBe(0.67);
    // 12 months after September 2025 has not come yet.
    expect(second.retention[1]).toMatchObject({ shown: false, reason: 'too_few', months: 12 });
    await get(`/api/programmes/${programmeId}/outcomes?cohort=${otherCohort}`, admin.cookie, 404);
  });
});

describe('statements', () => {
  it('sends as many statements for the programme as for an empty one', async () => {
    const count = async (id: string, query = '') => {
      const url = `/api/programmes/${id}/outcomes${query}`;
      await get(url, admin.cookie); // the first call resolves the caller
      const before = ctx.database.stats.queries;
      await get(url, admin.cookie);
      return ctx.database.stats.queries - before;
    };
    const full = await count(programmeId);
    expect(full).toBe(await count(otherProgrammeId));
    expect(full).toBeLessThanOrEqual(15);
    // A cohort adds one statement: the programme's growth beside the cohort's.
    expect(await count(programmeId, `?cohort=${c1}`)).toBe(full + 1);
  });
});

describe('organisation outcome report', () => {
  it('counts every programme, with non-participants of any programme as the comparison', async () => {
    const report = await get<OutcomeReport>('/api/outcomes', orgSponsor.cookie);
    expect(report.scope).toMatchObject({ kind: 'organisation', programmeId: null });
    expect(report.cohorts).toEqual([]);
    expect(report.cohortsOverTime).toEqual([]);
    expect(report.participation).toMatchObject({ invited: 18, enrolled: 13, matched: 9 });
    // N8 is a participant now (enrolled 2026-05-01: too recent to be included) and no longer a
    // comparison person: Jan 10 comparable N1–N4 (3 stayed), Sep 10 N1 N2 N4 N5 (3 stayed).
    expectRetention(
      report.retention[0],
      [
        [5, 4, 4, 3],
        [1, 0, 1, 1],
        [5, 4, 4, 3],
      ],
      6,
      1,
    );
  });
});

describe('who reads the outcome report', () => {
  it('lets a named sponsor with the member role read that programme only', async () => {
    await get(`/api/programmes/${programmeId}/outcomes`, namedSponsor.cookie);
    await get(`/api/programmes/${programmeId}/cohorts`, namedSponsor.cookie);
    await get(`/api/programmes/${otherProgrammeId}/outcomes`, namedSponsor.cookie, 403);
    await get('/api/outcomes', namedSponsor.cookie, 403);
    const home = await get<SponsorHome>('/api/outcomes/sponsored', namedSponsor.cookie);
    expect(home.programmes).toEqual([
      {
        programmeId,
        name: 'Outcome programme',
        status: 'published',
        headline: {
          enrolled: 12,
          matched: 9,
          learnedSkillsPercent: 71,
          careerStepPercent: 43,
          inspiredPercent: 71,
          nps: 14,
          respondents: 7,
        },
      },
    ]);
    const none = await get<SponsorHome>('/api/outcomes/sponsored', member.cookie);
    expect(none.programmes).toEqual([]);
  });

  it('refuses a member (403) and another organisation’s sponsor (404)', async () => {
    await get(`/api/programmes/${programmeId}/outcomes`, member.cookie, 403);
    await get('/api/outcomes', member.cookie, 403);
    const other = await ctx.app.inject({
      url: `/api/programmes/${programmeId}/outcomes`,
      headers: { cookie: outsider.cookie },
    });
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('Outcome programme');
    await get(`/api/programmes/${programmeId}/outcomes`, orgSponsor.cookie);
  });

  it('lets managers add, move and remove cohorts; others may not', async () => {
    const create = (cookie: string, body: Record<string, string>) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/programmes/${otherProgrammeId}/cohorts`,
        headers: { cookie },
        payload: body,
      });
    expect(
      (await create(orgSponsor.cookie, { name: 'X', startsOn: '2026-01-01' })).statusCode,
    ).toBe(403);
    const created = await create(admin.cookie, { name: 'Tweede', startsOn: '2026-01-01' });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const taken = await create(admin.cookie, { name: 'Dubbel', startsOn: '2026-01-01' });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('startsOn');
    const moved = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/programmes/${otherProgrammeId}/cohorts/${id}`,
      headers: { cookie: admin.cookie },
      payload: { startsOn: '2026-02-01' },
    });
    expect(moved.json()).toMatchObject({ id, name: 'Tweede', startsOn: '2026-02-01' });
    const list = await get<{ items: { name: string }[] }>(
      `/api/programmes/${otherProgrammeId}/cohorts`,
      admin.cookie,
    );
    expect(list.items.map((c) => c.name)).toEqual(['Ander', 'Tweede']);
    const removed = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/programmes/${otherProgrammeId}/cohorts/${id}`,
      headers: { cookie: admin.cookie },
    });
    expect(removed.statusCode).toBe(204);
    // A cohort of another programme is not found through this one.
    const wrong = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/programmes/${programmeId}/cohorts/${otherCohort}`,
      headers: { cookie: admin.cookie },
    });
    expect(wrong.statusCode).toBe(404);
  });
});
