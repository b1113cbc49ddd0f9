import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notification, relationship, relationshipMentee, skillRating } from '../../db/schema.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { createPlatformAdmin, signIn, signedIn } from '../../test/factories.js';
import {
  caller,
  member,
  openRelationship,
  organisationWithProgramme,
  type Caller,
  type Method,
} from './test-space.js';

/**
 * The agreement both sides confirm, the learners' self-ratings and the goals, through HTTP: who
 * may do what, when an agreement holds, and that nobody outside the relationship gets in.
 */
let ctx: TestContext;
let call: ReturnType<typeof caller>;
let org: Awaited<ReturnType<typeof organisationWithProgramme>>;
let mentor: Caller;
let mentee: Caller;
let relationshipId: string;

const base = (id: string) => `/api/relationships/${id}`;

const proposal = (overrides: Record<string, unknown> = {}) => ({
  goals: 'Beter presenteren voor een zaal',
  cadenceDays: 21,
  meetingMode: 'online',
  meetingNotes: 'Teams, dinsdagochtend',
  confidentiality: 'Wat we bespreken blijft tussen ons.',
  hopes: {
    [mentee.id]: { learn: 'Rustig blijven', give: 'Hoe jongere collega’s werken' },
    [mentor.id]: { learn: 'Social media', give: 'Twintig jaar podiumervaring' },
  },
  skills: [
    { skill: 'public-speaking', learnerId: mentee.id },
    { skill: 'social-media', learnerId: mentor.id },
  ],
  ...overrides,
});

async function kindsFor(personId: string) {
  const rows = await ctx.db
    .select({ kind: notification.kind })
    .from(notification)
    .where(eq(notification.personId, personId));
  return rows.map((r) => r.kind);
}

beforeAll(async () => {
  ctx = await createTestContext();
  call = caller(ctx.app);
  org = await organisationWithProgramme(ctx.app, 14);
  mentor = await member(ctx.app, org.organisationId, {
    offers: ['public-speaking', 'budgeting'],
    wants: ['social-media'],
    meetingMode: 'online',
  });
  mentee = await member(ctx.app, org.organisationId, {
    wants: ['public-speaking', 'storytelling'],
    offers: ['social-media'],
    meetingMode: 'either',
  });
  relationshipId = await openRelationship(ctx.app, {
    organisationId: org.organisationId,
    programmeId: org.programmeId,
    mentorId: mentor.id,
    menteeIds: [mentee.id],
  });
}, 120_000);
afterAll(async () => ctx.close());

