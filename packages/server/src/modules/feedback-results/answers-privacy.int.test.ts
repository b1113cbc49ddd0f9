import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIn, outcomeSurvey } from '../../db/schema.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { createPlatformAdmin, signIn, signedIn } from '../../test/factories.js';
import { sampleValue } from '../../test/json-schema-arbitrary.js';
import { fillPath, listOperations, queryString } from '../../test/openapi-operations.js';
import {
  caller,
  member,
  openRelationship,
  organisationWithProgramme,
  type Caller,
} from '../agreements/test-space.js';
import { STANDARD_QUESTIONS } from '../checkins/questions.js';

/**
 * Issue 10, rule 2: answers belong to the person. Both sides answer a check-in and the outcome
 * survey with texts no one else may read; then every GET the API documents is called as the
 * other side, the programme manager, the org admin, the sponsor, another member, another
 * organisation's admin and a platform admin, and the audit, notification and mail tables are
 * searched. Only the person themselves reads their answers back. (The programme's figures hold
 * no text below the comment threshold; results.int.test.ts covers what they show above it.)
 */
let ctx: TestContext;
let call: ReturnType<typeof caller>;
let org: Awaited<ReturnType<typeof organisationWithProgramme>>;
let mentor: Caller;
let mentee: Caller;
let relationshipId: string;
const ids: Record<string, string> = {};

const secretOf = (who: string, what: string) => `Geheim-${what}-${who}-${Date.now()}`;
const secrets = {
  menteeCheckIn: secretOf('mentee', 'checkin'),
  mentorCheckIn: secretOf('mentor', 'checkin'),
  menteeGave: secretOf('mentee', 'gave'),
  menteeComment: secretOf('mentee', 'comment'),
  mentorGave: secretOf('mentor', 'gave'),
};

beforeAll(async () => {
  ctx = await createTestContext();
  call = caller(ctx.app);
  org = await organisationWithProgramme(ctx.app);
  mentor = await member(ctx.app, org.organisationId, { offers: ['budgeting'] });
  mentee = await member(ctx.app, org.organisationId, { wants: ['budgeting'] });
  relationshipId = await openRelationship(ctx.app, {
    organisationId: org.organisationId,
    programmeId: org.programmeId,
    mentorId: mentor.id,
    menteeIds: [mentee.id],
  });
  // A check-in and a survey for each side (as the sweep and an ending write them), answered by
  // their person through the API.
  for (const [who, side] of [
    [mentee, 'mentee'],
    [mentor, 'mentor'],
  ] as const) {
    const [c] = await ctx.db
      .insert(checkIn)
      .values({
        organisationId: org.organisationId,
        programmeId: org.programmeId,
        relationshipId,
        personId: who.id,
        side,
        dueOn: '2026-11-01',
        questions: [...STANDARD_QUESTIONS],
        sentAt: new Date(),
      })
      .returning({ id: checkIn.id });
    ids[`${side}CheckIn`] = c!.id;
    const [s] = await ctx.db
      .insert(outcomeSurvey)
      .values({
        organisationId: org.organisationId,
        programmeId: org.programmeId,
        relationshipId,
        personId: who.id,
        side,
        closing: 'ended',
        sentAt: new Date(),
      })
      .returning({ id: outcomeSurvey.id });
    ids[`${side}Survey`] = s!.id;
  }
  const answered = [
    await call('POST', `/api/check-ins/${ids.menteeCheckIn}/answers`, mentee, {
      answers: { met: true, usefulness: 2, gains: ['network'], programme: secrets.menteeCheckIn },
    }),
    await call('POST', `/api/check-ins/${ids.mentorCheckIn}/answers`, mentor, {
      answers: { met: true, usefulness: 4, gains: [], programme: secrets.mentorCheckIn },
    }),
    await call('POST', `/api/outcome-surveys/${ids.menteeSurvey}/answers`, mentee, {
      learnedSkills: true,
      skillsLearned: ['budgeting'],
      endRatings: [],
      careerSteps: ['project'],
      inspired: true,
      recommend: 3,
      otherGave: secrets.menteeGave,
      comment: secrets.menteeComment,
    }),
    await call('POST', `/api/outcome-surveys/${ids.mentorSurvey}/answers`, mentor, {
      learnedSkills: false,
      skillsLearned: [],
      endRatings: [],
      careerSteps: [],
      inspired: false,
      recommend: 8,
      otherGave: secrets.mentorGave,
      comment: '',
    }),
  ];
  for (const response of answered) expect(response.statusCode, response.body).toBeLessThan(300);
}, 120_000);
afterAll(async () => ctx.close());

