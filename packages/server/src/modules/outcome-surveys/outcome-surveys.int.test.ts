import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  job,
  mailOutbox,
  notification,
  outcomeSurvey,
  programme,
  skillRating,
} from '../../db/schema.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { signedIn } from '../../test/factories.js';
import {
  caller,
  member,
  openRelationship,
  organisationWithProgramme,
  type Caller,
} from '../agreements/test-space.js';
import { runDueJobs } from '../jobs/runner.js';
import {
  RELATIONSHIP_SWEEP_JOB,
  ensureRelationshipSweep,
} from '../relationships/lifecycle-service.js';
import { OUTCOME_SURVEY_REMINDER_JOB, openOutcomeSurveys } from './service.js';

/**
 * The outcome survey, through HTTP: opened when a relationship ends, completes or a member leaves
 * a group — once per person — reminded once, answered once, and readable by its owner alone.
 */
let ctx: TestContext;
let call: ReturnType<typeof caller>;
let org: Awaited<ReturnType<typeof organisationWithProgramme>>;
let now = new Date('2027-03-01T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const SECRET_GAVE = 'Geheim-wat-de-ander-gaf-7319';
const SECRET_COMMENT = 'Geheim-commentaar-4420';

beforeAll(async () => {
  ctx = await createTestContext({}, { clock: () => now });
  call = caller(ctx.app);
  org = await organisationWithProgramme(ctx.app, 14);
}, 120_000);
afterAll(async () => ctx.close());

async function pair(groupSize = 1) {
  const mentor = await member(ctx.app, org.organisationId, { offers: ['public-speaking'] });
  const mentees: Caller[] = [];
  for (let i = 0; i < groupSize; i++) {
    mentees.push(await member(ctx.app, org.organisationId, { wants: ['public-speaking'] }));
  }
  const relationshipId = await openRelationship(ctx.app, {
    organisationId: org.organisationId,
    programmeId: org.programmeId,
    mentorId: mentor.id,
    menteeIds: mentees.map((m) => m.id),
  });
  return { mentor, mentees, mentee: mentees[0]!, relationshipId };
}

async function surveysOf(relationshipId: string) {
  return ctx.db
    .select()
    .from(outcomeSurvey)
    .where(eq(outcomeSurvey.relationshipId, relationshipId));
}

async function notificationsOf(personId: string, kind: string) {
  return ctx.db
    .select()
    .from(notification)
    .where(and(eq(notification.personId, personId), eq(notification.kind, kind)));
}

async function end(who: Caller, relationshipId: string) {
  return call('POST', `/api/relationships/${relationshipId}/end`, who, { reason: null });
}

async function mySurvey(who: Caller, relationshipId: string) {
  const list = await call('GET', '/api/outcome-surveys', who);
  expect(list.statusCode, list.body).toBe(200);
  const found = list
    .json()
    .items.find((s: { relationshipId: string }) => s.relationshipId === relationshipId);
  return found as { id: string; closing: string; side: string; answeredAt: string | null };
}

const answers = (overrides: Record<string, unknown> = {}) => ({
  learnedSkills: true,
  skillsLearned: ['public-speaking', 'budgeting'],
  endRatings: [{ skill: 'public-speaking', rating: 4 }],
  careerSteps: ['promotion', 'network'],
  inspired: true,
  recommend: 9,
  otherGave: SECRET_GAVE,
  comment: SECRET_COMMENT,
  ...overrides,
});

describe('opening', () => {
  it('opens one survey for each side when one of them ends early, and tells them in the app and by mail', async () => {
    const { mentor, mentee, relationshipId } = await pair();
    const ended = await end(mentee, relationshipId);
    expect(ended.statusCode, ended.body).toBe(200);
    const rows = await surveysOf(relationshipId);
    expect(rows.map((r) => [r.personId, r.side, r.closing]).sort()).toEqual(
      [
        [mentor.id, 'mentor', 'ended'],
        [mentee.id, 'mentee', 'ended'],
      ].sort(),
    );
    for (const who of [mentor, mentee]) {
      const survey = rows.find((r) => r.personId === who.id)!;
      const [told] = await notificationsOf(who.id, 'outcome_survey');
      expect(told?.payload.link).toBe(`/feedback/surveys/${survey.id}`);
      const mails = await ctx.db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.toAddress, who.email));
      const mail = mails.find((m) => m.text.includes(`/feedback/surveys/${survey.id}`));
      expect(mail, who.email).toBeDefined();
      expect(mail!.text).toMatch(/5 (people|mensen)/);
    }
    // Ending again opens nothing new (the relationship is closed: 422).
    expect((await end(mentor, relationshipId)).statusCode).toBe(422);
    expect(await surveysOf(relationshipId)).toHaveLength(2);
  });

  it('opens each survey once when both sides end at the same moment', async () => {
    const { mentor, mentee, relationshipId } = await pair();
    const results = await Promise.all([end(mentor, relationshipId), end(mentee, relationshipId)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422]);
    expect(await surveysOf(relationshipId)).toHaveLength(2);
    expect(await notificationsOf(mentee.id, 'outcome_survey')).toHaveLength(1);
    // Opening again (a retried sweep, a second process): nothing inserted, nobody told twice.
    const row = (await ctx.db.query.relationship.findFirst({
      where: (r, { eq: is }) => is(r.id, relationshipId),
    }))!;
    const again = await ctx.db.transaction((tx) =>
      openOutcomeSurveys(
        tx,
        { mailer: ctx.app.mailer, baseUrl: ctx.config.baseUrl, now: () => now },
        row,
        { closing: 'ended' },
      ),
    );
    expect(again).toEqual([]);
    expect(await surveysOf(relationshipId)).toHaveLength(2);
    expect(await notificationsOf(mentor.id, 'outcome_survey')).toHaveLength(1);
    const reminders = await ctx.db
      .select()
      .from(job)
      .where(eq(job.kind, OUTCOME_SURVEY_REMINDER_JOB));
    const ids = (await surveysOf(relationshipId)).map((s) => s.id);
    expect(reminders.filter((j) => ids.includes(j.payload.surveyId ?? ''))).toHaveLength(2);
  });

  it('asks only the member who leaves a group; the others when the group ends', async () => {
    const { mentor, mentees, relationshipId } = await pair(2);
    const [leaver, stayer] = mentees as [Caller, Caller];
    const left = await end(leaver, relationshipId);
    expect(left.statusCode, left.body).toBe(200);
    let rows = await surveysOf(relationshipId);
    expect(rows.map((r) => [r.personId, r.closing])).toEqual([[leaver.id, 'left']]);
    expect(await notificationsOf(stayer.id, 'outcome_survey')).toHaveLength(0);
    expect(await notificationsOf(mentor.id, 'outcome_survey')).toHaveLength(0);

    const ended = await end(mentor, relationshipId);
    expect(ended.statusCode, ended.body).toBe(200);
    rows = await surveysOf(relationshipId);
    expect(rows.map((r) => [r.personId, r.closing]).sort()).toEqual(
      [
        [leaver.id, 'left'],
        [mentor.id, 'ended'],
        [stayer.id, 'ended'],
      ].sort(),
    );
    expect(await notificationsOf(leaver.id, 'outcome_survey')).toHaveLength(1);
  });

  it('opens the surveys when the daily sweep completes a relationship at the programme’s end', async () => {
    const { mentor, mentee, relationshipId } = await pair();
    await ctx.db
      .update(programme)
      .set({ endsOn: '2027-05-31' })
      .where(eq(programme.id, org.programmeId));
    try {
      await ensureRelationshipSweep(ctx.db, now);
      now = new Date('2027-05-31T12:00:00Z');
      await runDueJobs(ctx.db, ctx.app.jobHandlers, now, undefined, {
        kinds: [RELATIONSHIP_SWEEP_JOB],
      });
      expect(await surveysOf(relationshipId)).toHaveLength(0);
      now = new Date('2027-06-01T12:00:00Z');
      await runDueJobs(ctx.db, ctx.app.jobHandlers, now, undefined, {
        kinds: [RELATIONSHIP_SWEEP_JOB],
      });
      const rows = await surveysOf(relationshipId);
      expect(rows.map((r) => [r.personId, r.closing]).sort()).toEqual(
        [
          [mentor.id, 'completed'],
          [mentee.id, 'completed'],
        ].sort(),
      );
      expect(rows[0]!.sentAt.toISOString()).toBe(now.toISOString());
      expect(await notificationsOf(mentee.id, 'outcome_survey')).toHaveLength(1);
    } finally {
      await ctx.db.update(programme).set({ endsOn: null }).where(eq(programme.id, org.programmeId));
    }
  });
});

