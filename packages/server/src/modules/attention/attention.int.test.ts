import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agreementConfirmation,
  introduction,
  meeting,
  mentoringRequest,
  relationshipAgreement,
  relationshipMentee,
  relationshipMessage,
  relationshipRead,
} from '../../db/schema.js';
import { createPerson, signedIn, signIn, type TestPerson } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/context.js';

/**
 * What needs a member's attention (GET /api/attention): each count and list item appears when
 * something waits for the member and disappears when they acted on it; someone else's items never
 * appear, another organisation sees nothing, and the number of statements does not grow.
 */
let ctx: TestContext;
let now = new Date('2027-03-01T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  ctx = await createTestContext({}, { clock: () => now });
});
afterAll(async () => ctx.close());

type Caller = TestPerson & { cookie: string };
const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: unknown) =>
  ctx.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

interface Attention {
  counts: {
    requestsToAnswer: number;
    introductionsToAnswer: number;
    unreadNotifications: number;
    unreadMessages: number;
  };
  requests: { id: string; from: { id: string; name: string }; programme: { id: string } }[];
  introductions: { id: string; other: { id: string }; myRole: string }[];
  meetings: { id: string; relationshipId: string; startsAt: string; with: { id: string }[] }[];
  agreements: { id: string; relationshipId: string; version: number; with: { id: string }[] }[];
}

