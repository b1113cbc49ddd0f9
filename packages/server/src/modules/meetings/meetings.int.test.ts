import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox, meeting, notification, relationship } from '../../db/schema.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { createPlatformAdmin, signedIn, signIn } from '../../test/factories.js';
import {
  caller,
  openRelationship,
  organisationWithProgramme,
  parseCalendar,
  participant,
  type Caller,
  type Method,
} from '../../test/meetings.js';
import { cancelUpcomingMeetings } from './service.js';

/**
 * Meetings in a relationship through HTTP: planning, changing and cancelling by either side with
 * iCalendar invitations parsed back, the outcome after the meeting, the .ics download, who gets
 * 404, and ending a relationship cancelling what is planned.
 */
let ctx: TestContext;
let now = new Date('2026-12-01T09:00:00Z');

let org: Awaited<ReturnType<typeof organisationWithProgramme>>;
let mentor: Caller;
let mentee: Caller;
let relationshipId: string;
let call: ReturnType<typeof caller>;

beforeAll(async () => {
  ctx = await createTestContext({}, { clock: () => now });
  call = caller(ctx.app);
  org = await organisationWithProgramme(ctx.app);
  // The mentor reads Dutch, the mentee English: each invitation is in its recipient's language.
  mentor = await participant(ctx.app, org.organisationId, 'Marit', 'nl');
  mentee = await participant(ctx.app, org.organisationId, 'Emil', 'en');
  relationshipId = await openRelationship(ctx.app, {
    organisationId: org.organisationId,
    programmeId: org.programmeId,
    mentorId: mentor.id,
    menteeIds: [mentee.id],
  });
}, 120_000);
afterAll(async () => ctx?.close());

const base = (id: string) => `/api/relationships/${id}/meetings`;

const plan = (overrides: Record<string, unknown> = {}) => ({
  date: '2026-12-10',
  time: '14:00',
  timeZone: 'Europe/Amsterdam',
  durationMinutes: 60,
  place: 'Koffiecorner, 3e verdieping',
  videoUrl: 'https://meet.example.test/klik-abc',
  agenda: 'Presenteren; feedback, en de volgende stap',
  ...overrides,
});

/** The mail written so far: what comes after it is what a step sent. */
async function mailMark(): Promise<Set<string>> {
  const rows = await ctx.db.select({ id: mailOutbox.id }).from(mailOutbox);
  return new Set(rows.map((r) => r.id));
}

/** Mails to an address written after the mark, oldest first. */
async function mailsTo(email: string, since: Set<string>) {
  const rows = await ctx.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, email))
    .orderBy(asc(mailOutbox.createdAt));
  return rows.filter((row) => !since.has(row.id));
}

async function onlyMailTo(email: string, since: Set<string>) {
  const mails = await mailsTo(email, since);
  expect(mails).toHaveLength(1);
  return mails[0]!;
}

function invitationOf(mail: Awaited<ReturnType<typeof onlyMailTo>>) {
  expect(mail.attachments).toHaveLength(1);
  const attachment = mail.attachments![0]!;
  expect(attachment.contentType).toMatch(/^text\/calendar/);
  const events = parseCalendar(attachment.content);
  expect(events).toHaveLength(1);
  return { attachment, event: events[0]! };
}

