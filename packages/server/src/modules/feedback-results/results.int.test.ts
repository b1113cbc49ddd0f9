import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import type { organisation } from '../../db/schema.js';
import {
  checkIn,
  enrolment,
  outcomeSurvey,
  person,
  programme,
  relationship,
  sensitiveAttributes,
  skillRating,
  user,
  type CheckInAnswer,
  type CheckInQuestion,
} from '../../db/schema.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { createOrganisation, signedIn } from '../../test/factories.js';
import { outcomeFigures } from './service.js';
import type { ResultsResponse } from './schema.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const unique = () => randomBytes(4).toString('hex');

const questions: CheckInQuestion[] = [
  { id: 'met', kind: 'met', labelNl: 'Gesproken?', labelEn: 'Met?' },
  { id: 'usefulness', kind: 'usefulness', labelNl: 'Nuttig?', labelEn: 'Useful?' },
  { id: 'gains', kind: 'gains', labelNl: 'Wat levert het op?', labelEn: 'What do you gain?' },
  { id: 'programme', kind: 'programme', labelNl: 'Iets voor ons?', labelEn: 'Anything for us?' },
];

interface Respondent {
  id: string;
  relationshipId: string;
}

interface Setup {
  organisationId: string;
  programmeId: string;
  mentorId: string;
  managerCookie: string;
}

async function setup(
  orgOverrides: Partial<typeof organisation.$inferInsert> = {},
  checkInQuestions: CheckInQuestion[] = questions,
) {
  const org = await createOrganisation(ctx.db, orgOverrides);
  const manager = await signedIn(ctx.app, 'programme_manager', org.id);
  const [prog] = await ctx.db
    .insert(programme)
    .values({
      organisationId: org.id,
      name: `Programme ${unique()}`,
      type: 'classic',
      status: 'published',
      conflictRules: {
        reportingLineLevels: 2,
        excludeSameTeam: false,
        excludeSameDepartment: false,
        excludeEarlierPairs: true,
      },
      checkInQuestions,
    })
    .returning();
  const mentorId = await addPerson(ctx.db, org.id, {});
  return {
    organisationId: org.id,
    programmeId: prog!.id,
    mentorId,
    managerCookie: manager.cookie,
  } satisfies Setup;
}

async function addPerson(
  db: Db,
  organisationId: string,
  values: { department?: string; location?: string; jobLevel?: number },
): Promise<string> {
  const suffix = unique();
  const userId = `u-${suffix}`;
  const email = `p-${suffix}@example.test`;
  await db.insert(user).values({ id: userId, email, name: 'P' });
  const [row] = await db
    .insert(person)
    .values({ organisationId, userId, email, givenName: 'P', familyName: suffix, ...values })
    .returning();
  return row!.id;
}

async function addRespondent(
  s: Setup,
  values: { department?: string; location?: string; jobLevel?: number; gender?: string } = {},
): Promise<Respondent> {
  const { gender, ...personValues } = values;
  const id = await addPerson(ctx.db, s.organisationId, personValues);
  await ctx.db.insert(enrolment).values({
    programmeId: s.programmeId,
    organisationId: s.organisationId,
    personId: id,
    role: 'mentee',
  });
  if (gender) {
    await ctx.db
      .insert(sensitiveAttributes)
      .values({ personId: id, organisationId: s.organisationId, gender, consentedAt: new Date() });
  }
  const [rel] = await ctx.db
    .insert(relationship)
    .values({ programmeId: s.programmeId, organisationId: s.organisationId, mentorId: s.mentorId })
    .returning();
  return { id, relationshipId: rel!.id };
}

let dueCounter = 0;
async function answerCheckIn(
  s: Setup,
  r: Respondent,
  answers: Record<string, CheckInAnswer>,
  answeredAt = new Date('2026-05-10T10:00:00Z'),
) {
  dueCounter += 1;
  const dueOn = new Date(Date.UTC(2026, 0, 1) + dueCounter * 86_400_000).toISOString().slice(0, 10);
  await ctx.db.insert(checkIn).values({
    organisationId: s.organisationId,
    programmeId: s.programmeId,
    relationshipId: r.relationshipId,
    personId: r.id,
    side: 'mentee',
    dueOn,
    questions,
    answers,
    sentAt: answeredAt,
    answeredAt,
  });
}

