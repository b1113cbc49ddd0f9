import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment } from 'mailparser';
import { runDueJobs } from '../jobs/runner.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import {
  caller,
  openRelationship,
  organisationWithProgramme,
  parseCalendar,
  participant,
  type Caller,
} from '../../test/meetings.js';
import { SmtpReceiver, type ReceivedMessage } from '../../test/smtp-receiver.js';

/**
 * Meeting invitations as people receive them: sent through a real SMTP server started here
 * (`smtp-server`), parsed as a mail client would (`mailparser`), the .ics read back (`ical.js`).
 */
let ctx: TestContext;
const smtp = new SmtpReceiver();
const now = new Date('2026-12-01T09:00:00Z');
let call: ReturnType<typeof caller>;
let mentor: Caller;
let mentee: Caller;
let relationshipId: string;

beforeAll(async () => {
  await smtp.start();
  ctx = await createTestContext({ smtpUrl: smtp.url }, { clock: () => now });
  call = caller(ctx.app);
  const org = await organisationWithProgramme(ctx.app);
  mentor = await participant(ctx.app, org.organisationId, 'Marit', 'nl');
  mentee = await participant(ctx.app, org.organisationId, 'Emil', 'en');
  relationshipId = await openRelationship(ctx.app, {
    organisationId: org.organisationId,
    programmeId: org.programmeId,
    mentorId: mentor.id,
    menteeIds: [mentee.id],
  });
}, 120_000);
afterAll(async () => {
  await ctx?.close();
  await smtp.close();
});

/** Lets the delivery job run: the kick after an answer, then anything due. */
async function deliver() {
  await ctx.app.jobs.idle();
  await runDueJobs(ctx.db, ctx.app.jobHandlers, now);
}

/** The one message that arrived for an address since `count` messages had arrived for it. */
function newMessageFor(address: string, before: number): ReceivedMessage {
  const messages = smtp.to(address);
  expect(messages).toHaveLength(before + 1);
  return messages[before]!;
}

function calendarParts(message: ReceivedMessage): Attachment[] {
  return message.parsed.attachments.filter((a) => a.contentType === 'text/calendar');
}

describe('meeting invitations over SMTP', () => {
  it('arrive as real mail in the recipient’s language with an .ics that calendars read', async () => {
    const base = `/api/relationships/${relationshipId}/meetings`;
    const planned = await call('POST', base, mentee, {
      date: '2026-12-10',
      time: '14:00',
      timeZone: 'Europe/Amsterdam',
      durationMinutes: 60,
      place: 'Koffiecorner',
      videoUrl: 'https://meet.example.test/klik-abc',
      agenda: 'De pitch oefenen',
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const meetingId = planned.json().id as string;
    await deliver();

    // The mentor reads Dutch.
    const invitation = newMessageFor(mentor.email, 0);
    const mail = invitation.parsed;
    expect(mail.subject).toBe(
      'Emil Tester heeft een afspraak gepland: 2026-12-10 14:00 (Europe/Amsterdam)',
    );
    expect(mail.text).toContain('Hallo Marit');
    expect(mail.text).toContain('donderdag 10 december 2026, 14:00–15:00 (Europe/Amsterdam)');
    expect(mail.text).toContain('Waar: Koffiecorner');
    expect(mail.text).toContain('Agenda: De pitch oefenen');
    expect(mail.text).toContain(`http://localhost:3000/mentoring/${relationshipId}`);
    expect(mail.html).toContain('donderdag 10 december 2026');
    const parts = calendarParts(invitation);
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.some((p) => p.filename === 'invite.ics')).toBe(true);
    for (const part of parts) {
      expect(part.contentType).toBe('text/calendar');
      const [event] = parseCalendar(part.content.toString('utf8'));
      expect(event).toMatchObject({
        method: 'REQUEST',
        uid: `${meetingId}@klik`,
        sequence: 0,
        startTzid: 'Europe/Amsterdam',
        startUtc: '2026-12-10T13:00:00.000Z',
        summary: 'Mentorgesprek met Emil Tester',
        organizer: { email: mentee.email, name: 'Emil Tester' },
      });
    }
    // The raw message says METHOD on its calendar part, as calendar clients expect.
    expect(invitation.raw).toMatch(
      /Content-Type: text\/calendar; (charset=utf-8; )?method=REQUEST/i,
    );

    // The mentor moves it; the mentee reads English and gets the new version.
    const changed = await call('PATCH', `${base}/${meetingId}`, mentor, { time: '15:00' });
    expect(changed.statusCode, changed.body).toBe(200);
    await deliver();
    const update = newMessageFor(mentee.email, 0);
    expect(update.parsed.subject).toBe(
      'Marit Tester changed your meeting: 2026-12-10 15:00 (Europe/Amsterdam)',
    );
    expect(update.parsed.text).toContain('Hello Emil');
    expect(update.parsed.text).toMatch(/Thursday,? 10 December 2026, 15:00–16:00/);
    const [moved] = parseCalendar(calendarParts(update)[0]!.content.toString('utf8'));
    expect(moved).toMatchObject({
      method: 'REQUEST',
      uid: `${meetingId}@klik`,
      sequence: 1,
      startUtc: '2026-12-10T14:00:00.000Z',
      summary: 'Mentoring meeting with Marit Tester',
    });

    // The mentee cancels; the mentor gets the cancellation.
    const cancelled = await call('POST', `${base}/${meetingId}/cancel`, mentee);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    await deliver();
    const cancellation = newMessageFor(mentor.email, 1);
    expect(cancellation.parsed.subject).toContain('heeft de afspraak van');
    const [off] = parseCalendar(calendarParts(cancellation)[0]!.content.toString('utf8'));
    expect(off).toMatchObject({
      method: 'CANCEL',
      uid: `${meetingId}@klik`,
      sequence: 2,
      status: 'CANCELLED',
    });
    expect(cancellation.raw).toMatch(/method=CANCEL/i);
  });
});