describe('reminder', () => {
  it('reminds once, seven days after, only while unanswered', async () => {
    const { mentor, mentee, relationshipId } = await pair();
    const start = now;
    expect((await end(mentor, relationshipId)).statusCode).toBe(200);
    const onlyReminders = { kinds: [OUTCOME_SURVEY_REMINDER_JOB] };
    // The mentor answers within the week; the mentee does not.
    const mentorSurvey = await mySurvey(mentor, relationshipId);
    const answered = await call(
      'POST',
      `/api/outcome-surveys/${mentorSurvey.id}/answers`,
      mentor,
      answers({ skillsLearned: [], learnedSkills: false, endRatings: [] }),
    );
    expect(answered.statusCode, answered.body).toBe(200);

    now = new Date(start.getTime() + 6 * DAY);
    await runDueJobs(ctx.db, ctx.app.jobHandlers, now, undefined, onlyReminders);
    expect(await notificationsOf(mentee.id, 'outcome_survey_reminder')).toHaveLength(0);

    now = new Date(start.getTime() + 7 * DAY + 1000);
    await runDueJobs(ctx.db, ctx.app.jobHandlers, now, undefined, onlyReminders);
    const reminded = await notificationsOf(mentee.id, 'outcome_survey_reminder');
    expect(reminded).toHaveLength(1);
    expect(await notificationsOf(mentor.id, 'outcome_survey_reminder')).toHaveLength(0);

    // A second run, and even the handler run again by hand: still one reminder.
    now = new Date(start.getTime() + 9 * DAY);
    await runDueJobs(ctx.db, ctx.app.jobHandlers, now, undefined, onlyReminders);
    const menteeSurvey = await mySurvey(mentee, relationshipId);
    const handler = ctx.app.jobHandlers[OUTCOME_SURVEY_REMINDER_JOB]!;
    const run = typeof handler === 'function' ? handler : handler.run;
    await run(ctx.db, { surveyId: menteeSurvey.id }, now, { attempt: 1, isLastAttempt: false });
    expect(await notificationsOf(mentee.id, 'outcome_survey_reminder')).toHaveLength(1);
    const [row] = await ctx.db
      .select()
      .from(outcomeSurvey)
      .where(eq(outcomeSurvey.id, menteeSurvey.id));
    expect(row!.remindedAt?.toISOString()).toBe(
      new Date(start.getTime() + 7 * DAY + 1000).toISOString(),
    );
  });
});