async function answerSurvey(
  s: Setup,
  r: Respondent,
  values: Partial<typeof outcomeSurvey.$inferInsert>,
  answeredAt = new Date('2026-05-20T10:00:00Z'),
) {
  await ctx.db.insert(outcomeSurvey).values({
    organisationId: s.organisationId,
    programmeId: s.programmeId,
    relationshipId: r.relationshipId,
    personId: r.id,
    side: 'mentee',
    closing: 'completed',
    sentAt: answeredAt,
    answeredAt,
    ...values,
  });
}

async function rate(
  s: Setup,
  r: Respondent,
  skill: string,
  start: number | null,
  end: number | null,
) {
  const base = {
    relationshipId: r.relationshipId,
    organisationId: s.organisationId,
    programmeId: s.programmeId,
    personId: r.id,
    skill,
  };
  if (start !== null)
    await ctx.db.insert(skillRating).values({ ...base, phase: 'start', rating: start });
  if (end !== null) await ctx.db.insert(skillRating).values({ ...base, phase: 'end', rating: end });
}

async function results(s: Setup, query = '', cookie = s.managerCookie) {
  const response = await ctx.app.inject({
    method: 'GET',
    url: `/api/programmes/${s.programmeId}/results${query}`,
    headers: { cookie },
  });
  return response;
}

async function resultsOk(s: Setup, query = ''): Promise<ResultsResponse> {
  const response = await results(s, query);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ResultsResponse>();
}

const question = (body: ResultsResponse, id: string) =>
  body.checkIns.questions.find((q) => q.id === id)!;

function shownFigures<T extends { shown: boolean }>(figures: T | null | undefined) {
  expect(figures?.shown).toBe(true);
  return figures as Extract<T, { shown: true }>;
}

const counts = (distribution: { value: string | number; count: number }[]) =>
  Object.fromEntries(distribution.map((d) => [String(d.value), d.count]));