describe('planning, changing and cancelling', () => {
  it('lets the mentee plan a meeting; the mentor gets an invitation in Dutch with a REQUEST', async () => {
    const since = await mailMark();
    const response = await call('POST', base(relationshipId), mentee, plan());
    expect(response.statusCode, response.body).toBe(201);
    const planned = response.json();
    expect(planned).toMatchObject({
      date: '2026-12-10',
      time: '14:00',
      timeZone: 'Europe/Amsterdam',
      startsAt: '2026-12-10T13:00:00.000Z',
      endsAt: '2026-12-10T14:00:00.000Z',
      status: 'planned',
      sequence: 0,
      createdBy: { id: mentee.id },
      canChange: true,
      canLogOutcome: false,
    });

    const mail = await onlyMailTo(mentor.email, since);
    expect(mail.subject).toContain('heeft een afspraak gepland');
    expect(mail.text).toContain('donderdag 10 december 2026, 14:00–15:00 (Europe/Amsterdam)');
    expect(mail.text).toContain('Koffiecorner, 3e verdieping');
    const { attachment, event } = invitationOf(mail);
    expect(attachment.method).toBe('REQUEST');
    expect(event).toMatchObject({
      method: 'REQUEST',
      uid: `${planned.id}@klik`,
      sequence: 0,
      status: 'CONFIRMED',
      startLocal: '2026-12-10T14:00:00',
      startTzid: 'Europe/Amsterdam',
      startUtc: '2026-12-10T13:00:00.000Z',
      endUtc: '2026-12-10T14:00:00.000Z',
      location: 'Koffiecorner, 3e verdieping',
      url: 'https://meet.example.test/klik-abc',
      organizer: { email: mentee.email, name: 'Emil Tester' },
    });
    // The summary names the other side in the recipient's language.
    expect(event.summary).toBe('Mentorgesprek met Emil Tester');
    expect(event.description).toContain('Presenteren; feedback, en de volgende stap');
    expect(event.description).toContain(`http://localhost:3000/mentoring/${relationshipId}`);
    expect(event.attendees.map((a) => a.email).sort()).toEqual([mentor.email, mentee.email].sort());
    expect(event.attendees.find((a) => a.email === mentor.email)?.name).toBe('Marit Tester');
    // The planner gets no invitation of their own.
    expect(await mailsTo(mentee.email, since)).toHaveLength(0);
    const [told] = await ctx.db
      .select()
      .from(notification)
      .where(and(eq(notification.personId, mentor.id), eq(notification.kind, 'meeting_planned')));
    expect(told?.payload).toMatchObject({
      when: '2026-12-10 14:00 (Europe/Amsterdam)',
      link: `/mentoring/${relationshipId}`,
    });
  });

  it('lets the mentor change it: same UID, SEQUENCE raised, the mentee gets it in English', async () => {
    const planned = (await call('POST', base(relationshipId), mentee, plan())).json();
    const since = await mailMark();
    const response = await call('PATCH', `${base(relationshipId)}/${planned.id}`, mentor, {
      time: '16:30',
      timeZone: 'Europe/London',
      place: null,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      time: '16:30',
      timeZone: 'Europe/London',
      startsAt: '2026-12-10T16:30:00.000Z',
      place: null,
      videoUrl: 'https://meet.example.test/klik-abc',
      sequence: 1,
    });
    const mail = await onlyMailTo(mentee.email, since);
    expect(mail.subject).toContain('changed your meeting');
    expect(mail.text).toMatch(/Thursday,? 10 December 2026, 16:30–17:30 \(Europe\/London\)/);
    const { event } = invitationOf(mail);
    expect(event).toMatchObject({
      method: 'REQUEST',
      uid: `${planned.id}@klik`,
      sequence: 1,
      startLocal: '2026-12-10T16:30:00',
      startTzid: 'Europe/London',
      startUtc: '2026-12-10T16:30:00.000Z',
      // Without a place the video link is where it happens.
      location: 'https://meet.example.test/klik-abc',
      summary: 'Mentoring meeting with Marit Tester',
      organizer: { email: mentee.email },
    });
    expect(await mailsTo(mentor.email, since)).toHaveLength(0);

    // A change that changes nothing sends nothing and keeps the sequence.
    const again = await call('PATCH', `${base(relationshipId)}/${planned.id}`, mentee, {
      time: '16:30',
    });
    expect(again.json().sequence).toBe(1);
    expect(await mailsTo(mentor.email, since)).toHaveLength(0);
  });

  it('lets either side cancel: METHOD:CANCEL with the same UID and a raised SEQUENCE', async () => {
    const planned = (await call('POST', base(relationshipId), mentor, plan())).json();
    await call('PATCH', `${base(relationshipId)}/${planned.id}`, mentee, { durationMinutes: 90 });
    const since = await mailMark();
    const response = await call('POST', `${base(relationshipId)}/${planned.id}/cancel`, mentee);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'cancelled', sequence: 2, canChange: false });
    const mail = await onlyMailTo(mentor.email, since);
    expect(mail.subject).toContain('afgezegd');
    const { attachment, event } = invitationOf(mail);
    expect(attachment.method).toBe('CANCEL');
    expect(event).toMatchObject({
      method: 'CANCEL',
      uid: `${planned.id}@klik`,
      sequence: 2,
      status: 'CANCELLED',
      startUtc: '2026-12-10T13:00:00.000Z',
      endUtc: '2026-12-10T14:30:00.000Z',
    });

    // A cancelled meeting stays cancelled.
    for (const [method, url, payload] of [
      ['PATCH', `${base(relationshipId)}/${planned.id}`, { time: '10:00' }],
      ['POST', `${base(relationshipId)}/${planned.id}/cancel`, undefined],
    ] as const) {
      const refused = await call(method, url, mentor, payload);
      expect(refused.statusCode, url).toBe(422);
      expect(refused.json().error.message).toBe('This meeting has been cancelled');
    }
  });

  it('lists upcoming and past meetings for both sides, and offers the .ics download', async () => {
    const planned = (
      await call('POST', base(relationshipId), mentor, plan({ date: '2026-12-20' }))
    ).json();
    const mine = (await call('GET', base(relationshipId), mentor)).json();
    const theirs = (await call('GET', base(relationshipId), mentee)).json();
    expect(mine.canPlan).toBe(true);
    expect(mine.upcoming.map((m: { id: string }) => m.id)).toContain(planned.id);
    expect(theirs.upcoming.map((m: { id: string }) => m.id)).toEqual(
      mine.upcoming.map((m: { id: string }) => m.id),
    );
    const starts = mine.upcoming.map((m: { startsAt: string }) => m.startsAt);
    expect(starts).toEqual([...starts].sort());
    expect(mine.past).toEqual([]);

    const file = await call('GET', `${base(relationshipId)}/${planned.id}/ics`, mentee);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(file.headers['content-disposition']).toBe('attachment; filename="klik-2026-12-20.ics"');
    const [event] = parseCalendar(file.body);
    expect(event).toMatchObject({
      method: 'PUBLISH',
      uid: `${planned.id}@klik`,
      sequence: 0,
      startTzid: 'Europe/Amsterdam',
      startUtc: '2026-12-20T13:00:00.000Z',
      summary: 'Mentoring meeting with Marit Tester',
    });
    const dutch = await call(
      'GET',
      `${base(relationshipId)}/${planned.id}/ics`,
      mentee,
      undefined,
      'nl',
    );
    expect(parseCalendar(dutch.body)[0]!.summary).toBe('Mentorgesprek met Marit Tester');
  });

  it('refuses bad input with 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ timeZone: 'Europe/Atlantis' }, 'body.timeZone'],
      [{ durationMinutes: 10 }, 'body.durationMinutes'],
      [{ durationMinutes: 481 }, 'body.durationMinutes'],
      [{ videoUrl: 'http://meet.example.test/x' }, 'body.videoUrl'],
      [{ videoUrl: 'javascript:alert(1)' }, 'body.videoUrl'],
      [{ date: '10-12-2026' }, 'body.date'],
      [{ time: '25:00' }, 'body.time'],
      // Before the clock's now.
      [{ date: '2026-11-30' }, 'body.date'],
      // The clocks jump from 02:00 to 03:00 in Amsterdam that night.
      [{ date: '2027-03-28', time: '02:30' }, 'body.time'],
    ];
    for (const [overrides, field] of cases) {
      const response = await call('POST', base(relationshipId), mentee, plan(overrides));
      expect(response.statusCode, JSON.stringify(overrides)).toBe(400);
      const details = response.json().error.details as { field: string }[];
      expect(
        details.map((d) => d.field),
        JSON.stringify(overrides),
      ).toContain(field);
    }
  });
});

