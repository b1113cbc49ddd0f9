import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvent,
  introduction,
  mentoringRequest,
  notification,
  relationship,
} from '../../db/schema.js';
import { createPerson, signedIn, signIn, type TestPerson } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/context.js';

/**
 * Closing a programme asks first with numbers (the close preview), closes what was still open in
 * one go and tells those people; a closed programme reopens while its end date has not passed.
 */
let ctx: TestContext;
const now = new Date('2027-03-01T09:00:00Z');

beforeAll(async () => {
  ctx = await createTestContext({}, { clock: () => now });
});
afterAll(async () => ctx.close());

type Caller = TestPerson & { cookie: string };
const call = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  cookie: string,
  payload?: unknown,
) =>
  ctx.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

async function participant(
  organisationId: string,
  programmeId: string,
  role: 'mentee' | 'mentor',
): Promise<Caller> {
  const p = await createPerson(ctx.app, { organisationId });
  const cookie = await signIn(ctx.app, p.email);
  const profile = await call('PUT', '/api/me/profile', cookie, {
    offers: role === 'mentor' ? [{ skill: 'public-speaking', level: 4 }] : [],
    wants: role === 'mentee' ? [{ skill: 'public-speaking', level: 3 }] : [],
    hobbies: ['Zeilen'],
    experiences: [],
    values: [],
    tags: [],
    languages: ['nl', 'en'],
    availability: [],
    timeZone: 'Europe/Amsterdam',
    meetingMode: 'either',
    place: null,
    about: '',
  });
  expect(profile.statusCode, profile.body).toBe(200);
  const enrolled = await call('POST', `/api/programmes/${programmeId}/enrolment`, cookie, {
    role,
    ...(role === 'mentor' ? { capacity: 2 } : {}),
    answers: {},
  });
  expect(enrolled.statusCode, enrolled.body).toBe(201);
  return { ...p, cookie };
}