describe('agreement', () => {
  it('starts as a draft filled from the programme and the profiles, in the reader’s language', async () => {
    const en = await call('GET', `${base(relationshipId)}/agreement`, mentee);
    expect(en.statusCode, en.body).toBe(200);
    const draft = en.json();
    expect(draft.state).toBe('draft');
    expect(draft.agreement.version).toBe(0);
    expect(draft.agreement.cadenceDays).toBe(14);
    expect(draft.agreement.meetingMode).toBe('online');
    // What the mentee wants that the mentor offers, and (reverse) what the mentor wants that the
    // mentee offers; storytelling is wanted but not offered, budgeting offered but not wanted.
    expect(
      draft.agreement.skills.map((s: { skill: string; learnerId: string }) => [
        s.skill,
        s.learnerId,
      ]),
    ).toEqual([
      ['public-speaking', mentee.id],
      ['social-media', mentor.id],
    ]);
    expect(draft.agreement.skills[0].label).toBe('Public speaking');
    expect(draft.agreement.confidentiality).toMatch(/stays between us/);
    expect(draft.waitingFor.map((p: { id: string }) => p.id).sort()).toEqual(
      [mentor.id, mentee.id].sort(),
    );
    const nl = (
      await call('GET', `${base(relationshipId)}/agreement`, mentee, undefined, 'nl')
    ).json();
    expect(nl.agreement.confidentiality).toMatch(/blijft tussen ons/);
    expect(nl.agreement.skills[0].label).toBe('Presenteren');
  });

  it('holds only when both confirmed; the proposer confirms by proposing', async () => {
    const proposed = await call('PUT', `${base(relationshipId)}/agreement`, mentor, proposal());
    expect(proposed.statusCode, proposed.body).toBe(200);
    const state = proposed.json();
    expect(state.state).toBe('pending');
    expect(state.agreement.version).toBe(1);
    expect(state.isConfirmedByMe).toBe(true);
    expect(state.waitingFor.map((p: { id: string }) => p.id)).toEqual([mentee.id]);
    expect(
      state.agreement.hopes.find((h: { personId: string }) => h.personId === mentee.id),
    ).toMatchObject({
      learn: 'Rustig blijven',
    });
    expect(await kindsFor(mentee.id)).toContain('agreement_proposed');
    expect(await kindsFor(mentor.id)).not.toContain('agreement_proposed');

    const seen = (await call('GET', `${base(relationshipId)}/agreement`, mentee)).json();
    expect(seen.state).toBe('pending');
    expect(seen.isConfirmedByMe).toBe(false);

    const confirmed = await call('POST', `${base(relationshipId)}/agreement/confirm`, mentee, {
      version: 1,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().state).toBe('holds');
    expect(confirmed.json().holdsSince).not.toBeNull();
    expect(await kindsFor(mentee.id)).toContain('agreement_confirmed');
    expect(await kindsFor(mentor.id)).toContain('agreement_confirmed');
    // Confirming again changes nothing and tells nobody again.
    await call('POST', `${base(relationshipId)}/agreement/confirm`, mentee, { version: 1 });
    expect((await kindsFor(mentor.id)).filter((k) => k === 'agreement_confirmed')).toHaveLength(1);
  });

  it('a newer proposal resets: it waits for the others, the last version that held is kept, the old one can no longer be confirmed', async () => {
    const changed = await call(
      'PUT',
      `${base(relationshipId)}/agreement`,
      mentee,
      proposal({ cadenceDays: 30 }),
    );
    expect(changed.statusCode, changed.body).toBe(200);
    const state = changed.json();
    expect(state.state).toBe('pending');
    expect(state.agreement.version).toBe(2);
    expect(state.waitingFor.map((p: { id: string }) => p.id)).toEqual([mentor.id]);
    expect(state.lastHeld).toMatchObject({ version: 1, cadenceDays: 21 });

    const stale = await call('POST', `${base(relationshipId)}/agreement/confirm`, mentor, {
      version: 1,
    });
    expect(stale.statusCode).toBe(422);
    const missing = await call('POST', `${base(relationshipId)}/agreement/confirm`, mentor, {
      version: 9,
    });
    expect(missing.statusCode).toBe(404);
    const ok = await call('POST', `${base(relationshipId)}/agreement/confirm`, mentor, {
      version: 2,
    });
    expect(ok.json()).toMatchObject({ state: 'holds', lastHeld: null });
    expect(ok.json().agreement.cadenceDays).toBe(30);
  });

  it('validates the proposal and names the field', async () => {
    const url = `${base(relationshipId)}/agreement`;
    for (const cadenceDays of [6, 181, 10.5]) {
      const response = await call('PUT', url, mentor, proposal({ cadenceDays }));
      expect(response.statusCode, `cadence ${cadenceDays}`).toBe(400);
      expect(JSON.stringify(response.json().error.details)).toContain('cadenceDays');
    }
    const tooLong = await call('PUT', url, mentor, proposal({ goals: 'x'.repeat(4001) }));
    expect(tooLong.statusCode).toBe(400);

    const unknownSkill = await call(
      'PUT',
      url,
      mentor,
      proposal({ skills: [{ skill: 'no-such-skill', learnerId: mentee.id }] }),
    );
    expect(unknownSkill.statusCode).toBe(422);
    expect(unknownSkill.json().error.details[0].field).toBe('body.skills.0.skill');

    const strangerLearns = await call(
      'PUT',
      url,
      mentor,
      proposal({ skills: [{ skill: 'budgeting', learnerId: org.outsider.id }] }),
    );
    expect(strangerLearns.statusCode).toBe(422);
    expect(strangerLearns.json().error.details[0].field).toBe('body.skills.0.learnerId');

    const strangerHopes = await call(
      'PUT',
      url,
      mentor,
      proposal({ hopes: { [org.outsider.id]: { learn: 'x', give: 'y' } } }),
    );
    expect(strangerHopes.statusCode).toBe(422);
    expect(strangerHopes.json().error.details[0].field).toBe(`body.hopes.${org.outsider.id}`);

    const twice = await call(
      'PUT',
      url,
      mentor,
      proposal({
        skills: [
          { skill: 'budgeting', learnerId: mentee.id },
          { skill: 'budgeting', learnerId: mentee.id },
        ],
      }),
    );
    expect(twice.statusCode).toBe(422);
    // Nothing of the refused proposals was stored.
    expect((await call('GET', url, mentor)).json().agreement.version).toBe(2);
  });

  it('serialises proposals made at the same moment: each gets its own version', async () => {
    const id = await openRelationship(ctx.app, {
      organisationId: org.organisationId,
      programmeId: org.programmeId,
      mentorId: mentor.id,
      menteeIds: [(await member(ctx.app, org.organisationId)).id],
    });
    const answers = await Promise.all([
      call('PUT', `${base(id)}/agreement`, mentor, proposal({ hopes: {}, skills: [] })),
      call('PUT', `${base(id)}/agreement`, mentor, proposal({ hopes: {}, skills: [] })),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    const latest = (await call('GET', `${base(id)}/agreement`, mentor)).json();
    expect(latest.agreement.version).toBe(2);
  });

  it('in a group, holds only when the mentor and every member confirmed; a member who left no longer counts', async () => {
    const a = await member(ctx.app, org.organisationId);
    const b = await member(ctx.app, org.organisationId);
    const c = await member(ctx.app, org.organisationId);
    const id = await openRelationship(ctx.app, {
      organisationId: org.organisationId,
      programmeId: org.programmeId,
      mentorId: mentor.id,
      menteeIds: [a.id, b.id, c.id],
    });
    const body = proposal({ hopes: {}, skills: [{ skill: 'budgeting', learnerId: b.id }] });
    expect((await call('PUT', `${base(id)}/agreement`, a, body)).statusCode).toBe(200);
    const afterMentor = await call('POST', `${base(id)}/agreement/confirm`, mentor, { version: 1 });
    expect(afterMentor.json().state).toBe('pending');
    expect(
      afterMentor
        .json()
        .waitingFor.map((p: { id: string }) => p.id)
        .sort(),
    ).toEqual([b.id, c.id].sort());
    const afterB = await call('POST', `${base(id)}/agreement/confirm`, b, { version: 1 });
    expect(afterB.json().state).toBe('pending');
    expect(await kindsFor(a.id)).not.toContain('agreement_confirmed');
    // c leaves the group: the agreement now holds for those still in it.
    await ctx.db
      .update(relationshipMentee)
      .set({ leftAt: new Date() })
      .where(and(eq(relationshipMentee.relationshipId, id), eq(relationshipMentee.menteeId, c.id)));
    expect((await call('GET', `${base(id)}/agreement`, a)).json().state).toBe('holds');
    // Someone who left reads it but can no longer change it.
    expect((await call('GET', `${base(id)}/agreement`, c)).statusCode).toBe(200);
    expect((await call('PUT', `${base(id)}/agreement`, c, body)).statusCode).toBe(422);
    // A learner may only be someone still in it.
    const leftLearns = await call(
      'PUT',
      `${base(id)}/agreement`,
      a,
      proposal({ hopes: {}, skills: [{ skill: 'budgeting', learnerId: c.id }] }),
    );
    expect(leftLearns.statusCode).toBe(422);
  });
});

describe('self-ratings', () => {
  it('only the learner rates a skill, 1–5; the other side sees that it was rated, not the value', async () => {
    const url = `${base(relationshipId)}/ratings`;
    const rated = await call('PUT', url, mentee, {
      skill: 'public-speaking',
      phase: 'start',
      rating: 2,
    });
    expect(rated.statusCode, rated.body).toBe(200);
    const mine = rated.json().items.find((i: { skill: string }) => i.skill === 'public-speaking');
    expect(mine).toMatchObject({ isMine: true, start: 2, hasStart: true, hasEnd: false });

    const theirs = (await call('GET', url, mentor)).json();
    const seen = theirs.items.find((i: { skill: string }) => i.skill === 'public-speaking');
    expect(seen).toMatchObject({ isMine: false, start: null, hasStart: true });
    expect(JSON.stringify(theirs)).not.toContain('"start":2');

    const notLearner = await call('PUT', url, mentor, {
      skill: 'public-speaking',
      phase: 'start',
      rating: 3,
    });
    expect(notLearner.statusCode).toBe(403);
    const notAgreed = await call('PUT', url, mentee, {
      skill: 'budgeting',
      phase: 'start',
      rating: 3,
    });
    expect(notAgreed.statusCode).toBe(422);
    for (const rating of [0, 6, 2.5]) {
      const bad = await call('PUT', url, mentee, {
        skill: 'public-speaking',
        phase: 'start',
        rating,
      });
      expect(bad.statusCode, `rating ${rating}`).toBe(400);
      expect(JSON.stringify(bad.json().error.details)).toContain('rating');
    }
    // A second start rating replaces the first.
    await call('PUT', url, mentee, { skill: 'public-speaking', phase: 'start', rating: 3 });
    const rows = await ctx.db
      .select()
      .from(skillRating)
      .where(eq(skillRating.relationshipId, relationshipId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rating: 3, programmeId: org.programmeId, personId: mentee.id });
  });

  it('after the relationship ended: the end rating is asked, the start rating no longer', async () => {
    const learner = await member(ctx.app, org.organisationId, { wants: ['budgeting'] });
    const id = await openRelationship(ctx.app, {
      organisationId: org.organisationId,
      programmeId: org.programmeId,
      mentorId: mentor.id,
      menteeIds: [learner.id],
    });
    const draft = (await call('GET', `${base(id)}/agreement`, learner)).json();
    expect(draft.agreement.skills).toHaveLength(1);
    await call('PUT', `${base(id)}/agreement`, learner, {
      ...proposal({ hopes: {} }),
      skills: [{ skill: 'budgeting', learnerId: learner.id }],
    });
    await ctx.db
      .update(relationship)
      .set({ status: 'ended_early', endedAt: new Date() })
      .where(eq(relationship.id, id));
    const start = await call('PUT', `${base(id)}/ratings`, learner, {
      skill: 'budgeting',
      phase: 'start',
      rating: 2,
    });
    expect(start.statusCode).toBe(422);
    const end = await call('PUT', `${base(id)}/ratings`, learner, {
      skill: 'budgeting',
      phase: 'end',
      rating: 4,
    });
    expect(end.statusCode, end.body).toBe(200);
    expect(end.json()).toMatchObject({ canRateStart: false, canRateEnd: true });
    expect(end.json().items[0]).toMatchObject({ end: 4, hasEnd: true });
    // The ended relationship is read, not changed.
    expect((await call('GET', `${base(id)}/agreement`, learner)).json().canChange).toBe(false);
    expect(
      (await call('POST', `${base(id)}/agreement/confirm`, mentor, { version: 1 })).statusCode,
    ).toBe(422);
    expect((await call('POST', `${base(id)}/goals`, learner, { title: 'Later' })).statusCode).toBe(
      422,
    );
  });
});

describe('goals', () => {
  it('either side adds and updates goals with progress notes; only the creator deletes', async () => {
    const url = `${base(relationshipId)}/goals`;
    const added = await call('POST', url, mentee, { title: 'Een presentatie voor 50 mensen' });
    expect(added.statusCode, added.body).toBe(201);
    const goal = added.json();
    expect(goal).toMatchObject({ status: 'open', isMine: true, notes: [] });

    const moved = await call('PATCH', `${url}/${goal.id}`, mentor, { status: 'in_progress' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'in_progress', isMine: false });
    const badStatus = await call('PATCH', `${url}/${goal.id}`, mentor, { status: 'done' });
    expect(badStatus.statusCode).toBe(400);
    const emptyTitle = await call('POST', url, mentee, { title: '   ' });
    expect(emptyTitle.statusCode).toBe(400);

    const noted = await call('POST', `${url}/${goal.id}/notes`, mentor, {
      body: 'Eerste oefenronde ging goed',
    });
    expect(noted.statusCode, noted.body).toBe(201);
    const list = (await call('GET', url, mentee)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].notes[0]).toMatchObject({
      body: 'Eerste oefenronde ging goed',
      isMine: false,
      author: { id: mentor.id },
    });

    expect((await call('DELETE', `${url}/${goal.id}`, mentor)).statusCode).toBe(403);
    expect((await call('DELETE', `${url}/${goal.id}`, mentee)).statusCode).toBe(204);
    expect((await call('GET', url, mentee)).json().items).toHaveLength(0);
    expect((await call('PATCH', `${url}/${goal.id}`, mentee, { title: 'x' })).statusCode).toBe(404);
  });
});

describe('nobody outside the relationship gets in', () => {
  it('answers the programme manager, org admin, sponsor, another member, a platform admin and another organisation with 404 (or 403 without a membership) on every route', async () => {
    const goal = (
      await call('POST', `${base(relationshipId)}/goals`, mentor, { title: 'Geheim doel' })
    ).json();
    const routes: [Method, string, unknown][] = [
      ['GET', `${base(relationshipId)}/agreement`, undefined],
      ['PUT', `${base(relationshipId)}/agreement`, proposal()],
      ['POST', `${base(relationshipId)}/agreement/confirm`, { version: 2 }],
      ['GET', `${base(relationshipId)}/ratings`, undefined],
      [
        'PUT',
        `${base(relationshipId)}/ratings`,
        { skill: 'public-speaking', phase: 'end', rating: 5 },
      ],
      ['GET', `${base(relationshipId)}/goals`, undefined],
      ['POST', `${base(relationshipId)}/goals`, { title: 'x' }],
      ['PATCH', `${base(relationshipId)}/goals/${goal.id}`, { status: 'achieved' }],
      ['DELETE', `${base(relationshipId)}/goals/${goal.id}`, undefined],
      ['POST', `${base(relationshipId)}/goals/${goal.id}/notes`, { body: 'x' }],
    ];
    const other = await signedIn(ctx.app, 'org_admin');
    const otherMember = await signedIn(ctx.app, 'member', other.organisationId);
    const admin = await createPlatformAdmin(ctx.app);
    const platformAdmin = { cookie: await signIn(ctx.app, admin.email) };
    const outsiders: [string, { cookie: string }, number][] = [
      ['programme manager', org.manager, 404],
      ['org admin', org.orgAdmin, 404],
      ['sponsor', org.sponsor, 404],
      ['another member', org.outsider, 404],
      ['another organisation’s admin', other, 404],
      ['another organisation’s member', otherMember, 404],
      ['platform admin without a membership', platformAdmin, 403],
    ];
    const problems: string[] = [];
    for (const [method, url, payload] of routes) {
      for (const [who, cookie, expected] of outsiders) {
        const response = await call(method, url, cookie, payload);
        if (response.statusCode !== expected || response.body.includes('Geheim doel')) {
          problems.push(`${method} ${url} as ${who}: ${response.statusCode}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // And nothing changed.
    const still = (await call('GET', `${base(relationshipId)}/goals`, mentee)).json();
    expect(still.items.map((g: { status: string }) => g.status)).toEqual(['open']);
    expect(
      (await call('GET', `${base(relationshipId)}/agreement`, mentee)).json().agreement.version,
    ).toBe(2);
  });
});
