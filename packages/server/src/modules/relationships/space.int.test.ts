import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvent,
  enrolment,
  job,
  mailOutbox,
  mentoringRequest,
  notification,
  organisation,
  relationship,
  relationshipEnding,
  relationshipMentee,
  user,
} from '../../db/schema.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import {
  createPerson,
  createPlatformAdmin,
  signedIn,
  signIn,
  type TestPerson,
} from '../../test/factories.js';
import { runDueJobs } from '../jobs/runner.js';
import { ensureRelationshipSweep, RELATIONSHIP_SWEEP_JOB } from './lifecycle-service.js';

/**
 * The relationship space through HTTP: who may read it, the one conversation that continues the
 * request's thread, pausing, resuming and ending without blame, and completion at the end date.
 */
let ctx: TestContext;
let now = new Date('2027-03-01T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

type Caller = TestPerson & { cookie: string };
const call = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  cookie: string,
  payload?: unknown,
  locale: 'nl' | 'en' = 'en',
) =>
  ctx.app.inject({
    method,
    url,
    headers: { cookie, 'x-klik-locale': locale },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

let org: string;
let manager: Caller;
let orgAdmin: Caller;
let outsider: Caller;
let otherOrgMember: Caller;
let platformAdminCookie: string;
let memberPlatformAdmin: Caller;

async function participant(
  label: string,
  skills: { offers?: string[]; wants?: string[] },
  extra: { department?: string } = {},
): Promise<Caller> {
  const p = await createPerson(ctx.app, {
    organisationId: org,
    givenName: label,
    familyName: 'Tester',
    ...extra,
  });
  const cookie = await signIn(ctx.app, p.email);
  const saved = await call('PUT', '/api/me/profile', cookie, {
    offers: (skills.offers ?? []).map((skill) => ({ skill, level: 4 })),
    wants: (skills.wants ?? []).map((skill) => ({ skill, level: 3 })),
    hobbies: ['Zeilen'],
    experiences: [],
    values: [],
    tags: [],
    languages: ['nl', 'en'],
    availability: [[33, 36]],
    timeZone: 'Europe/Amsterdam',
    meetingMode: 'online',
    place: 'Utrecht',
    about: `About ${label}`,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  return { ...p, cookie };
}

async function programme(body: Record<string, unknown>) {
  const created = await call('POST', '/api/programmes', manager.cookie, body);
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const published = await call('POST', `/api/programmes/${id}/publish`, manager.cookie);
  expect(published.statusCode, published.body).toBe(200);
  return id;
}

async function enrol(caller: Caller, programmeId: string, body: Record<string, unknown>) {
  const response = await call('POST', `/api/programmes/${programmeId}/enrolment`, caller.cookie, {
    answers: {},
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
}

async function request(from: Caller, to: Caller, programmeId: string, message: string) {
  const sent = await call('POST', `/api/programmes/${programmeId}/requests`, from.cookie, {
    toPersonId: to.id,
    message,
    hopes: `Hopes of ${message}`,
  });
  expect(sent.statusCode, sent.body).toBe(201);
  return sent.json().id as string;
}

async function accept(by: Caller, requestId: string) {
  const accepted = await call('POST', `/api/requests/${requestId}/accept`, by.cookie);
  expect(accepted.statusCode, accepted.body).toBe(200);
  return accepted.json().relationshipId as string;
}

// A one-to-one programme: mentee asks mentor (capacity 1), a question on the request, accepted.
let classicId: string;
let mentor: Caller;
let mentee: Caller;
let pairId: string;
let pairRequestId: string;
// A group programme: two mentees in one mentor's group.
let groupProgrammeId: string;
let groupMentor: Caller;
let groupMenteeA: Caller;
let groupMenteeB: Caller;
let groupId: string;

beforeAll(async () => {
  ctx = await createTestContext({}, { clock: () => now });
  manager = await signedIn(ctx.app, 'programme_manager');
  org = manager.organisationId;
  orgAdmin = await signedIn(ctx.app, 'org_admin', org);
  outsider = await signedIn(ctx.app, 'member', org);
  otherOrgMember = await signedIn(ctx.app, 'member');
  const admin = await createPlatformAdmin(ctx.app);
  platformAdminCookie = await signIn(ctx.app, admin.email);
  const adminMember = await createPerson(ctx.app, { organisationId: org, role: 'org_admin' });
  await ctx.db.update(user).set({ isPlatformAdmin: true }).where(eq(user.id, adminMember.userId));
  memberPlatformAdmin = { ...adminMember, cookie: await signIn(ctx.app, adminMember.email) };

  classicId = await programme({
    name: 'Klassiek',
    type: 'classic',
    endsOn: '2027-06-30',
    requestExpiryDays: 10,
  });
  mentor = await participant('Mira', { offers: ['public-speaking'] });
  mentee = await participant('Milan', { wants: ['public-speaking'] }, { department: 'Finance' });
  await enrol(mentor, classicId, { role: 'mentor', capacity: 1 });
  await enrol(mentee, classicId, { role: 'mentee' });
  pairRequestId = await request(mentee, mentor, classicId, 'Would you mentor me in speaking?');
  const question = await call('POST', `/api/requests/${pairRequestId}/messages`, mentor.cookie, {
    body: 'What would you like to work on first?',
  });
  expect(question.statusCode, question.body).toBe(200);
  pairId = await accept(mentor, pairRequestId);
  // The mentee has a sensitive attribute and a phone number.
  await ctx.db
    .update(organisation)
    .set({ allowSensitiveAttributes: true })
    .where(eq(organisation.id, org));
  const sensitive = await call('PUT', '/api/me/sensitive', mentee.cookie, {
    consent: true,
    gender: 'SecretGender',
    ageBand: '25-34',
    background: 'SecretBackground',
  });
  expect(sensitive.statusCode, sensitive.body).toBe(200);
  // The mentee chose to share a phone number with the people they are in a relationship with.
  const current = (await call('GET', '/api/me/profile', mentee.cookie)).json();
  const { isComplete: _complete, ...body } = current;
  const badPhone = await call('PUT', '/api/me/profile', mentee.cookie, {
    ...body,
    phone: 'call me',
  });
  expect(badPhone.statusCode).toBe(400);
  expect(badPhone.body).toContain('body.phone');
  const withPhone = await call('PUT', '/api/me/profile', mentee.cookie, {
    ...body,
    phone: '+31 6 1234 5678',
  });
  expect(withPhone.json().phone, withPhone.body).toBe('+31 6 1234 5678');
  // A save that leaves the phone out keeps it.
  const { phone: _phone, ...withoutPhone } = withPhone.json();
  delete withoutPhone.isComplete;
  await call('PUT', '/api/me/profile', mentee.cookie, { ...withoutPhone, about: 'About Milan' });

  groupProgrammeId = await programme({
    name: 'Groep',
    type: 'group',
    groupMin: 3,
    groupMax: 4,
    endsOn: '2027-12-31',
  });
  groupMentor = await participant('Gert', { offers: ['budgeting'] });
  groupMenteeA = await participant('Greta', { wants: ['budgeting'] });
  groupMenteeB = await participant('Gijs', { wants: ['budgeting'] });
  await enrol(groupMentor, groupProgrammeId, { role: 'mentor', capacity: 3, offersGroup: true });
  await enrol(groupMenteeA, groupProgrammeId, { role: 'mentee' });
  await enrol(groupMenteeB, groupProgrammeId, { role: 'mentee' });
  groupId = await accept(
    groupMentor,
    await request(groupMenteeA, groupMentor, groupProgrammeId, 'GretaAsks for the group'),
  );
  const second = await accept(
    groupMentor,
    await request(groupMenteeB, groupMentor, groupProgrammeId, 'GijsAsks for the group'),
  );
  expect(second).toBe(groupId);
}, 120_000);
afterAll(async () => ctx.close());

describe('the space', () => {
  it('is read by each participant, with profile, contact details and the reasons in their language', async () => {
    await ctx.db
      .update(relationshipMentee)
      .set({
        reasons: [{ code: 'common_hobby', nl: 'Jullie zeilen allebei', en: 'You both sail' }],
        strength: 72,
      })
      .where(eq(relationshipMentee.relationshipId, pairId));
    const asMentee = await call(
      'GET',
      `/api/relationships/${pairId}`,
      mentee.cookie,
      undefined,
      'nl',
    );
    expect(asMentee.statusCode, asMentee.body).toBe(200);
    const space = asMentee.json();
    expect(space.myRole).toBe('mentee');
    expect(space.status).toBe('active');
    expect(space.programme).toEqual({ id: classicId, name: 'Klassiek', endsOn: '2027-06-30' });
    expect(space.clicks).toEqual([
      {
        menteeId: mentee.id,
        menteeName: expect.stringContaining('Milan'),
        strength: 72,
        reasons: [{ code: 'common_hobby', text: 'Jullie zeilen allebei' }],
      },
    ]);
    const other = space.participants.find((p: { id: string }) => p.id === mentor.id);
    expect(other).toMatchObject({
      role: 'mentor',
      isMe: false,
      languages: ['nl', 'en'],
      meetingMode: 'online',
      place: 'Utrecht',
      about: 'About Mira',
      contact: { email: mentor.email, phone: null },
    });
    expect(other.offers[0]).toMatchObject({ skill: 'public-speaking', level: 4 });
    expect(other.offers[0].label).not.toBe('');

    const asMentor = await call(
      'GET',
      `/api/relationships/${pairId}`,
      mentor.cookie,
      undefined,
      'en',
    );
    expect(asMentor.statusCode, asMentor.body).toBe(200);
    expect(asMentor.json().myRole).toBe('mentor');
    expect(asMentor.json().clicks[0].reasons).toEqual([
      { code: 'common_hobby', text: 'You both sail' },
    ]);
    const them = asMentor.json().participants.find((p: { id: string }) => p.id === mentee.id);
    expect(them.contact).toEqual({ email: mentee.email, phone: '+31 6 1234 5678' });
    // Never sensitive attributes or directory data beyond the profile.
    for (const secret of ['SecretGender', 'SecretBackground', '25-34', 'Finance']) {
      expect(asMentor.body).not.toContain(secret);
    }
  });

  it('shows the newest agreement hopes and the next planned meeting', async () => {
    const { relationshipAgreement, meeting } = await import('../../db/schema.js');
    await ctx.db.insert(relationshipAgreement).values({
      relationshipId: pairId,
      organisationId: org,
      version: 1,
      cadenceDays: 30,
      hopes: { [mentee.id]: { learn: 'Speak calmly', give: 'Social media tips' } },
      proposedBy: mentee.id,
    });
    const base = {
      relationshipId: pairId,
      organisationId: org,
      durationMinutes: 60,
      timeZone: 'Europe/Amsterdam',
      createdBy: mentor.id,
    };
    await ctx.db.insert(meeting).values([
      { ...base, startsAt: new Date(now.getTime() - DAY), agenda: 'past' },
      { ...base, startsAt: new Date(now.getTime() + 9 * DAY), agenda: 'later' },
      {
        ...base,
        startsAt: new Date(now.getTime() + 2 * DAY),
        agenda: 'cancelled',
        status: 'cancelled',
      },
      { ...base, startsAt: new Date(now.getTime() + 3 * DAY), agenda: 'next' },
    ]);
    const space = (await call('GET', `/api/relationships/${pairId}`, mentor.cookie)).json();
    expect(space.hopes).toEqual([
      {
        personId: mentee.id,
        name: expect.stringContaining('Milan'),
        learn: 'Speak calmly',
        give: 'Social media tips',
      },
    ]);
    expect(space.nextMeeting).toMatchObject({ agenda: 'next' });
    const list = (await call('GET', '/api/relationships', mentor.cookie)).json();
    const item = list.items.find((i: { id: string }) => i.id === pairId);
    expect(item.nextMeetingAt).toBe(new Date(now.getTime() + 3 * DAY).toISOString());
  });

  it('is 404 on every route for anyone else: a member, the manager, the org admin, admins, another organisation', async () => {
    const routes: [method: 'GET' | 'POST', path: string, body?: unknown][] = [
      ['GET', ''],
      ['GET', '/messages'],
      ['POST', '/messages', { body: 'Hello there' }],
      ['POST', '/read'],
      ['POST', '/pause', { reason: 'x' }],
      ['POST', '/resume'],
      ['POST', '/end', { reason: 'x' }],
    ];
    const callers = {
      member: outsider.cookie,
      manager: manager.cookie,
      'org admin': orgAdmin.cookie,
      'org admin who is platform admin': memberPlatformAdmin.cookie,
      'other organisation': otherOrgMember.cookie,
    };
    const problems: string[] = [];
    for (const id of [pairId, groupId]) {
      for (const [method, path, body] of routes) {
        for (const [who, cookie] of Object.entries(callers)) {
          const response = await call(method, `/api/relationships/${id}${path}`, cookie, body);
          if (response.statusCode !== 404)
            problems.push(`${method} ${path} as ${who}: ${response.statusCode}`);
          if (response.body.includes('Mira') || response.body.includes('Milan')) {
            problems.push(`${method} ${path} as ${who} shows a name`);
          }
        }
        // A platform admin without a membership is refused before any record is looked up.
        const admin = await call(
          method,
          `/api/relationships/${id}${path}`,
          platformAdminCookie,
          body,
        );
        if (admin.statusCode !== 403 || admin.body.includes('Mira')) {
          problems.push(`${method} ${path} as platform admin: ${admin.statusCode}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // Nothing changed on the way.
    const [row] = await ctx.db.select().from(relationship).where(eq(relationship.id, pairId));
    expect(row).toMatchObject({ status: 'active', pausedAt: null });
    const list = (await call('GET', '/api/relationships', outsider.cookie)).json();
    expect(list.items).toEqual([]);
  });
});

describe('the conversation', () => {
  it('continues the request thread, and a message notifies the other side in the app and by mail', async () => {
    const before = (
      await call('GET', `/api/relationships/${pairId}/messages`, mentee.cookie)
    ).json();
    expect(before.canWrite).toBe(true);
    expect(before.items.map((m: { kind: string; body: string }) => [m.kind, m.body])).toEqual([
      ['request', 'Would you mentor me in speaking?'],
      ['request_message', 'What would you like to work on first?'],
    ]);
    expect(before.items[0]).toMatchObject({
      isMine: true,
      requestId: pairRequestId,
      hopes: 'Hopes of Would you mentor me in speaking?',
    });

    now = new Date(now.getTime() + 60_000);
    const posted = await call('POST', `/api/relationships/${pairId}/messages`, mentee.cookie, {
      body: 'Shall we start with my talk on Friday?',
    });
    expect(posted.statusCode, posted.body).toBe(201);
    expect(posted.json()).toMatchObject({ kind: 'message', isMine: true });

    const seen = (await call('GET', `/api/relationships/${pairId}/messages`, mentor.cookie)).json();
    expect(seen.items.map((m: { body: string }) => m.body)).toEqual([
      'Would you mentor me in speaking?',
      'What would you like to work on first?',
      'Shall we start with my talk on Friday?',
    ]);
    expect(seen.items[2].isMine).toBe(false);

    const notes = await ctx.db
      .select()
      .from(notification)
      .where(
        and(eq(notification.personId, mentor.id), eq(notification.kind, 'relationship_message')),
      );
    expect(notes).toHaveLength(1);
    expect(notes[0]!.payload.link).toBe(`/mentoring/${pairId}`);
    const mails = await ctx.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, mentor.email));
    expect(mails.some((m) => m.text.includes('Shall we start with my talk on Friday?'))).toBe(true);
    // The writer is not told about their own message.
    const own = await ctx.db
      .select()
      .from(notification)
      .where(
        and(eq(notification.personId, mentee.id), eq(notification.kind, 'relationship_message')),
      );
    expect(own).toHaveLength(0);
  });

  it('counts unread messages until the reader marks them read', async () => {
    const unread = async (caller: Caller) =>
      (await call('GET', '/api/relationships', caller.cookie))
        .json()
        .items.find((i: { id: string }) => i.id === pairId).unreadMessages;
    expect(await unread(mentor)).toBe(1);
    expect(await unread(mentee)).toBe(0);
    const read = await call('POST', `/api/relationships/${pairId}/read`, mentor.cookie);
    expect(read.statusCode, read.body).toBe(204);
    expect(await unread(mentor)).toBe(0);
    now = new Date(now.getTime() + 60_000);
    await call('POST', `/api/relationships/${pairId}/messages`, mentee.cookie, {
      body: 'And one more',
    });
    expect(await unread(mentor)).toBe(1);
  });

  it('refuses an empty or too long message, naming the field', async () => {
    for (const body of ['   ', 'x'.repeat(5001)]) {
      const response = await call('POST', `/api/relationships/${pairId}/messages`, mentee.cookie, {
        body,
      });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('body.body');
    }
  });

  it('in a group: one conversation for all, but a mentee never reads another mentee’s request', async () => {
    const greta = (
      await call('GET', `/api/relationships/${groupId}/messages`, groupMenteeA.cookie)
    ).json();
    expect(greta.items.map((m: { body: string }) => m.body)).toEqual(['GretaAsks for the group']);
    const gert = (
      await call('GET', `/api/relationships/${groupId}/messages`, groupMentor.cookie)
    ).json();
    expect(gert.items.map((m: { body: string }) => m.body).sort()).toEqual([
      'GijsAsks for the group',
      'GretaAsks for the group',
    ]);
    now = new Date(now.getTime() + 60_000);
    await call('POST', `/api/relationships/${groupId}/messages`, groupMentor.cookie, {
      body: 'Welcome, both of you',
    });
    for (const member of [groupMenteeA, groupMenteeB]) {
      const [told] = await ctx.db
        .select()
        .from(notification)
        .where(
          and(eq(notification.personId, member.id), eq(notification.kind, 'relationship_message')),
        );
      expect(told).toBeDefined();
    }
    const gijs = (
      await call('GET', `/api/relationships/${groupId}/messages`, groupMenteeB.cookie)
    ).json();
    expect(gijs.items.map((m: { body: string }) => m.body)).toEqual([
      'GijsAsks for the group',
      'Welcome, both of you',
    ]);
    // The mentor reads each mentee's reasons; a mentee only their own pair's.
    const mentorView = (
      await call('GET', `/api/relationships/${groupId}`, groupMentor.cookie)
    ).json();
    expect(mentorView.clicks.map((c: { menteeId: string }) => c.menteeId).sort()).toEqual(
      [groupMenteeA.id, groupMenteeB.id].sort(),
    );
    const menteeView = (
      await call('GET', `/api/relationships/${groupId}`, groupMenteeA.cookie)
    ).json();
    expect(menteeView.clicks.map((c: { menteeId: string }) => c.menteeId)).toEqual([
      groupMenteeA.id,
    ]);
  });
});

describe('pause, resume, end without blame', () => {
  const SECRET_REASON = 'PrivateReasonNobodyElseReads';

  async function participantAnswers(id: string, callers: Caller[]) {
    const bodies: string[] = [];
    for (const caller of callers) {
      for (const path of ['', '/messages']) {
        bodies.push((await call('GET', `/api/relationships/${id}${path}`, caller.cookie)).body);
      }
      bodies.push((await call('GET', '/api/relationships', caller.cookie)).body);
      bodies.push((await call('GET', '/api/notifications', caller.cookie)).body);
    }
    const mails = await ctx.db.select().from(mailOutbox);
    const audits = await ctx.db.select().from(auditEvent);
    return [...bodies, JSON.stringify(mails), JSON.stringify(audits)].join('\n');
  }

  it('either side pauses (with a return date) and resumes; the reason stays with the programme', async () => {
    const paused = await call('POST', `/api/relationships/${pairId}/pause`, mentee.cookie, {
      until: '2027-04-01',
      reason: `${SECRET_REASON} pause`,
    });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json()).toMatchObject({
      status: 'paused',
      pauseUntil: '2027-04-01',
      canChange: true,
    });
    const again = await call('POST', `/api/relationships/${pairId}/pause`, mentor.cookie, {});
    expect(again.statusCode).toBe(422);
    const [told] = await ctx.db
      .select()
      .from(notification)
      .where(
        and(eq(notification.personId, mentor.id), eq(notification.kind, 'relationship_paused')),
      );
    expect(told).toBeDefined();
    // The mail says when they are back, as a date in the mentor's language; never the reason.
    const pauseMail = (
      await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, mentor.email))
    ).find((m) => m.text.includes('1 april 2027'));
    expect(pauseMail?.text).toContain('Terug op 1 april 2027');
    expect(pauseMail?.text).not.toContain(SECRET_REASON);
    const list = (await call('GET', '/api/relationships', mentor.cookie)).json();
    expect(list.items.find((i: { id: string }) => i.id === pairId).status).toBe('paused');

    const resumed = await call('POST', `/api/relationships/${pairId}/resume`, mentor.cookie);
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json()).toMatchObject({ status: 'active', pauseUntil: null });
    expect(
      (await call('POST', `/api/relationships/${pairId}/resume`, mentee.cookie)).statusCode,
    ).toBe(422);

    const past = await call('POST', `/api/relationships/${pairId}/pause`, mentor.cookie, {
      until: '2027-01-01',
    });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain('body.until');
  });

  it('ending frees the place, closes nothing else, keeps the space readable, and never shows the reason', async () => {
    // Milan's mentor (capacity 1) is full: another mentee cannot ask her.
    const newcomer = await participant('Noor', { wants: ['public-speaking'] });
    await enrol(newcomer, classicId, { role: 'mentee' });
    const refused = await call('POST', `/api/programmes/${classicId}/requests`, newcomer.cookie, {
      toPersonId: mentor.id,
      message: 'Would you mentor me as well?',
    });
    expect(refused.statusCode).toBe(422);
    // Another mentor with a pending request from someone else: nothing of that may change.
    const otherMentor = await participant('Olaf', { offers: ['public-speaking'] });
    const waiting = await participant('Wim', { wants: ['public-speaking'] });
    await enrol(otherMentor, classicId, { role: 'mentor', capacity: 2 });
    await enrol(waiting, classicId, { role: 'mentee' });
    const pendingId = await request(waiting, otherMentor, classicId, 'Pending while others end');
    const snapshot = async () => ({
      requests: await ctx.db
        .select({ id: mentoringRequest.id, status: mentoringRequest.status })
        .from(mentoringRequest)
        .orderBy(mentoringRequest.id),
      enrolments: await ctx.db
        .select({ id: enrolment.id, isActive: enrolment.isActive, role: enrolment.role })
        .from(enrolment)
        .orderBy(enrolment.id),
      others: await ctx.db
        .select({ id: relationship.id, status: relationship.status })
        .from(relationship)
        .where(inArray(relationship.id, [groupId]))
        .orderBy(relationship.id),
    });
    const before = await snapshot();

    const ended = await call('POST', `/api/relationships/${pairId}/end`, mentee.cookie, {
      reason: SECRET_REASON,
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended_early', canChange: false });
    expect(await snapshot()).toEqual(before);
    expect(
      (await ctx.db.select().from(mentoringRequest).where(eq(mentoringRequest.id, pendingId)))[0]!
        .status,
    ).toBe('pending');
    const [row] = await ctx.db.select().from(relationship).where(eq(relationship.id, pairId));
    expect(row).toMatchObject({ status: 'ended_early', endedBy: mentee.id });
    expect(row!.endedAt).toEqual(now);
    const endings = await ctx.db
      .select()
      .from(relationshipEnding)
      .where(eq(relationshipEnding.relationshipId, pairId));
    expect(endings.map((e) => [e.kind, e.reason])).toEqual(
      expect.arrayContaining([
        ['paused', `${SECRET_REASON} pause`],
        ['ended', SECRET_REASON],
      ]),
    );
    const [told] = await ctx.db
      .select()
      .from(notification)
      .where(
        and(eq(notification.personId, mentor.id), eq(notification.kind, 'relationship_ended')),
      );
    expect(told).toBeDefined();

    // The place is free: the newcomer's request to the same mentor now goes through.
    const asked = await call('POST', `/api/programmes/${classicId}/requests`, newcomer.cookie, {
      toPersonId: mentor.id,
      message: 'Would you mentor me as well?',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    // And the mentee may look again: a request to another mentor goes through.
    const third = await participant('Tess', { offers: ['public-speaking'] });
    await enrol(third, classicId, { role: 'mentor', capacity: 1 });
    const again = await call('POST', `/api/programmes/${classicId}/requests`, mentee.cookie, {
      toPersonId: third.id,
      message: 'Would you mentor me now?',
    });
    expect(again.statusCode, again.body).toBe(201);

    // Readable, read-only.
    const read = await call('GET', `/api/relationships/${pairId}/messages`, mentor.cookie);
    expect(read.statusCode).toBe(200);
    expect(read.json().canWrite).toBe(false);
    for (const [path, body] of [
      ['/messages', { body: 'Still there?' }],
      ['/pause', {}],
      ['/end', {}],
    ] as const) {
      const refusedChange = await call(
        'POST',
        `/api/relationships/${pairId}${path}`,
        mentor.cookie,
        body,
      );
      expect(refusedChange.statusCode, path).toBe(422);
    }
    // The reason is nowhere a participant (or the audit log) can read it.
    const everything = await participantAnswers(pairId, [mentor, mentee]);
    expect(everything).not.toContain(SECRET_REASON);
  });

  it('in a group a mentee ending leaves it; the group goes on; the mentor ending ends it for all', async () => {
    now = new Date(now.getTime() + 60_000);
    const left = await call('POST', `/api/relationships/${groupId}/end`, groupMenteeA.cookie, {
      reason: SECRET_REASON,
    });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json()).toMatchObject({ status: 'active', haveLeft: true, canChange: false });
    const [told] = await ctx.db
      .select()
      .from(notification)
      .where(
        and(
          eq(notification.personId, groupMentor.id),
          eq(notification.kind, 'relationship_member_left'),
        ),
      );
    expect(told).toBeDefined();
    const mentorList = (await call('GET', '/api/relationships', groupMentor.cookie)).json();
    expect(
      mentorList.items
        .find((i: { id: string }) => i.id === groupId)
        .mentees.map((m: { id: string }) => m.id),
    ).toEqual([groupMenteeB.id]);
    // The one who left still reads the space, without the others' contact details.
    const view = (await call('GET', `/api/relationships/${groupId}`, groupMenteeA.cookie)).json();
    expect(view.participants.every((p: { contact: unknown }) => p.contact === null)).toBe(true);
    now = new Date(now.getTime() + 60_000);
    const gijs = await call('POST', `/api/relationships/${groupId}/messages`, groupMenteeB.cookie, {
      body: 'Still here',
    });
    expect(gijs.statusCode).toBe(201);
    // What is said after one left is not theirs to read.
    const gretaReads = await call(
      'GET',
      `/api/relationships/${groupId}/messages`,
      groupMenteeA.cookie,
    );
    expect(gretaReads.statusCode).toBe(200);
    expect(gretaReads.json().canWrite).toBe(false);
    expect(gretaReads.body).toContain('Welcome, both of you');
    expect(gretaReads.body).not.toContain('Still here');
    const [ending] = await ctx.db
      .select()
      .from(relationshipEnding)
      .where(
        and(eq(relationshipEnding.relationshipId, groupId), eq(relationshipEnding.kind, 'left')),
      );
    expect(ending!.reason).toBe(SECRET_REASON);

    const ended = await call('POST', `/api/relationships/${groupId}/end`, groupMentor.cookie, {});
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().status).toBe('ended_early');
    const [toldB] = await ctx.db
      .select()
      .from(notification)
      .where(
        and(
          eq(notification.personId, groupMenteeB.id),
          eq(notification.kind, 'relationship_ended'),
        ),
      );
    expect(toldB).toBeDefined();
    expect(
      await participantAnswers(groupId, [groupMentor, groupMenteeA, groupMenteeB]),
    ).not.toContain(SECRET_REASON);
  });
});

describe('completion at the end date', () => {
  it('completes relationships once the programme’s end date has passed, and tells both sides', async () => {
    const programmeId = await programme({ name: 'Kort', type: 'classic', endsOn: '2027-05-31' });
    const m = await participant('Kees', { offers: ['storytelling'] });
    const e = await participant('Kim', { wants: ['storytelling'] });
    await enrol(m, programmeId, { role: 'mentor', capacity: 2 });
    await enrol(e, programmeId, { role: 'mentee' });
    const id = await accept(m, await request(e, m, programmeId, 'A short programme together?'));

    await ensureRelationshipSweep(ctx.db, now);
    await ensureRelationshipSweep(ctx.db, now); // a second process starting: still one job
    const sweeps = await ctx.db.select().from(job).where(eq(job.kind, RELATIONSHIP_SWEEP_JOB));
    expect(sweeps).toHaveLength(1);

    const handlers = ctx.app.jobHandlers;
    const onlySweep = { kinds: [RELATIONSHIP_SWEEP_JOB] };
    // On the last day itself it still runs.
    now = new Date('2027-05-31T12:00:00Z');
    await runDueJobs(ctx.db, handlers, now, undefined, onlySweep);
    expect((await call('GET', `/api/relationships/${id}`, e.cookie)).json().status).toBe('active');
    // The day after, the sweep (rescheduled daily by itself) completes it.
    now = new Date('2027-06-01T12:00:00Z');
    await runDueJobs(ctx.db, handlers, now, undefined, onlySweep);
    const space = (await call('GET', `/api/relationships/${id}`, e.cookie)).json();
    expect(space).toMatchObject({ status: 'completed', canChange: false });
    expect(space.endedAt).toBe(now.toISOString());
    for (const who of [m, e]) {
      const [told] = await ctx.db
        .select()
        .from(notification)
        .where(
          and(eq(notification.personId, who.id), eq(notification.kind, 'relationship_completed')),
        );
      expect(told, who.email).toBeDefined();
    }
    const [ending] = await ctx.db
      .select()
      .from(relationshipEnding)
      .where(eq(relationshipEnding.relationshipId, id));
    expect(ending).toMatchObject({ kind: 'completed', personId: null });
    // Still readable by both.
    expect((await call('GET', `/api/relationships/${id}/messages`, m.cookie)).statusCode).toBe(200);
    // One sweep waits for tomorrow.
    const queued = await ctx.db
      .select()
      .from(job)
      .where(and(eq(job.kind, RELATIONSHIP_SWEEP_JOB), eq(job.status, 'queued')));
    expect(queued).toHaveLength(1);
    expect(queued[0]!.runAt.getTime()).toBeGreaterThan(now.getTime());
  });

  it('ends a pause by itself on its return date', async () => {
    const programmeId = await programme({ name: 'Pauze', type: 'classic' });
    const m = await participant('Pim', { offers: ['leading-teams'] });
    const e = await participant('Pia', { wants: ['leading-teams'] });
    await enrol(m, programmeId, { role: 'mentor', capacity: 2 });
    await enrol(e, programmeId, { role: 'mentee' });
    const id = await accept(m, await request(e, m, programmeId, 'Negotiation lessons, please?'));
    const until = new Date(now.getTime() + 3 * DAY).toISOString().slice(0, 10);
    const paused = await call('POST', `/api/relationships/${id}/pause`, e.cookie, { until });
    expect(paused.statusCode, paused.body).toBe(200);
    now = new Date(`${until}T12:00:00Z`);
    await runDueJobs(ctx.db, ctx.app.jobHandlers, now, undefined, {
      kinds: [RELATIONSHIP_SWEEP_JOB],
    });
    expect((await call('GET', `/api/relationships/${id}`, m.cookie)).json().status).toBe('active');
  });
});