describe('programme results on a known data set', () => {
  let s: Setup;
  const SECRET = `UNIQUE-SECRET-${unique()}`;

  beforeAll(async () => {
    s = await setup();
    // Sales: A1–A6 (A1–A5 in Utrecht, A6 in Delft); Legal: B1–B4 (Delft).
    const a = [];
    for (let i = 0; i < 6; i++) {
      a.push(
        await addRespondent(s, { department: 'Sales', location: i < 5 ? 'Utrecht' : 'Delft' }),
      );
    }
    const b = [];
    for (let i = 0; i < 4; i++) {
      b.push(await addRespondent(s, { department: 'Legal', location: 'Delft' }));
    }
    const [a1, a2, a3, a4, a5, a6] = a as [Respondent, ...Respondent[]] & Respondent[];
    const [b1, b2, b3, b4] = b as Respondent[];
    // Check-ins: usefulness A 5,4,4,3,5,2 (A1 answers twice: 5 then 3), B 1,2,3,4.
    await answerCheckIn(s, a1!, {
      met: true,
      usefulness: 5,
      gains: ['insight', 'network'],
      programme: SECRET,
    });
    await answerCheckIn(s, a1!, { met: true, usefulness: 3, gains: [] });
    await answerCheckIn(s, a2!, {
      met: true,
      usefulness: 4,
      gains: ['insight'],
      programme: 'Meer uitleg',
    });
    await answerCheckIn(s, a3!, {
      met: true,
      usefulness: 4,
      gains: ['confidence'],
      programme: 'Goed',
    });
    await answerCheckIn(s, a4!, { met: true, usefulness: 3, gains: [], programme: 'Prima' });
    await answerCheckIn(s, a5!, { met: true, usefulness: 5, gains: [] });
    await answerCheckIn(s, a6!, { met: false, usefulness: 2, gains: [] });
    await answerCheckIn(s, b1!, {
      met: true,
      usefulness: 1,
      gains: ['network', 'insight'],
      programme: 'x',
    });
    await answerCheckIn(s, b2!, { met: true, usefulness: 2, gains: [] });
    await answerCheckIn(s, b3!, { met: false, usefulness: 3, gains: [] });
    await answerCheckIn(s, b4!, { met: false, usefulness: 4, gains: [] });
    // Not answered: not counted.
    await ctx.db.insert(checkIn).values({
      organisationId: s.organisationId,
      programmeId: s.programmeId,
      relationshipId: b4!.relationshipId,
      personId: b4!.id,
      side: 'mentee',
      dueOn: '2027-01-01',
      questions,
      answers: null,
      sentAt: new Date('2026-05-01T10:00:00Z'),
    });

    // Outcome surveys, one each.
    const everyone = [a1, a2, a3, a4, a5, a6, b1, b2, b3, b4] as Respondent[];
    const learned = [true, true, true, true, true, true, true, false, false, false];
    const steps = [['promotion'], ['project', 'network'], [], [], [], [], ['new_role'], [], [], []];
    const inspired = [true, true, true, true, true, true, true, true, false, null];
    const recommend = [10, 9, 9, 8, 7, 6, 5, 10, 3, null];
    const skills = [
      ['coaching', 'python'],
      ['coaching'],
      ['python', 'coaching'],
      [],
      [],
      [],
      ['sql'],
      [],
      [],
      [],
    ];
    for (const [i, r] of everyone.entries()) {
      await answerSurvey(s, r, {
        learnedSkills: learned[i]!,
        careerSteps: steps[i]!,
        inspired: inspired[i]!,
        recommend: recommend[i]!,
        skillsLearned: skills[i]!,
        otherGave: `gave ${i}`,
        comment: i < 9 ? `comment ${i}` : null,
      });
    }
    // Self-ratings: coaching for A1–A5 (start 2,2,3,1,2 → 2.0; end 4,3,4,3,3 → 3.4), A6 start only;
    // python for 4 learners (too few).
    const starts = [2, 2, 3, 1, 2];
    const ends = [4, 3, 4, 3, 3];
    for (const [i, r] of [a1, a2, a3, a4, a5].entries())
      await rate(s, r!, 'coaching', starts[i]!, ends[i]!);
    await rate(s, a6!, 'coaching', 1, null);
    for (const r of [a1, a2, a3, b1]) await rate(s, r!, 'python', 1, 2);
  });

  it('equals the hand-computed figures for the whole programme', async () => {
    const body = await resultsOk(s);
    expect(body.checkIns.respondents).toBe(10);
    expect(body.checkIns.total).toEqual({ shown: true });

    const usefulness = shownFigures(question(body, 'usefulness').figures);
    expect(usefulness.respondents).toBe(10);
    expect(usefulness.answers).toBe(11);
    expect(counts(usefulness.distribution)).toEqual({ 1: 1, 2: 2, 3: 3, 4: 3, 5: 2 });
    expect(usefulness.mean).toBe(3.27); // 36 / 11

    const met = shownFigures(question(body, 'met').figures);
    expect(counts(met.distribution)).toEqual({ yes: 8, no: 3 });

    const gains = shownFigures(question(body, 'gains').figures);
    expect(counts(gains.distribution)).toEqual({
      insight: 3,
      network: 2,
      confidence: 1,
      skills: 0,
      perspective: 0,
      enjoyment: 0,
    });
    expect(gains.distribution.slice(0, 3).map((d) => d.value)).toEqual([
      'insight',
      'network',
      'confidence',
    ]);
    expect(gains.answers).toBe(11);

    const outcomes = body.outcomes;
    const total = shownFigures(outcomes.total);
    expect(total.respondents).toBe(10);
    expect(total.learnedSkills).toEqual({ count: 7, of: 10, percent: 70 });
    expect(total.careerStep.count).toBe(3);
    expect(total.careerStep.percent).toBe(30);
    expect(counts(total.careerStep.kinds.map((k) => ({ value: k.kind, count: k.count })))).toEqual({
      new_role: 1,
      promotion: 1,
      project: 1,
      network: 1,
    });
    expect(total.inspired).toEqual({ count: 8, of: 9, percent: 89 });
    expect(total.recommend).toMatchObject({
      answers: 9,
      promoters: 4,
      passives: 2,
      detractors: 3,
      nps: 11,
    });
    expect(counts(total.recommend.distribution)).toEqual({
      0: 0,
      1: 0,
      2: 0,
      3: 1,
      4: 0,
      5: 1,
      6: 1,
      7: 1,
      8: 1,
      9: 2,
      10: 2,
    });
    expect(shownFigures(outcomes.topSkills).items).toEqual([
      { skill: 'coaching', count: 3 },
      { skill: 'python', count: 2 },
      { skill: 'sql', count: 1 },
    ]);
    expect(outcomes.growth).toEqual([
      { shown: true, skill: 'coaching', n: 5, meanStart: 2, meanEnd: 3.4 },
      { shown: false, skill: 'python', reason: 'too_few', respondents: null, needed: 5 },
    ]);
  });

  it('shows comments from 10 writers and withholds those of 9; a text below the threshold never appears', async () => {
    const response = await results(s);
    const body = response.json<ResultsResponse>();
    const otherGave = shownFigures(body.outcomes.comments.otherGave);
    expect(otherGave.writers).toBe(10);
    expect([...otherGave.texts].sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `gave ${i}`).sort(),
    );
    // A stable order, not the order they were written in.
    const again = (await resultsOk(s)).outcomes.comments.otherGave;
    expect(again).toEqual(otherGave);
    expect(body.outcomes.comments.comment).toEqual({
      shown: false,
      reason: 'too_few',
      respondents: 9,
      needed: 10,
    });
    expect(question(body, 'programme').comments).toEqual({
      shown: false,
      reason: 'too_few',
      respondents: 5,
      needed: 10,
    });
    expect(response.body).not.toContain(SECRET);
    expect(response.body).not.toContain('comment 0');
    expect(response.body).not.toContain('Meer uitleg');
  });

  it('withholds a group of 4, and the group whose difference from the whole would show them', async () => {
    const body = await resultsOk(s, '?by=department');
    const usefulness = question(body, 'usefulness');
    expect(usefulness.groups).toEqual([
      {
        value: 'Legal',
        figures: { shown: false, reason: 'too_few', respondents: null, needed: 5 },
      },
      {
        value: 'Sales',
        figures: { shown: false, reason: 'overlap', respondents: null, needed: 5 },
      },
    ]);
    // The whole programme is still shown.
    expect(usefulness.figures?.shown).toBe(true);
    expect(body.outcomes.groups.map((g) => g.figures.shown)).toEqual([false, false]);
  });

  it('shows groups of 5 and 5 with their own hand-computed figures', async () => {
    const body = await resultsOk(s, '?by=location');
    const usefulness = question(body, 'usefulness');
    const [delft, utrecht] = usefulness.groups;
    expect(delft!.value).toBe('Delft');
    expect(utrecht!.value).toBe('Utrecht');
    const d = shownFigures(delft!.figures);
    const u = shownFigures(utrecht!.figures);
    expect(counts(d.distribution)).toEqual({ 1: 1, 2: 2, 3: 1, 4: 1, 5: 0 });
    expect(d.mean).toBe(2.4);
    expect(counts(u.distribution)).toEqual({ 1: 0, 2: 0, 3: 2, 4: 2, 5: 2 });
    expect(u).toMatchObject({ respondents: 5, answers: 6, mean: 4 });
    const [od, ou] = body.outcomes.groups;
    // Delft: A6, B1–B4 learned 1+1 of 5; Utrecht: A1–A5 all.
    expect(shownFigures(od!.figures).learnedSkills).toEqual({ count: 2, of: 5, percent: 40 });
    expect(shownFigures(ou!.figures).learnedSkills).toEqual({ count: 5, of: 5, percent: 100 });
  });

  it('refuses a sensitive dimension where the organisation does not allow them, and a bad period', async () => {
    expect((await results(s, '?by=gender')).statusCode).toBe(400);
    expect((await results(s, '?period=2026-Q5')).statusCode).toBe(400);
    expect((await results(s, '?by=shoeSize')).statusCode).toBe(400);
  });

  it('is answered by outcomeFigures in the same shape', async () => {
    const figures = await outcomeFigures(ctx.db, {
      organisationId: s.organisationId,
      programmeId: s.programmeId,
      period: 'all',
      by: 'location',
    });
    const body = await resultsOk(s, '?by=location');
    expect(figures).toEqual(body.outcomes);
  });
});