async function publishedProgramme(manager: Caller, extra: Record<string, unknown> = {}) {
  const created = await call('POST', '/api/programmes', manager.cookie, {
    name: 'Presenteren 2027',
    type: 'classic',
    ...extra,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id: string = created.json().id;
  expect((await call('POST', `/api/programmes/${id}/publish`, manager.cookie)).statusCode).toBe(
    200,
  );
  return id;
}

async function sendRequest(from: Caller, to: Caller, programmeId: string): Promise<string> {
  const sent = await call('POST', `/api/programmes/${programmeId}/requests`, from.cookie, {
    toPersonId: to.id,
    message: 'Wil jij mijn mentor zijn?',
  });
  expect(sent.statusCode, sent.body).toBe(201);
  return sent.json().id;
}

const notificationsOf = async (personId: string, kind: string) =>
  ctx.db
    .select()
    .from(notification)
    .where(and(eq(notification.personId, personId), eq(notification.kind, kind)));

describe('closing a programme', () => {
  let manager: Caller;
  let programmeId: string;
  let mentees: Caller[];
  let mentors: Caller[];
  let pendingIds: string[];
  let acceptedId: string;
  let introductionId: string;

  beforeAll(async () => {
    manager = await signedIn(ctx.app, 'programme_manager');
    const org = manager.organisationId;
    programmeId = await publishedProgramme(manager);
    mentors = [];
    for (let i = 0; i < 3; i++) mentors.push(await participant(org, programmeId, 'mentor'));
    mentees = [];
    for (let i = 0; i < 4; i++) mentees.push(await participant(org, programmeId, 'mentee'));
    // One relationship, two pending requests, one introduction half answered, one bystander.
    acceptedId = await sendRequest(mentees[0]!, mentors[0]!, programmeId);
    expect(
      (await call('POST', `/api/requests/${acceptedId}/accept`, mentors[0]!.cookie)).statusCode,
    ).toBe(200);
    pendingIds = [
      await sendRequest(mentees[1]!, mentors[0]!, programmeId),
      await sendRequest(mentees[2]!, mentors[1]!, programmeId),
    ];
    const [row] = await ctx.db
      .insert(introduction)
      .values({
        programmeId,
        organisationId: org,
        menteeId: mentees[2]!.id,
        mentorId: mentors[2]!.id,
        score: 500,
        menteeResponse: 'accepted',
      })
      .returning();
    introductionId = row!.id;
  });

  it('says first what closing will do, in numbers', async () => {
    const preview = await call(
      'GET',
      `/api/programmes/${programmeId}/close-preview`,
      manager.cookie,
    );
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toEqual({
      enrolled: 7,
      pendingRequests: 2,
      openIntroductions: 1,
      activeRelationships: 1,
      // mentee 1, mentor 0, mentee 2, mentor 1, mentor 2 — mentee 2 once.
      peopleToNotify: 5,
    });
  });

  it('lets only its managers see the preview, close or reopen (403 for members, 404 elsewhere)', async () => {
    const member = await signedIn(ctx.app, 'member', manager.organisationId);
    const sponsor = await signedIn(ctx.app, 'sponsor', manager.organisationId);
    const stranger = await signedIn(ctx.app, 'programme_manager');
    for (const caller of [member, sponsor, mentees[0]!]) {
      for (const [method, path] of [
        ['GET', 'close-preview'],
        ['POST', 'close'],
        ['POST', 'reopen'],
      ] as const) {
        const response = await call(
          method,
          `/api/programmes/${programmeId}/${path}`,
          caller.cookie,
        );
        expect(response.statusCode, `${path}: ${response.body}`).toBe(403);
        expect(response.json().error.code).toBe('forbidden');
      }
    }
    for (const [method, path] of [
      ['GET', 'close-preview'],
      ['POST', 'close'],
      ['POST', 'reopen'],
    ] as const) {
      const response = await call(
        method,
        `/api/programmes/${programmeId}/${path}`,
        stranger.cookie,
      );
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('Presenteren');
    }
    const still = await call('GET', `/api/programmes/${programmeId}`, manager.cookie);
    expect(still.json().status).toBe('published');
  });

  it('closes pending requests and open introductions in one go, tells those people, keeps relationships', async () => {
    const closed = await call('POST', `/api/programmes/${programmeId}/close`, manager.cookie);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: now.toISOString() });

    const requests = await ctx.db
      .select()
      .from(mentoringRequest)
      .where(eq(mentoringRequest.programmeId, programmeId));
    const statusOf = (id: string) => requests.find((r) => r.id === id)!.status;
    expect(pendingIds.map(statusOf)).toEqual(['expired', 'expired']);
    expect(statusOf(acceptedId)).toBe('accepted');
    const [intro] = await ctx.db
      .select()
      .from(introduction)
      .where(eq(introduction.id, introductionId));
    // The side that had said yes keeps its answer; the open side is closed.
    expect(intro).toMatchObject({ menteeResponse: 'accepted', mentorResponse: 'declined' });
    expect(intro!.relationshipId).toBeNull();
    const relationships = await ctx.db
      .select()
      .from(relationship)
      .where(eq(relationship.programmeId, programmeId));
    expect(relationships.map((r) => r.status)).toEqual(['active']);

    // Each person waiting is told once; those with nothing open are not.
    for (const told of [mentees[1]!, mentees[2]!, mentors[0]!, mentors[1]!, mentors[2]!]) {
      const rows = await notificationsOf(told.id, 'programme_closed');
      expect(rows).toHaveLength(1);
      expect(rows[0]!.payload).toMatchObject({
        programme: 'Presenteren 2027',
        link: `/programmes/${programmeId}`,
      });
    }
    expect(await notificationsOf(mentees[0]!.id, 'programme_closed')).toHaveLength(0);
    expect(await notificationsOf(mentees[3]!.id, 'programme_closed')).toHaveLength(0);
    const list = await call('GET', '/api/notifications', mentees[1]!.cookie);
    expect(JSON.stringify(list.json())).toContain('Presenteren 2027');

    // What was closed cannot be accepted any more.
    const late = await call('POST', `/api/requests/${pendingIds[0]}/accept`, mentors[0]!.cookie);
    expect(late.statusCode).toBe(422);

    // On the record: the change history and the audit log, with the numbers.
    const changes = (
      await call('GET', `/api/programmes/${programmeId}/changes`, manager.cookie)
    ).json().items;
    expect(changes[0].changes).toEqual({ status: { before: 'published', after: 'closed' } });
    const [audit] = await ctx.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectId, programmeId), eq(auditEvent.action, 'programme.closed')));
    expect(audit!.details).toEqual({ requestsClosed: 2, introductionsClosed: 1 });

    // Nothing is left open, and closing twice is refused.
    const after = await call('GET', `/api/programmes/${programmeId}/close-preview`, manager.cookie);
    expect(after.json()).toMatchObject({ pendingRequests: 0, openIntroductions: 0 });
    expect(
      (await call('POST', `/api/programmes/${programmeId}/close`, manager.cookie)).statusCode,
    ).toBe(422);
  });

  it('reopens a closed programme for its managers, on the record; a published one is not reopened', async () => {
    const reopened = await call('POST', `/api/programmes/${programmeId}/reopen`, manager.cookie);
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'published', closedAt: null });
    const changes = (
      await call('GET', `/api/programmes/${programmeId}/changes`, manager.cookie)
    ).json().items;
    expect(changes.map((c: { changes: unknown }) => c.changes)).toEqual([
      { status: { before: 'closed', after: 'published' } },
      { status: { before: 'published', after: 'closed' } },
    ]);
    const audit = await ctx.db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.subjectId, programmeId), eq(auditEvent.action, 'programme.reopened')),
      );
    expect(audit).toHaveLength(1);
    const again = await call('POST', `/api/programmes/${programmeId}/reopen`, manager.cookie);
    expect(again.statusCode).toBe(422);
    // What closing closed stays closed.
    const [request] = await ctx.db
      .select()
      .from(mentoringRequest)
      .where(eq(mentoringRequest.id, pendingIds[0]!));
    expect(request!.status).toBe('expired');
  });
});