describe('after the meeting', () => {
  it('logs whether it happened, with shared notes, only once it has started', async () => {
    const planned = (
      await call('POST', base(relationshipId), mentee, plan({ date: '2026-12-02', time: '10:00' }))
    ).json();
    const outcome = `${base(relationshipId)}/${planned.id}/outcome`;
    const early = await call('POST', outcome, mentor, { outcome: 'held' });
    expect(early.statusCode).toBe(422);

    now = new Date('2026-12-02T09:30:00Z');
    const logged = await call('POST', outcome, mentor, {
      outcome: 'held',
      notes: 'We oefenden de pitch; volgende keer: vragen',
    });
    expect(logged.statusCode, logged.body).toBe(200);
    expect(logged.json()).toMatchObject({
      outcome: 'held',
      outcomeNotes: 'We oefenden de pitch; volgende keer: vragen',
      outcomeBy: { id: mentor.id, name: 'Marit Tester' },
      hasStarted: true,
      canChange: false,
      canLogOutcome: true,
    });
    // The other side reads the shared notes in the past list.
    const list = (await call('GET', base(relationshipId), mentee)).json();
    expect(list.past[0]).toMatchObject({ id: planned.id, outcome: 'held' });
    expect(list.past[0].outcomeNotes).toContain('We oefenden de pitch');
    expect(list.pastTotal).toBe(1);

    // Once started it can no longer be changed or cancelled, but the outcome can be corrected.
    const change = await call('PATCH', `${base(relationshipId)}/${planned.id}`, mentee, {
      agenda: 'x',
    });
    expect(change.statusCode).toBe(422);
    const corrected = await call('POST', outcome, mentee, { outcome: 'not_held' });
    expect(corrected.json()).toMatchObject({ outcome: 'not_held', outcomeNotes: null });
    now = new Date('2026-12-01T09:00:00Z');
  });
});