describe('thresholds', () => {
  it('says nothing but the reason below 5 respondents, and shows the figures at the 5th', async () => {
    const s = await setup();
    for (let i = 0; i < 4; i++) {
      const r = await addRespondent(s, { department: 'Sales' });
      await answerCheckIn(s, r, { met: true, usefulness: 4, gains: ['insight'] });
      await answerSurvey(s, r, { learnedSkills: true, recommend: 9, careerSteps: [] });
    }
    const response = await results(s, '?by=department');
    const below = response.json<ResultsResponse>();
    expect(below.checkIns.respondents).toBe(4);
    expect(below.checkIns.total).toEqual({
      shown: false,
      reason: 'too_few',
      respondents: 4,
      needed: 5,
    });
    for (const q of below.checkIns.questions.filter((q) => q.kind !== 'programme')) {
      expect(q.figures).toEqual({ shown: false, reason: 'too_few', respondents: 4, needed: 5 });
      expect(q.groups.every((g) => !g.figures.shown)).toBe(true);
    }
    expect(below.outcomes.total).toEqual({
      shown: false,
      reason: 'too_few',
      respondents: 4,
      needed: 5,
    });
    expect(below.outcomes.topSkills.shown).toBe(false);
    expect(response.body).not.toContain('distribution');
    expect(response.body).not.toContain('insight');

    const fifth = await addRespondent(s, { department: 'Sales' });
    await answerCheckIn(s, fifth, { met: false, usefulness: 2, gains: [] });
    await answerSurvey(s, fifth, { learnedSkills: false, recommend: 3, careerSteps: [] });
    const at = await resultsOk(s, '?by=department');
    expect(at.checkIns.total).toEqual({ shown: true });
    const usefulness = shownFigures(question(at, 'usefulness').figures);
    expect(counts(usefulness.distribution)).toEqual({ 1: 0, 2: 1, 3: 0, 4: 4, 5: 0 });
    // One department holding everyone: its figures are the whole programme's, nothing new.
    expect(question(at, 'usefulness').groups[0]!.figures.shown).toBe(true);
    const outcome = shownFigures(at.outcomes.total);
    expect(outcome.learnedSkills.percent).toBe(80);
    expect(outcome.recommend.nps).toBe(60); // 4 promoters, 1 detractor of 5
  });

  it('decides every dimension together: switching the split cannot combine two views', async () => {
    // Departments A and B (10 each) and locations Utrecht and Delft (10 each) cross as 7/3/3/7.
    // Alone, each split would be safe; shown both, A minus Utrecht would be the 3 of A in Delft
    // minus the 3 of B in Utrecht. Departments come first, so locations are withheld.
    const s = await setup();
    for (const [department, location, n] of [
      ['A', 'Utrecht', 7],
      ['A', 'Delft', 3],
      ['B', 'Utrecht', 3],
      ['B', 'Delft', 7],
    ] as const) {
      for (let i = 0; i < n; i++) {
        const r = await addRespondent(s, { department, location });
        await answerCheckIn(s, r, { met: true, usefulness: 3 });
      }
    }
    const byDepartment = question(await resultsOk(s, '?by=department'), 'usefulness');
    expect(byDepartment.groups.map((g) => [g.value, g.figures.shown])).toEqual([
      ['A', true],
      ['B', true],
    ]);
    const byLocation = question(await resultsOk(s, '?by=location'), 'usefulness');
    expect(byLocation.groups.map((g) => g.figures)).toEqual([
      { shown: false, reason: 'overlap', respondents: null, needed: 5 },
      { shown: false, reason: 'overlap', respondents: null, needed: 5 },
    ]);
  });

  it("follows the organisation's raised threshold", async () => {
    const s = await setup({ feedbackMinGroup: 7, feedbackMinComments: 12 });
    for (let i = 0; i < 6; i++) {
      const r = await addRespondent(s);
      await answerCheckIn(s, r, { met: true, usefulness: 4 });
    }
    const body = await resultsOk(s);
    expect(body.minGroup).toBe(7);
    expect(body.checkIns.total).toEqual({
      shown: false,
      reason: 'too_few',
      respondents: 6,
      needed: 7,
    });
  });

  it('withholds a quarter whose answers outside it come from too few people', async () => {
    const s = await setup();
    const inQ3 = new Date('2026-08-01T10:00:00Z');
    const inQ2 = new Date('2026-05-01T10:00:00Z');
    for (let i = 0; i < 6; i++) {
      const r = await addRespondent(s, { department: i < 5 ? 'Sales' : 'Legal' });
      await answerCheckIn(s, r, { met: true, usefulness: 4 }, inQ3);
      // Two of Sales also answered in Q2: all-time minus Q3 would describe those two.
      if (i < 2) await answerCheckIn(s, r, { met: true, usefulness: 1 }, inQ2);
    }
    const all = await resultsOk(s);
    expect(all.checkIns.total).toEqual({ shown: true });
    const q3 = await resultsOk(s, '?period=2026-Q3');
    expect(q3.checkIns.respondents).toBe(6);
    expect(q3.checkIns.total).toEqual({
      shown: false,
      reason: 'other_periods',
      respondents: 6,
      needed: 5,
    });
    expect(question(q3, 'usefulness').figures?.shown).toBe(false);

    // Three more answer in Q2: five people outside Q3, so Q3 is shown.
    for (let i = 0; i < 3; i++) {
      const r = await addRespondent(s, { department: 'Sales' });
      await answerCheckIn(s, r, { met: true, usefulness: 2 }, inQ2);
    }
    const q3Now = await resultsOk(s, '?period=2026-Q3');
    const usefulness = shownFigures(question(q3Now, 'usefulness').figures);
    expect(counts(usefulness.distribution)).toEqual({ 1: 0, 2: 0, 3: 0, 4: 6, 5: 0 });
    const q2 = await resultsOk(s, '?period=2026-Q2');
    expect(shownFigures(question(q2, 'usefulness').figures).answers).toBe(5);
  });

  it('splits by a consented sensitive attribute where the organisation allows it', async () => {
    const s = await setup({ allowSensitiveAttributes: true });
    for (let i = 0; i < 10; i++) {
      const r = await addRespondent(s, { gender: i < 5 ? 'vrouw' : 'man' });
      await answerCheckIn(s, r, { met: true, usefulness: i < 5 ? 5 : 3 });
    }
    const body = await resultsOk(s, '?by=gender');
    expect(body.sensitiveAllowed).toBe(true);
    const groups = question(body, 'usefulness').groups;
    expect(groups.map((g) => [g.value, g.figures.shown && g.figures.mean])).toEqual([
      ['man', 3],
      ['vrouw', 5],
    ]);
  });
});