describe('answering and reading back', () => {
  let mentor: Caller;
  let mentee: Caller;
  let relationshipId: string;
  let surveyId: string;

  beforeAll(async () => {
    ({ mentor, mentee, relationshipId } = await pair());
    const proposed = await call('PUT', `/api/relationships/${relationshipId}/agreement`, mentor, {
      goals: 'Beter presenteren',
      cadenceDays: 21,
      meetingMode: 'online',
      meetingNotes: '',
      confidentiality: 'Wat we bespreken blijft tussen ons.',
      hopes: {},
      skills: [
        { skill: 'public-speaking', learnerId: mentee.id },
        { skill: 'social-media', learnerId: mentor.id },
      ],
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    const rated = await call('PUT', `/api/relationships/${relationshipId}/ratings`, mentee, {
      skill: 'public-speaking',
      phase: 'start',
      rating: 2,
    });
    expect(rated.statusCode, rated.body).toBe(200);
    // An end rating given earlier on the relationship page: the survey's replaces it.
    await call('PUT', `/api/relationships/${relationshipId}/ratings`, mentee, {
      skill: 'public-speaking',
      phase: 'end',
      rating: 3,
    });
    expect((await end(mentee, relationshipId)).statusCode).toBe(200);
    surveyId = (await mySurvey(mentee, relationshipId)).id;
  });

  it('shows the survey with the agreement skills the caller learns and their start rating', async () => {
    const got = await call('GET', `/api/outcome-surveys/${surveyId}`, mentee);
    expect(got.statusCode, got.body).toBe(200);
    const survey = got.json();
    expect(survey).toMatchObject({
      id: surveyId,
      relationshipId,
      side: 'mentee',
      closing: 'ended',
      answeredAt: null,
      answers: null,
      programme: { id: org.programmeId },
    });
    expect(survey.with.map((w: { id: string }) => w.id)).toEqual([mentor.id]);
    expect(survey.mySkills).toEqual([
      { skill: 'public-speaking', label: 'Public speaking', startRating: 2, endRating: null },
    ]);
    expect(survey.agreementSkills.map((s: { skill: string }) => s.skill).sort()).toEqual([
      'public-speaking',
      'social-media',
    ]);
    // Open surveys are in the home page's attention.
    const attention = (await call('GET', '/api/attention', mentee)).json();
    expect(attention.counts.outcomeSurveysToAnswer).toBeGreaterThanOrEqual(1);
    expect(attention.outcomeSurveys.map((s: { id: string }) => s.id)).toContain(surveyId);
  });

  it('names the field of bad answers', async () => {
    const url = `/api/outcome-surveys/${surveyId}/answers`;
    const cases: [Record<string, unknown>, string][] = [
      [answers({ recommend: 11 }), 'body.recommend'],
      [answers({ recommend: 7.5 }), 'body.recommend'],
      [answers({ careerSteps: ['astronaut'] }), 'body.careerSteps.0'],
      [answers({ otherGave: 'x'.repeat(2001) }), 'body.otherGave'],
      [answers({ comment: 'x'.repeat(4001) }), 'body.comment'],
      [answers({ inspired: undefined }), 'body.inspired'],
      [answers({ skillsLearned: ['no-such-skill'] }), 'body.skillsLearned.0'],
      [answers({ learnedSkills: false }), 'body.skillsLearned'],
      [answers({ endRatings: [{ skill: 'social-media', rating: 3 }] }), 'body.endRatings.0.skill'],
      [
        answers({ endRatings: [{ skill: 'public-speaking', rating: 6 }] }),
        'body.endRatings.0.rating',
      ],
    ];
    for (const [body, field] of cases) {
      const response = await call('POST', url, mentee, body);
      expect(response.statusCode, `${field}: ${response.body}`).toBe(400);
      const fields = (response.json().error.details as { field: string }[]).map((d) => d.field);
      expect(fields, response.body).toContain(field);
    }
    expect((await call('GET', `/api/outcome-surveys/${surveyId}`, mentee)).json().answers).toBe(
      null,
    );
  });

  it('stores the answers once, with the end ratings, and reads them back to their owner', async () => {
    const url = `/api/outcome-surveys/${surveyId}/answers`;
    const sent = await call('POST', url, mentee, answers());
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({
      answeredAt: now.toISOString(),
      mySkills: [{ skill: 'public-speaking', startRating: 2, endRating: 4 }],
      answers: {
        learnedSkills: true,
        skillsLearned: [
          { skill: 'public-speaking', label: 'Public speaking' },
          { skill: 'budgeting', label: 'Budgeting' },
        ],
        careerSteps: ['promotion', 'network'],
        inspired: true,
        recommend: 9,
        otherGave: SECRET_GAVE,
        comment: SECRET_COMMENT,
      },
    });
    const ratings = await ctx.db
      .select()
      .from(skillRating)
      .where(and(eq(skillRating.relationshipId, relationshipId), eq(skillRating.phase, 'end')));
    expect(ratings.map((r) => [r.personId, r.skill, r.rating])).toEqual([
      [mentee.id, 'public-speaking', 4],
    ]);
    const again = await call('POST', url, mentee, answers({ recommend: 1 }));
    expect(again.statusCode, again.body).toBe(422);
    expect(
      (await call('GET', `/api/outcome-surveys/${surveyId}`, mentee)).json().answers.recommend,
    ).toBe(9);
    // Answered: no longer waiting on the home page, still listed to read back.
    const attention = (await call('GET', '/api/attention', mentee)).json();
    expect(attention.outcomeSurveys.map((s: { id: string }) => s.id)).not.toContain(surveyId);
    const listed = await mySurvey(mentee, relationshipId);
    expect(listed.answeredAt).toBe(now.toISOString());
  });

  it('is nobody else’s: the other side, managers, admins and another organisation get 404', async () => {
    const otherOrg = await signedIn(ctx.app, 'org_admin');
    const others: [string, { cookie: string }][] = [
      ['the other side', mentor],
      ['programme manager', org.manager],
      ['org admin', org.orgAdmin],
      ['sponsor', org.sponsor],
      ['colleague', org.outsider],
      ['another organisation', otherOrg],
    ];
    for (const [who, cookie] of others) {
      const got = await call('GET', `/api/outcome-surveys/${surveyId}`, cookie);
      expect(got.statusCode, who).toBe(404);
      const post = await call(
        'POST',
        `/api/outcome-surveys/${surveyId}/answers`,
        cookie,
        answers(),
      );
      expect(post.statusCode, who).toBe(404);
      const list = await call('GET', '/api/outcome-surveys', cookie);
      expect(list.statusCode, who).toBe(200);
      expect(
        list.json().items.map((s: { id: string }) => s.id),
        who,
      ).not.toContain(surveyId);
      // No other route shows the answers either.
      const routes = [
        '/api/attention',
        '/api/notifications',
        `/api/relationships/${relationshipId}`,
        `/api/relationships/${relationshipId}/ratings`,
        `/api/relationships/${relationshipId}/messages`,
      ];
      for (const route of routes) {
        const body = (await call('GET', route, cookie)).body;
        expect(body, `${who} ${route}`).not.toContain(SECRET_GAVE);
        expect(body, `${who} ${route}`).not.toContain(SECRET_COMMENT);
      }
    }
  });
});
