import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox, notification } from '../../db/schema.js';
import { createPerson, signedIn, signIn, type TestPerson } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { runDueJobs } from '../jobs/runner.js';
import { createUnsubscribeToken } from './token.js';

/**
 * Unsubscribing from reminder mail without signing in: the token from the mail is the only
 * permission; the one-click POST (RFC 8058) works without a session and without an Origin; the
 * in-app notification goes on; subscribing again brings the mail back.
 */
let ctx: TestContext;
let now = new Date('2032-02-02T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
type Caller = TestPerson & { cookie: string };
let org: string;
let programmeId: string;
let mentor: Caller;

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: unknown) =>
  ctx.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

async function participant(role: 'mentee' | 'mentor'): Promise<Caller> {
  const p = await createPerson(ctx.app, { organisationId: org });
  const cookie = await signIn(ctx.app, p.email);
  const saved = await call('PUT', '/api/me/profile', cookie, {
    offers: role === 'mentor' ? [{ skill: 'public-speaking', level: 4 }] : [],
    wants: role === 'mentee' ? [{ skill: 'public-speaking', level: 2 }] : [],
    hobbies: [],
    experiences: [],
    values: [],
    tags: [],
    languages: ['nl'],
    availability: [[33, 36]],
    timeZone: 'Europe/Amsterdam',
    meetingMode: 'either',
    place: null,
    about: '',
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const enrolled = await call('POST', `/api/programmes/${programmeId}/enrolment`, cookie, {
    role,
    ...(role === 'mentor' ? { capacity: 5 } : {}),
    answers: {},
  });
  expect(enrolled.statusCode, enrolled.body).toBe(201);
  return { ...p, cookie };
}

/** A new mentee asks the mentor; the reminder job runs halfway. Returns the reminder's mail row. */
async function remindMentor() {
  const mentee = await participant('mentee');
  const sent = await call('POST', `/api/programmes/${programmeId}/requests`, mentee.cookie, {
    toPersonId: mentor.id,
    message: 'Mag ik je iets vragen?',
  });
  expect(sent.statusCode, sent.body).toBe(201);
  const start = now;
  now = new Date(start.getTime() + 5 * DAY + 1000);
  await runDueJobs(ctx.db, ctx.app.jobHandlers, now);
  const reminders = await ctx.db
    .select()
    .from(notification)
    .where(and(eq(notification.personId, mentor.id), eq(notification.kind, 'request_reminder')));
  const [mail] = await ctx.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, mentor.email))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  // Later requests start from the moved clock: each reminder is due after its own request.
  return { reminders: reminders.length, mail };
}

const sign = (value: string) => ctx.app.mailer.sign(value);

beforeAll(async () => {
  ctx = await createTestContext({}, { clock: () => now });
  const manager = await signedIn(ctx.app, 'programme_manager');
  org = manager.organisationId;
  const created = await call('POST', '/api/programmes', manager.cookie, {
    name: 'Herinneringen',
    type: 'classic',
    requestExpiryDays: 10,
  });
  programmeId = created.json().id;
  await call('POST', `/api/programmes/${programmeId}/publish`, manager.cookie);
  mentor = await participant('mentor');
});
afterAll(async () => ctx.close());