describe('a relationship that ended', () => {
  it('cancels what is planned (CANCEL to the others), refuses new plans, still takes outcomes', async () => {
    const ending = await openRelationship(ctx.app, {
      organisationId: org.organisationId,
      programmeId: org.programmeId,
      mentorId: mentor.id,
      menteeIds: [mentee.id],
    });
    const past = (
      await call('POST', base(ending), mentor, plan({ date: '2026-12-01', time: '11:00' }))
    ).json();
    const first = (await call('POST', base(ending), mentor, plan({ date: '2026-12-05' }))).json();
    const second = (await call('POST', base(ending), mentee, plan({ date: '2026-12-06' }))).json();
    now = new Date('2026-12-01T10:30:00Z');

    const since = await mailMark();
    // As the ending does: the relationship row is ended and the planned meetings cancelled in
    // one transaction.
    const cancelled = await ctx.db.transaction(async (tx) => {
      await tx
        .update(relationship)
        .set({ status: 'ended_early', endedAt: now, endedBy: mentee.id })
        .where(eq(relationship.id, ending));
      return cancelUpcomingMeetings(
        tx,
        { mailer: ctx.app.mailer, baseUrl: ctx.config.baseUrl, now: () => now },
        ending,
        mentee.id,
      );
    });
    expect(cancelled).toBe(2);
    const rows = await ctx.db.select().from(meeting).where(eq(meeting.relationshipId, ending));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(first.id)).toMatchObject({ status: 'cancelled', sequence: 1 });
    expect(byId.get(second.id)).toMatchObject({ status: 'cancelled', sequence: 1 });
    expect(byId.get(past.id)).toMatchObject({ status: 'planned', sequence: 0 });

    const mails = await mailsTo(mentor.email, since);
    expect(mails).toHaveLength(2);
    const uids = mails.map((mail) => invitationOf(mail).event);
    expect(uids.map((e) => e.method)).toEqual(['CANCEL', 'CANCEL']);
    expect(uids.map((e) => e.uid).sort()).toEqual([`${first.id}@klik`, `${second.id}@klik`].sort());
    expect(await mailsTo(mentee.email, since)).toHaveLength(0);

    const refused = await call('POST', base(ending), mentor, plan());
    expect(refused.statusCode).toBe(422);
    expect((await call('GET', base(ending), mentor)).json().canPlan).toBe(false);
    const outcome = await call('POST', `${base(ending)}/${past.id}/outcome`, mentee, {
      outcome: 'not_held',
    });
    expect(outcome.statusCode, outcome.body).toBe(200);
    now = new Date('2026-12-01T09:00:00Z');
  });
});