describe('feedback answers belong to the person', () => {
  it('reads them back to their person, and to no one else through any route', async () => {
    const mine = await call('GET', `/api/check-ins/${ids.menteeCheckIn}`, mentee);
    expect(mine.body).toContain(secrets.menteeCheckIn);
    const myAnswers = await call('GET', `/api/outcome-surveys/${ids.menteeSurvey}`, mentee);
    expect(myAnswers.body).toContain(secrets.menteeGave);

    const other = await signedIn(ctx.app, 'org_admin');
    const admin = await createPlatformAdmin(ctx.app);
    const readers: [string, { id?: string; cookie: string }][] = [
      ['the mentee', mentee],
      ['the mentor', mentor],
      ['the programme manager', org.manager],
      ['the org admin', org.orgAdmin],
      ['the sponsor', org.sponsor],
      ['another member', org.outsider],
      ['another organisation’s admin', other],
      ['a platform admin', { cookie: await signIn(ctx.app, admin.email) }],
    ];
    const ownedBy: Record<string, string[]> = {
      [mentee.id]: [secrets.menteeCheckIn, secrets.menteeGave, secrets.menteeComment],
      [mentor.id]: [secrets.mentorCheckIn, secrets.mentorGave],
    };
    const idFor: Record<string, string | undefined> = {
      relationships: relationshipId,
      programmes: org.programmeId,
      people: mentee.id,
    };
    const operations = listOperations(ctx.app).filter((o) => o.method === 'GET');
    const leaks: string[] = [];
    let calls = 0;
    for (const operation of operations) {
      const segments = operation.path.split('/');
      for (const [who, reader] of readers) {
        // Check-ins and surveys by id: each reader tries both sides' records.
        const idSets: Record<string, string | undefined>[] = [
          {
            ...idFor,
            'check-ins': ids.menteeCheckIn,
            'outcome-surveys': ids.menteeSurvey,
          },
          {
            ...idFor,
            'check-ins': ids.mentorCheckIn,
            'outcome-surveys': ids.mentorSurvey,
          },
        ];
        for (const known of idSets) {
          const params: Record<string, string> = {};
          let fillable = true;
          for (const { name } of operation.pathParams) {
            const value = known[segments[segments.indexOf(`{${name}}`) - 1] ?? ''];
            if (value) params[name] = value;
            else fillable = false;
          }
          if (!fillable) continue;
          const query: Record<string, unknown> = {};
          for (const param of operation.queryParams) {
            if (param.required) query[param.name] = sampleValue(param.schema);
          }
          const url = fillPath(operation.path, params) + queryString(query);
          const response = await call('GET', url, reader);
          calls += 1;
          const own = reader.id ? (ownedBy[reader.id] ?? []) : [];
          for (const secret of Object.values(secrets)) {
            if (own.includes(secret)) continue;
            if (response.body.includes(secret)) {
              leaks.push(`${operation.key} as ${who} (${response.statusCode}): ${secret}`);
            }
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(readers.length * 10);
    expect(leaks).toEqual([]);

    // Nor in what is kept beside the answers: audit events, notifications, mail.
    for (const table of ['audit_event', 'notification', 'mail_outbox']) {
      for (const secret of Object.values(secrets)) {
        const rows = await ctx.db.execute(
          sql`select count(*)::int as n from ${sql.identifier(table)} t
              where t::text like ${`%${secret}%`}`,
        );
        const [row] = (rows as unknown as { rows: { n: number }[] }).rows ?? rows;
        expect(Number((row as { n: number }).n), `${table}: ${secret}`).toBe(0);
      }
    }
  });
});