describe('questions', () => {
  it('lists the standard four for a programme that keeps the standard set, before anyone answers', async () => {
    const s = await setup({}, []);
    const body = await resultsOk(s);
    expect(body.checkIns.questions.map((q) => [q.id, q.kind])).toEqual([
      ['met', 'met'],
      ['usefulness', 'usefulness'],
      ['gains', 'gains'],
      ['programme', 'programme'],
    ]);
    expect(body.checkIns.total).toEqual({
      shown: false,
      reason: 'too_few',
      respondents: 0,
      needed: 5,
    });
  });

  it('still reports a question answered earlier and since removed from the set', async () => {
    const s = await setup();
    const own: CheckInQuestion = {
      id: 'energy',
      kind: 'scale',
      labelNl: 'Energie',
      labelEn: 'Energy',
    };
    for (let i = 0; i < 5; i++) {
      const r = await addRespondent(s);
      await ctx.db.insert(checkIn).values({
        organisationId: s.organisationId,
        programmeId: s.programmeId,
        relationshipId: r.relationshipId,
        personId: r.id,
        side: 'mentee',
        dueOn: '2026-03-01',
        questions: [...questions, own],
        answers: { met: true, usefulness: 3, energy: i + 1 },
        sentAt: new Date('2026-03-01T10:00:00Z'),
        answeredAt: new Date('2026-03-02T10:00:00Z'),
      });
    }
    const energy = question(await resultsOk(s), 'energy');
    expect(energy.labelEn).toBe('Energy');
    const figures = shownFigures(energy.figures);
    expect(counts(figures.distribution)).toEqual({ 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 });
    expect(figures.mean).toBe(3);
  });
});