async function attention(who: Caller): Promise<Attention> {
  const response = await call('GET', '/api/attention', who.cookie);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function member(organisationId: string, givenName: string): Promise<Caller> {
  const p = await createPerson(ctx.app, { organisationId, givenName });
  const cookie = await signIn(ctx.app, p.email);
  const saved = await call('PUT', '/api/me/profile', cookie, {
    offers: [{ skill: 'public-speaking', level: 4 }],
    wants: [{ skill: 'public-speaking', level: 2 }],
    hobbies: ['Zeilen'],
    experiences: [],
    values: [],
    tags: [],
    languages: ['nl', 'en'],
    availability: [[33, 36]],
    timeZone: 'Europe/Amsterdam',
    meetingMode: 'either',
    place: 'Utrecht',
    about: '',
  });
  expect(saved.statusCode, saved.body).toBe(200);
  return { ...p, cookie };
}

async function enrol(who: Caller, programme: string, role: 'mentee' | 'mentor', capacity = 3) {
  const response = await call('POST', `/api/programmes/${programme}/enrolment`, who.cookie, {
    role,
    ...(role === 'mentor' ? { capacity } : {}),
    answers: {},
  });
  expect(response.statusCode, response.body).toBe(201);
}

async function createProgramme(mode: 'participants_choose' | 'manager_proposes') {
  const created = await call('POST', '/api/programmes', manager.cookie, {
    name: mode === 'manager_proposes' ? 'Introducties' : 'Zelf kiezen',
    type: 'classic',
    matchingMode: mode,
    requestExpiryDays: 10,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  await call('POST', `/api/programmes/${id}/publish`, manager.cookie);
  return id;
}

let org: string;
let manager: Caller;
let programmeId: string;
let introProgrammeId: string;
let mentor: Caller;
let mentee: Caller;
let bystander: Caller;
let outsider: Caller;
let relationshipId: string;

beforeAll(async () => {
  manager = await signedIn(ctx.app, 'programme_manager');
  org = manager.organisationId;
  programmeId = await createProgramme('participants_choose');
  introProgrammeId = await createProgramme('manager_proposes');
  mentor = await member(org, 'Mentor');
  mentee = await member(org, 'Mentee');
  bystander = await member(org, 'Bystander');
  await enrol(mentor, programmeId, 'mentor');
  await enrol(mentee, programmeId, 'mentee');
  await enrol(bystander, programmeId, 'mentee');
  const other = await signedIn(ctx.app, 'member');
  outsider = { ...other };
});

describe('requests to answer', () => {
  it('appear for the person asked until they answer; never for the sender or anyone else', async () => {
    const before = await attention(mentor);
    expect(before.counts.requestsToAnswer).toBe(0);
    expect(before.requests).toEqual([]);
    const sent = await call('POST', `/api/programmes/${programmeId}/requests`, mentee.cookie, {
      toPersonId: mentor.id,
      message: 'Wil jij mijn mentor zijn?',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const requestId = sent.json().id;

    const asked = await attention(mentor);
    expect(asked.counts.requestsToAnswer).toBe(1);
    expect(asked.requests).toMatchObject([
      { id: requestId, from: { id: mentee.id }, programme: { id: programmeId } },
    ]);
    // The request's notification is unread.
    expect(asked.counts.unreadNotifications).toBeGreaterThanOrEqual(1);
    for (const who of [mentee, bystander, outsider]) {
      const theirs = await attention(who);
      expect(theirs.counts.requestsToAnswer).toBe(0);
      expect(JSON.stringify(theirs)).not.toContain(requestId);
    }

    // Reading the notifications clears their count.
    expect((await call('POST', '/api/notifications/read', mentor.cookie)).statusCode).toBe(204);
    expect((await attention(mentor)).counts.unreadNotifications).toBe(0);

    const accepted = await call('POST', `/api/requests/${requestId}/accept`, mentor.cookie);
    expect(accepted.statusCode, accepted.body).toBe(200);
    relationshipId = accepted.json().relationshipId;
    const answered = await attention(mentor);
    expect(answered.counts.requestsToAnswer).toBe(0);
    expect(answered.requests).toEqual([]);
    // Accepting told the mentee: one new unread notification for them at least.
    expect((await attention(mentee)).counts.unreadNotifications).toBeGreaterThanOrEqual(1);
  });

  it('no longer counts a request that expired without an answer', async () => {
    const asker = await member(org, 'Asker');
    await enrol(asker, programmeId, 'mentee');
    const sent = await call('POST', `/api/programmes/${programmeId}/requests`, asker.cookie, {
      toPersonId: mentor.id,
      message: 'Heb je nog een plek?',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect((await attention(mentor)).counts.requestsToAnswer).toBe(1);
    const start = now;
    try {
      now = new Date(start.getTime() + 11 * DAY);
      const later = await attention(mentor);
      expect(later.counts.requestsToAnswer).toBe(0);
      expect(later.requests).toEqual([]);
    } finally {
      now = start;
    }
    // Declining (acting on it) removes it too.
    const declined = await call('POST', `/api/requests/${sent.json().id}/decline`, mentor.cookie, {
      reason: null,
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect((await attention(mentor)).counts.requestsToAnswer).toBe(0);
  });
});

describe('introductions to answer', () => {
  it('wait for each side until that side answered', async () => {
    const introMentor = await member(org, 'Introduced mentor');
    const introMentee = await member(org, 'Introduced mentee');
    await enrol(introMentor, introProgrammeId, 'mentor');
    await enrol(introMentee, introProgrammeId, 'mentee');
    const [row] = await ctx.db
      .insert(introduction)
      .values({
        programmeId: introProgrammeId,
        organisationId: org,
        menteeId: introMentee.id,
        mentorId: introMentor.id,
        score: 10,
      })
      .returning();
    for (const [who, role, otherId] of [
      [introMentee, 'mentee', introMentor.id],
      [introMentor, 'mentor', introMentee.id],
    ] as const) {
      const seen = await attention(who);
      expect(seen.counts.introductionsToAnswer).toBe(1);
      expect(seen.introductions).toMatchObject([
        { id: row!.id, myRole: role, other: { id: otherId } },
      ]);
    }
    expect((await attention(bystander)).introductions).toEqual([]);
    expect((await attention(outsider)).counts.introductionsToAnswer).toBe(0);

    const answered = await call('POST', `/api/introductions/${row!.id}/accept`, introMentee.cookie);
    expect(answered.statusCode, answered.body).toBe(200);
    expect((await attention(introMentee)).counts.introductionsToAnswer).toBe(0);
    expect((await attention(introMentor)).counts.introductionsToAnswer).toBe(1);
    const declined = await call(
      'POST',
      `/api/introductions/${row!.id}/decline`,
      introMentor.cookie,
    );
    expect(declined.statusCode, declined.body).toBe(200);
    expect((await attention(introMentor)).introductions).toEqual([]);
  });
});

describe('unread messages', () => {
  it('counts messages by others after the last read, in relationships one has not left', async () => {
    expect(relationshipId).toBeTruthy();
    const at = (days: number) => new Date(now.getTime() + days * DAY);
    await ctx.db.insert(relationshipMessage).values([
      {
        relationshipId,
        organisationId: org,
        authorPersonId: mentee.id,
        body: 'Hoi!',
        createdAt: at(-2),
      },
      {
        relationshipId,
        organisationId: org,
        authorPersonId: mentee.id,
        body: 'Wanneer spreken we af?',
        createdAt: at(-1),
      },
      {
        relationshipId,
        organisationId: org,
        authorPersonId: mentor.id,
        body: 'Volgende week?',
        createdAt: at(-0.5),
      },
    ]);
    // Never read: both of the mentee's messages; one's own never count.
    expect((await attention(mentor)).counts.unreadMessages).toBe(2);
    expect((await attention(mentee)).counts.unreadMessages).toBe(1);
    expect((await attention(bystander)).counts.unreadMessages).toBe(0);
    expect((await attention(outsider)).counts.unreadMessages).toBe(0);
    // Read up to between the two: one left.
    await ctx.db
      .insert(relationshipRead)
      .values({ relationshipId, personId: mentor.id, lastReadAt: at(-1.5) });
    expect((await attention(mentor)).counts.unreadMessages).toBe(1);
    await ctx.db
      .update(relationshipRead)
      .set({ lastReadAt: at(0) })
      .where(eq(relationshipRead.personId, mentor.id));
    expect((await attention(mentor)).counts.unreadMessages).toBe(0);
  });
});

describe('next meetings and agreements to confirm', () => {
  it('lists the next planned meetings of one’s relationships, earliest first, at most 5', async () => {
    const at = (days: number) => new Date(now.getTime() + days * DAY);
    const base = {
      relationshipId,
      organisationId: org,
      durationMinutes: 45,
      timeZone: 'Europe/Amsterdam',
      place: 'Koffiebar',
      createdBy: mentor.id,
    };
    const rows = await ctx.db
      .insert(meeting)
      .values([
        { ...base, startsAt: at(-1) }, // past
        { ...base, startsAt: at(1), status: 'cancelled' as const },
        ...[6, 2, 5, 3, 4, 7].map((d) => ({ ...base, startsAt: at(d) })),
      ])
      .returning();
    for (const [who, other] of [
      [mentor, mentee],
      [mentee, mentor],
    ] as const) {
      const seen = await attention(who);
      expect(seen.meetings.map((m) => m.startsAt)).toEqual(
        [2, 3, 4, 5, 6].map((d) => at(d).toISOString()),
      );
      expect(seen.meetings[0]).toMatchObject({ relationshipId, with: [{ id: other.id }] });
    }
    expect((await attention(bystander)).meetings).toEqual([]);
    expect((await attention(outsider)).meetings).toEqual([]);
    // Cancelling the first makes room for the sixth.
    const first = rows.find((r) => r.startsAt.getTime() === at(2).getTime())!;
    await ctx.db.update(meeting).set({ status: 'cancelled' }).where(eq(meeting.id, first.id));
    expect((await attention(mentor)).meetings.map((m) => m.startsAt)).toEqual(
      [3, 4, 5, 6, 7].map((d) => at(d).toISOString()),
    );
  });

  it('lists the newest agreement version one has not confirmed, until one confirms it', async () => {
    const [v1] = await ctx.db
      .insert(relationshipAgreement)
      .values({
        relationshipId,
        organisationId: org,
        version: 1,
        goals: 'Presenteren',
        cadenceDays: 14,
        proposedBy: mentee.id,
      })
      .returning();
    await ctx.db.insert(agreementConfirmation).values({ agreementId: v1!.id, personId: mentee.id });
    expect((await attention(mentor)).agreements).toMatchObject([
      { id: v1!.id, relationshipId, version: 1, with: [{ id: mentee.id }] },
    ]);
    expect((await attention(mentee)).agreements).toEqual([]);
    expect((await attention(bystander)).agreements).toEqual([]);
    expect((await attention(outsider)).agreements).toEqual([]);
    await ctx.db.insert(agreementConfirmation).values({ agreementId: v1!.id, personId: mentor.id });
    expect((await attention(mentor)).agreements).toEqual([]);

    // A change (version 2, proposed and confirmed by the mentor) waits for the mentee.
    const [v2] = await ctx.db
      .insert(relationshipAgreement)
      .values({
        relationshipId,
        organisationId: org,
        version: 2,
        goals: 'Presenteren en feedback',
        cadenceDays: 7,
        proposedBy: mentor.id,
      })
      .returning();
    await ctx.db.insert(agreementConfirmation).values({ agreementId: v2!.id, personId: mentor.id });
    expect((await attention(mentee)).agreements.map((a) => a.id)).toEqual([v2!.id]);
    expect((await attention(mentor)).agreements).toEqual([]);
  });

  it('shows nothing of a relationship to a group member who left it', async () => {
    const before = await attention(mentee);
    expect(before.meetings.length).toBeGreaterThan(0);
    await ctx.db
      .update(relationshipMentee)
      .set({ leftAt: now })
      .where(eq(relationshipMentee.menteeId, mentee.id));
    try {
      const after = await attention(mentee);
      expect(after.meetings).toEqual([]);
      expect(after.agreements).toEqual([]);
      expect(after.counts.unreadMessages).toBe(0);
    } finally {
      await ctx.db
        .update(relationshipMentee)
        .set({ leftAt: null })
        .where(eq(relationshipMentee.menteeId, mentee.id));
    }
  });
});

describe('access', () => {
  it('needs a session', async () => {
    expect((await ctx.app.inject({ url: '/api/attention' })).statusCode).toBe(401);
  });

  it('sends the same number of statements for 1 item of each kind as for 12', async () => {
    // The fewest of three calls: a call that also resolves the session (the actor cache expired)
    // sends more, whatever the rows.
    const queries = async () => {
      let count = Infinity;
      let seen: Attention | null = null;
      for (let i = 0; i < 3; i++) {
        const before = ctx.database.stats.queries;
        seen = await attention(mentor);
        count = Math.min(count, ctx.database.stats.queries - before);
      }
      return { count, seen: seen! };
    };
    const small = await queries();
    // Many more requests, meetings and messages for the mentor.
    for (let i = 0; i < 11; i++) {
      const asker = await createPerson(ctx.app, { organisationId: org });
      await ctx.db.insert(relationshipMessage).values({
        relationshipId,
        organisationId: org,
        authorPersonId: mentee.id,
        body: `Bericht ${i}`,
        createdAt: new Date(now.getTime() + DAY),
      });
      await ctx.db.insert(meeting).values({
        relationshipId,
        organisationId: org,
        startsAt: new Date(now.getTime() + (10 + i) * DAY),
        durationMinutes: 30,
        timeZone: 'Europe/Amsterdam',
        createdBy: mentor.id,
      });
      await ctx.db.insert(mentoringRequest).values({
        programmeId,
        organisationId: org,
        fromPersonId: asker.id,
        toPersonId: mentor.id,
        menteeId: asker.id,
        mentorId: mentor.id,
        message: 'Mag ik je iets vragen?',
        expiresAt: new Date(now.getTime() + 5 * DAY),
      });
    }
    const large = await queries();
    expect(large.seen.counts.requestsToAnswer).toBe(11);
    expect(large.seen.requests).toHaveLength(10);
    expect(large.seen.meetings).toHaveLength(5);
    expect(large.count).toBe(small.count);
    // 11 for the lists above, one each for open check-ins and open outcome surveys.
    expect(small.count).toBeLessThanOrEqual(13);
  });
});