describe('unsubscribe', () => {
  let token: string;

  it('puts the one-click headers and the page link on a reminder', async () => {
    const { reminders, mail } = await remindMentor();
    expect(reminders).toBe(1);
    expect(mail?.subject).toMatch(/^Herinnering:/);
    const header = mail!.headers?.['List-Unsubscribe'] ?? '';
    const match = /^<(http:\/\/localhost:3000\/api\/unsubscribe\?token=([^>]+))>$/.exec(header);
    expect(match, header).not.toBeNull();
    token = decodeURIComponent(match![2]!);
    expect(token).toBe(createUnsubscribeToken(sign, mentor.id, 'reminders'));
    expect(mail!.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(mail!.text).toContain(`/unsubscribe?token=${encodeURIComponent(token)}`);
  });

  it('says what the link stops without signing in: the category and a masked address', async () => {
    const response = await ctx.app.inject({
      url: `/api/unsubscribe?token=${encodeURIComponent(token)}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toEqual({
      category: 'reminders',
      email: `${mentor.email[0]}•••@example.test`,
      isUnsubscribed: false,
    });
    expect(response.body).not.toContain(mentor.email);
    expect(response.body).not.toContain(mentor.id);
  });

  it('sends a browser that opens the header address to the page, which changes nothing', async () => {
    const response = await ctx.app.inject({
      url: `/api/unsubscribe?token=${encodeURIComponent(token)}`,
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/unsubscribe?token=${encodeURIComponent(token)}`);
    const read = await ctx.app.inject({
      url: `/api/unsubscribe?token=${encodeURIComponent(token)}`,
    });
    expect(read.json().isUnsubscribed).toBe(false);
  });

  it('refuses a missing token with 400 and a wrong or tampered one with 404', async () => {
    const missing = await ctx.app.inject({ method: 'POST', url: '/api/unsubscribe', payload: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('body.token');
    expect((await ctx.app.inject({ url: '/api/unsubscribe' })).statusCode).toBe(400);

    const other = await createPerson(ctx.app, { organisationId: org });
    const [subject, signature] = token.split('.');
    const forged = `${Buffer.from(`${other.id}:reminders`).toString('base64url')}.${signature}`;
    for (const bad of ['nonsense', `${subject}.AAAA`, forged, `${subject}.${signature}.x`]) {
      const response = await ctx.app.inject({
        method: 'POST',
        url: `/api/unsubscribe?token=${encodeURIComponent(bad)}`,
        headers: { origin: undefined },
        payload: {},
      });
      expect(response.statusCode, bad).toBe(404);
      const read = await ctx.app.inject({
        url: `/api/unsubscribe?token=${encodeURIComponent(bad)}`,
      });
      expect(read.statusCode, bad).toBe(404);
    }
    // A signed token for a category that does not exist is refused too.
    const unknown = `${Buffer.from(`${mentor.id}:news`).toString('base64url')}.${sign(`unsubscribe:${mentor.id}:news`)}`;
    expect(
      (await ctx.app.inject({ url: `/api/unsubscribe?token=${encodeURIComponent(unknown)}` }))
        .statusCode,
    ).toBe(404);
  });

  it('keeps refusing other writes without an Origin: the exception is this one route', async () => {
    const response = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/unsubscribe?token=${encodeURIComponent(token)}`,
      headers: { origin: undefined },
    });
    expect(response.statusCode).toBe(403);
    const other = await ctx.app.inject({
      method: 'POST',
      url: '/api/notifications/read',
      headers: { origin: undefined, cookie: mentor.cookie },
    });
    expect(other.statusCode).toBe(403);
  });

  it('unsubscribes with one click (no session, no Origin, a form body), twice without harm', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await ctx.app.inject({
        method: 'POST',
        url: `/api/unsubscribe?token=${encodeURIComponent(token)}`,
        headers: { origin: undefined, 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ category: 'reminders', isUnsubscribed: true });
    }
    const multipart = await ctx.app.inject({
      method: 'POST',
      url: `/api/unsubscribe?token=${encodeURIComponent(token)}`,
      headers: {
        origin: undefined,
        'content-type': 'multipart/form-data; boundary=klik',
      },
      payload:
        '--klik\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--klik--\r\n',
    });
    expect(multipart.statusCode, multipart.body).toBe(200);
  });

  it('sends no reminder mail once unsubscribed, but still the notification in the app', async () => {
    const before = await ctx.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, mentor.email));
    const { reminders } = await remindMentor();
    expect(reminders).toBe(2);
    const after = await ctx.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, mentor.email));
    const newMail = after.filter((row) => !before.some((b) => b.id === row.id));
    // The request itself is mailed (it is not a reminder); the reminder is not.
    expect(newMail.map((row) => row.subject).filter((s) => s.startsWith('Herinnering'))).toEqual(
      [],
    );
    expect(newMail.some((row) => row.subject.includes('vraagt of je mentor wilt zijn'))).toBe(true);
  });

  it('subscribes again from the page (same origin), and reminders are mailed again', async () => {
    const response = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/unsubscribe?token=${encodeURIComponent(token)}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ isUnsubscribed: false });
    const { reminders, mail } = await remindMentor();
    expect(reminders).toBe(3);
    expect(mail?.subject).toMatch(/^Herinnering:/);
    // The page unsubscribes with the token in a JSON body, too.
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/unsubscribe',
      payload: { token },
    });
    expect(again.json()).toMatchObject({ isUnsubscribed: true });
  });
});