describe('cost', () => {
  it('sends the same number of statements for 5 and for 25 respondents', async () => {
    const measure = async (n: number) => {
      const s = await setup();
      for (let i = 0; i < n; i++) {
        const r = await addRespondent(s, {
          department: i % 2 ? 'Sales' : 'Legal',
          jobLevel: i % 9,
        });
        await answerCheckIn(s, r, {
          met: true,
          usefulness: (i % 5) + 1,
          gains: ['insight'],
          programme: `t${i}`,
        });
        await answerSurvey(s, r, { learnedSkills: true, recommend: i % 11, otherGave: `g${i}` });
        await rate(s, r, 'coaching', 2, 4);
      }
      await resultsOk(s, '?by=location'); // the session, warm; by department not computed yet
      const before = ctx.database.stats.queries;
      await resultsOk(s, '?by=department');
      const computed = ctx.database.stats.queries - before;
      // Asked again with nothing changed: the kept answer, after one fingerprint statement.
      const again = ctx.database.stats.queries;
      await resultsOk(s, '?by=department');
      return { computed, cached: ctx.database.stats.queries - again };
    };
    const small = await measure(5);
    const large = await measure(25);
    expect(large.computed).toBe(small.computed);
    expect(small.computed).toBeLessThanOrEqual(12);
    expect(small.cached).toBe(1);
    expect(large.cached).toBe(1);
  });

  it('keeps an answer only until a row behind it changes, whoever changed it', async () => {
    const s = await setup();
    const people: Respondent[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await addRespondent(s, { department: 'Sales' });
      people.push(r);
      await answerCheckIn(s, r, { met: true, usefulness: 4 });
    }
    const first = shownFigures(question(await resultsOk(s), 'usefulness').figures);
    expect(first.mean).toBe(4);
    // A new answer, written straight into the database (as another process would).
    const sixth = await addRespondent(s, { department: 'Sales' });
    await answerCheckIn(s, sixth, { met: true, usefulness: 1 });
    const second = shownFigures(question(await resultsOk(s), 'usefulness').figures);
    expect(second.mean).toBe(3.5);
    // A person moving department changes the groups, with no answer changing.
    const before = question(await resultsOk(s, '?by=department'), 'usefulness').groups;
    expect(before.map((g) => g.value)).toEqual(['Sales']);
    await ctx.db.update(person).set({ department: 'Legal' }).where(eq(person.id, people[0]!.id));
    const after = question(await resultsOk(s, '?by=department'), 'usefulness').groups;
    expect(after.map((g) => g.value).sort()).toEqual(['Legal', 'Sales']);
  });
});

describe('access', () => {
  it('answers 404 to another organisation, 403 to a member, 200 to an org admin', async () => {
    const s = await setup();
    const other = await signedIn(ctx.app, 'org_admin');
    expect((await results(s, '', other.cookie)).statusCode).toBe(404);
    const member = await signedIn(ctx.app, 'member', s.organisationId);
    expect((await results(s, '', member.cookie)).statusCode).toBe(403);
    const admin = await signedIn(ctx.app, 'org_admin', s.organisationId);
    expect((await results(s, '', admin.cookie)).statusCode).toBe(200);
    expect(
      (await ctx.app.inject({ url: `/api/programmes/${s.programmeId}/results` })).statusCode,
    ).toBe(401);
  });
});