describe('reopening after the end date', () => {
  it('is refused with a 422 naming endsOn; on the end date itself it is allowed', async () => {
    const manager = await signedIn(ctx.app, 'org_admin');
    const ended = await publishedProgramme(manager, {
      startsOn: '2026-09-01',
      endsOn: '2027-02-28',
    });
    await call('POST', `/api/programmes/${ended}/close`, manager.cookie);
    const refused = await call('POST', `/api/programmes/${ended}/reopen`, manager.cookie);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details).toEqual([
      { field: 'endsOn', message: expect.stringContaining('2027-02-28') },
    ]);
    expect((await call('GET', `/api/programmes/${ended}`, manager.cookie)).json().status).toBe(
      'closed',
    );
    const english = await ctx.app.inject({
      method: 'POST',
      url: `/api/programmes/${ended}/reopen`,
      headers: { cookie: manager.cookie, 'x-klik-locale': 'en' },
    });
    expect(english.json().error.message).toContain('end date');

    const lastDay = await publishedProgramme(manager, {
      startsOn: '2026-09-01',
      endsOn: '2027-03-01',
    });
    await call('POST', `/api/programmes/${lastDay}/close`, manager.cookie);
    const reopened = await call('POST', `/api/programmes/${lastDay}/reopen`, manager.cookie);
    expect(reopened.statusCode, reopened.body).toBe(200);
  });

  it('closes a programme with nothing open without telling anyone', async () => {
    const manager = await signedIn(ctx.app, 'programme_manager');
    const id = await publishedProgramme(manager);
    const preview = (
      await call('GET', `/api/programmes/${id}/close-preview`, manager.cookie)
    ).json();
    expect(preview).toEqual({
      enrolled: 0,
      pendingRequests: 0,
      openIntroductions: 0,
      activeRelationships: 0,
      peopleToNotify: 0,
    });
    const draft = (
      await call('POST', '/api/programmes', manager.cookie, { name: 'Concept', type: 'classic' })
    ).json().id;
    expect((await call('POST', `/api/programmes/${draft}/close`, manager.cookie)).statusCode).toBe(
      422,
    );
    expect((await call('POST', `/api/programmes/${draft}/reopen`, manager.cookie)).statusCode).toBe(
      422,
    );
  });
});
