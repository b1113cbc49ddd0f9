import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox, meeting, notification } from '../../db/schema.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import {
  caller,
  openRelationship,
  organisationWithProgramme,
  parseCalendar,
  participant,
  type Caller,
} from '../../test/meetings.js';

/**
 * A mentee who leaves a group drops out of its planned meetings: they get a METHOD:CANCEL per
 * meeting that has not started, in their language, with the same UID and a raised SEQUENCE; for
 * the others the meetings go on, planned.
 */
let ctx: TestContext;
let now = new Date('2026-12-01T09:00:00Z');
let call: ReturnType<typeof caller>;

beforeAll(async () => {
  ctx = await createTestContext({}, { clock: () => now });
  call = caller(ctx.app);
}, 120_000);
afterAll(async () => ctx?.close());

const base = (id: string) => `/api/relationships/${id}/meetings`;
const plan = (date: string, time: string) => ({
  date,
  time,
  timeZone: 'Europe/Amsterdam',
  durationMinutes: 60,
  place: 'Zaal 2',
  videoUrl: null,
  agenda: 'Voortgang',
});

async function mailMark(): Promise<Set<string>> {
  const rows = await ctx.db.select({ id: mailOutbox.id }).from(mailOutbox);
  return new Set(rows.map((r) => r.id));
}

async function mailsTo(email: string, since: Set<string>) {
  const rows = await ctx.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, email))
    .orderBy(asc(mailOutbox.createdAt));
  // A leaver is also asked how it went (the outcome survey's mail): not about meetings.
  return rows.filter((row) => !since.has(row.id) && !row.text.includes('/feedback/surveys/'));
}

async function planned(relationshipId: string, by: Caller, date: string, time: string) {
  const response = await call('POST', base(relationshipId), by, plan(date, time));
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

describe('a member leaving a group', () => {
  it('sends the leaver a CANCEL for every upcoming meeting; the others keep them planned', async () => {
    const org = await organisationWithProgramme(ctx.app);
    const mentor = await participant(ctx.app, org.organisationId, 'Marit', 'en');
    // The leaver reads Dutch; the request that makes them leave is in English.
    const anna = await participant(ctx.app, org.organisationId, 'Anna', 'nl');
    const bo = await participant(ctx.app, org.organisationId, 'Bo', 'en');
    const group = await openRelationship(ctx.app, {
      organisationId: org.organisationId,
      programmeId: org.programmeId,
      mentorId: mentor.id,
      menteeIds: [anna.id, bo.id],
    });
    const started = await planned(group, mentor, '2026-12-03', '10:00');
    const next = await planned(group, mentor, '2026-12-10', '14:00');
    const later = await planned(group, bo, '2026-12-17', '09:30');
    const called = await planned(group, mentor, '2026-12-24', '11:00');
    expect((await call('POST', `${base(group)}/${called}/cancel`, mentor)).statusCode).toBe(200);
    // The first meeting is under way when Anna leaves: it is not hers to withdraw from.
    now = new Date('2026-12-03T09:30:00Z');

    const since = await mailMark();
    const left = await call('POST', `/api/relationships/${group}/end`, anna, { reason: null });
    expect(left.statusCode, left.body).toBe(200);

    const mails = await mailsTo(anna.email, since);
    expect(mails).toHaveLength(2);
    const events = mails.map((mail) => {
      expect(mail.subject).toContain('Je hebt de groep verlaten');
      expect(mail.attachments).toHaveLength(1);
      const attachment = mail.attachments![0]!;
      expect(attachment).toMatchObject({ method: 'CANCEL', filename: 'cancel.ics' });
      expect(attachment.contentType).toMatch(/^text\/calendar/);
      const parsed = parseCalendar(attachment.content);
      expect(parsed).toHaveLength(1);
      return parsed[0]!;
    });
    expect(events.map((e) => e.uid).sort()).toEqual([`${next}@klik`, `${later}@klik`].sort());
    for (const event of events) {
      expect(event).toMatchObject({
        method: 'CANCEL',
        sequence: 1,
        status: 'CANCELLED',
        startTzid: 'Europe/Amsterdam',
      });
      // Anna is the attendee removed; the summary, in Dutch, names who it goes on with.
      expect(event.attendees.map((a) => a.email)).toEqual([anna.email]);
      expect(event.summary).toBe('Mentorgesprek met Marit Tester en Bo Tester');
    }
    expect(events.find((e) => e.uid === `${next}@klik`)).toMatchObject({
      startLocal: '2026-12-10T14:00:00',
      startUtc: '2026-12-10T13:00:00.000Z',
    });

    // For the others the meetings go on: still planned, SEQUENCE raised on the row.
    const rows = await ctx.db
      .select()
      .from(meeting)
      .where(inArray(meeting.id, [started, next, later, called]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(next)).toMatchObject({ status: 'planned', sequence: 1 });
    expect(byId.get(later)).toMatchObject({ status: 'planned', sequence: 1 });
    expect(byId.get(started)).toMatchObject({ status: 'planned', sequence: 0 });
    expect(byId.get(called)).toMatchObject({ status: 'cancelled', sequence: 1 });
    const listed = (await call('GET', base(group), bo)).json();
    expect(listed.upcoming.filter((m: { status: string }) => m.status === 'planned')).toHaveLength(
      2,
    );

    // The others are told once that Anna left, with no calendar mail.
    for (const other of [mentor, bo]) {
      const theirs = await mailsTo(other.email, since);
      expect(theirs).toHaveLength(1);
      expect(theirs[0]!.attachments ?? []).toHaveLength(0);
    }
    const told = await ctx.db
      .select()
      .from(notification)
      .where(and(eq(notification.personId, anna.id), eq(notification.kind, 'meeting_withdrawn')));
    expect(told).toHaveLength(2);

    // A later change reaches only those still in the group, with the SEQUENCE past Anna's CANCEL.
    const changeMark = await mailMark();
    const changed = await call('PATCH', `${base(group)}/${next}`, mentor, { time: '15:00' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await mailsTo(anna.email, changeMark)).toHaveLength(0);
    const [boMail] = await mailsTo(bo.email, changeMark);
    const [update] = parseCalendar(boMail!.attachments![0]!.content);
    expect(update).toMatchObject({ method: 'REQUEST', uid: `${next}@klik`, sequence: 2 });
    expect(update!.attendees.map((a) => a.email).sort()).toEqual([mentor.email, bo.email].sort());
  });

  it('sends nothing when the group has no upcoming meetings', async () => {
    const org = await organisationWithProgramme(ctx.app);
    const mentor = await participant(ctx.app, org.organisationId, 'Mila', 'nl');
    const cas = await participant(ctx.app, org.organisationId, 'Cas', 'en');
    const dirk = await participant(ctx.app, org.organisationId, 'Dirk', 'en');
    const group = await openRelationship(ctx.app, {
      organisationId: org.organisationId,
      programmeId: org.programmeId,
      mentorId: mentor.id,
      menteeIds: [cas.id, dirk.id],
    });
    const since = await mailMark();
    const left = await call('POST', `/api/relationships/${group}/end`, cas, { reason: null });
    expect(left.statusCode, left.body).toBe(200);
    expect(await mailsTo(cas.email, since)).toHaveLength(0);
  });
});