describe('group meetings', () => {
  it('sends one invitation to every other member, each in their language', async () => {
    const members = [
      await participant(ctx.app, org.organisationId, 'Anna', 'nl'),
      await participant(ctx.app, org.organisationId, 'Bo', 'en'),
      await participant(ctx.app, org.organisationId, 'Cas', 'nl'),
    ];
    const group = await openRelationship(ctx.app, {
      organisationId: org.organisationId,
      programmeId: org.programmeId,
      mentorId: mentor.id,
      menteeIds: members.map((m) => m.id),
    });
    const since = await mailMark();
    const planned = (await call('POST', base(group), members[0]!, plan())).json();
    const [anna, bo, cas] = members;
    expect(await mailsTo(anna!.email, since)).toHaveLength(0);
    for (const [who, summary] of [
      [mentor, 'Mentorgesprek met Anna Tester, Bo Tester en Cas Tester'],
      [bo!, 'Mentoring meeting with Marit Tester, Anna Tester and Cas Tester'],
      [cas!, 'Mentorgesprek met Marit Tester, Anna Tester en Bo Tester'],
    ] as const) {
      const { event } = invitationOf(await onlyMailTo(who.email, since));
      expect(event.uid).toBe(`${planned.id}@klik`);
      expect(event.summary).toBe(summary);
      expect(event.attendees).toHaveLength(4);
    }
  });
});

describe('who may see meetings', () => {
  it('answers managers, admins, other members and other organisations with 404 (403 without a membership) on every route', async () => {
    const planned = (
      await call('POST', base(relationshipId), mentor, plan({ agenda: 'Geheime agenda' }))
    ).json();
    const m = `${base(relationshipId)}/${planned.id}`;
    const routes: [Method, string, unknown][] = [
      ['GET', base(relationshipId), undefined],
      ['POST', base(relationshipId), plan()],
      ['PATCH', m, { time: '09:00' }],
      ['POST', `${m}/cancel`, undefined],
      ['POST', `${m}/outcome`, { outcome: 'held' }],
      ['GET', `${m}/ics`, undefined],
    ];
    const otherOrg = await signedIn(ctx.app, 'org_admin');
    const otherMember = await signedIn(ctx.app, 'member', otherOrg.organisationId);
    const admin = await createPlatformAdmin(ctx.app);
    const platformAdmin = { cookie: await signIn(ctx.app, admin.email) };
    const outsiders: [string, { cookie: string }, number][] = [
      ['programme manager', org.manager, 404],
      ['org admin', org.orgAdmin, 404],
      ['another member', org.outsider, 404],
      ['another organisation’s admin', otherOrg, 404],
      ['another organisation’s member', otherMember, 404],
      ['platform admin without a membership', platformAdmin, 403],
    ];
    const problems: string[] = [];
    for (const [method, url, payload] of routes) {
      for (const [who, cookie, expected] of outsiders) {
        const response = await call(method, url, cookie, payload);
        if (response.statusCode !== expected || response.body.includes('Geheime agenda')) {
          problems.push(`${method} ${url} as ${who}: ${response.statusCode}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // Nothing changed on the way.
    const [row] = await ctx.db.select().from(meeting).where(eq(meeting.id, planned.id));
    expect(row).toMatchObject({ status: 'planned', sequence: 0, outcome: null });
  });

  it('answers a meeting of another relationship with 404, even to a participant of this one', async () => {
    const other = await participant(ctx.app, org.organisationId, 'Olaf', 'en');
    const otherRelationship = await openRelationship(ctx.app, {
      organisationId: org.organisationId,
      programmeId: org.programmeId,
      mentorId: other.id,
      menteeIds: [mentee.id],
    });
    const theirs = (await call('POST', base(otherRelationship), other, plan())).json();
    // The mentor is no participant of the other relationship: the meeting id under their own
    // relationship's path is not found either.
    const response = await call('GET', `${base(relationshipId)}/${theirs.id}/ics`, mentor);
    expect(response.statusCode).toBe(404);
    const cancel = await call('POST', `${base(relationshipId)}/${theirs.id}/cancel`, mentor);
    expect(cancel.statusCode).toBe(404);
  });
});
