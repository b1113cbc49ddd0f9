import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, mailOutbox, user } from '../../db/schema.js';
import {
  createPerson,
  createPlatformAdmin,
  signedIn,
  signIn,
  type TestPerson,
} from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/context.js';

/**
 * Names come from HR: nobody renames themselves through better-auth, what others read (in-app
 * notifications, mail) carries the directory's name, and the one thing a person chooses — a
 * preferred first name — is shown beside the HR name and audited.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

type Caller = TestPerson & { cookie: string };
const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  cookie: string,
  payload?: object,
) =>
  ctx.app.inject({
    method,
    url,
    headers: { cookie, 'x-klik-locale': 'en' },
    ...(payload === undefined ? {} : { payload }),
  });

let manager: Caller;
let sanne: Caller;
let mentor: Caller;
let programmeId: string;

async function withProfile(caller: Caller, offers: string[], wants: string[]) {
  const saved = await call('PUT', '/api/me/profile', caller.cookie, {
    offers: offers.map((skill) => ({ skill, level: 4 })),
    wants: wants.map((skill) => ({ skill, level: 3 })),
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
}

beforeAll(async () => {
  manager = await signedIn(ctx.app, 'programme_manager');
  const org = manager.organisationId;
  const s = await createPerson(ctx.app, {
    organisationId: org,
    givenName: 'Sanne',
    familyName: 'de Vries',
  });
  sanne = { ...s, cookie: await signIn(ctx.app, s.email) };
  const m = await createPerson(ctx.app, { organisationId: org, givenName: 'Bram' });
  mentor = { ...m, cookie: await signIn(ctx.app, m.email) };
  await withProfile(sanne, [], ['public-speaking']);
  await withProfile(mentor, ['public-speaking'], []);
  const created = await call('POST', '/api/programmes', manager.cookie, {
    name: 'Namen',
    type: 'classic',
    questions: [],
    requestExpiryDays: 10,
  });
  expect(created.statusCode, created.body).toBe(201);
  programmeId = created.json().id;
  await call('POST', `/api/programmes/${programmeId}/publish`, manager.cookie);
  for (const [who, role] of [
    [sanne, 'mentee'],
    [mentor, 'mentor'],
  ] as const) {
    const enrolled = await call('POST', `/api/programmes/${programmeId}/enrolment`, who.cookie, {
      role,
      answers: {},
    });
    expect(enrolled.statusCode, enrolled.body).toBe(201);
  }
});

async function notificationTexts(caller: Caller): Promise<string[]> {
  const list = await call('GET', '/api/notifications', caller.cookie);
  expect(list.statusCode).toBe(200);
  return list.json().items.map((n: { text: string }) => n.text);
}

describe('renaming oneself through better-auth', () => {
  it('is refused in the error shape, and the name stays the HR name', async () => {
    for (const url of [
      '/api/auth/update-user',
      '/api/auth/update-user/',
      '/api/auth/Update-User',
      '/api/auth/change-email',
    ]) {
      const response = await call('POST', url, sanne.cookie, {
        name: 'Sanne de Vries (HR)',
        email: 'sanne@evil.test',
        image: 'https://evil.test/me.png',
      });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.json().error.code, url).toBeTruthy();
    }
    const refused = await call('POST', '/api/auth/update-user', sanne.cookie, { name: 'X' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'forbidden' });
    expect(refused.json().error.message).toContain('preferred first name');

    const me = (await call('GET', '/api/me', sanne.cookie)).json();
    expect(me.user.name).toBe('Sanne de Vries');
    expect(me.user.email).toBe(sanne.email);
    const [row] = await ctx.db.select().from(user).where(eq(user.id, sanne.userId));
    expect(row!.name).toBe('Sanne de Vries');
    expect(row!.image).toBeNull();
  });

  it('is refused even when better-auth is called inside the server, past the bridge', async () => {
    await expect(
      ctx.app.auth.api.updateUser({
        headers: new Headers({ cookie: sanne.cookie }),
        body: { name: 'Sanne de Vries (HR)' },
      }),
    ).rejects.toThrow('Set by the organisation directory');
    const [row] = await ctx.db.select().from(user).where(eq(user.id, sanne.userId));
    expect(row!.name).toBe('Sanne de Vries');
  });

  it('a notification (and its mail) after the attempt carries the HR name', async () => {
    const sent = await call('POST', `/api/programmes/${programmeId}/requests`, sanne.cookie, {
      toPersonId: mentor.id,
      message: 'Hoi Bram, wil jij mijn mentor zijn? Ik wil leren presenteren.',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const texts = await notificationTexts(mentor);
    const asked = texts.find((t) => t.includes('asks you to be their mentor'));
    expect(asked).toBe('Sanne de Vries asks you to be their mentor in Namen');
    expect(texts.join(' ')).not.toContain('(HR)');
    const mails = await ctx.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, mentor.email));
    for (const mail of mails) {
      expect(mail.subject + mail.text).not.toContain('(HR)');
    }
    // Withdraw, so later tests can send again.
    const requestId = sent.json().id;
    const withdrawn = await call('POST', `/api/requests/${requestId}/withdraw`, sanne.cookie, {});
    expect(withdrawn.statusCode, withdrawn.body).toBeLessThan(300);
  });
});

describe('the preferred first name', () => {
  it('is set through PATCH /api/me (trimmed), shown beside the HR name and audited', async () => {
    const response = await call('PATCH', '/api/me', sanne.cookie, { preferredName: '  Sas  ' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().user).toMatchObject({
      name: 'Sanne de Vries',
      displayName: 'Sas (Sanne de Vries)',
    });
    expect(response.json().membership).toMatchObject({
      givenName: 'Sanne',
      familyName: 'de Vries',
      preferredName: 'Sas',
    });
    const audit = await ctx.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.subjectId, sanne.id),
          eq(auditEvent.action, 'person.preferred_name_changed'),
        ),
      );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      organisationId: sanne.organisationId,
      actorUserId: sanne.userId,
      subjectType: 'person',
      details: { from: null, to: 'Sas' },
    });
    // Saving the same name again changes nothing and writes no second event.
    await call('PATCH', '/api/me', sanne.cookie, { preferredName: 'Sas' });
    const again = await ctx.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, 'person.preferred_name_changed'));
    expect(again.filter((e) => e.subjectId === sanne.id)).toHaveLength(1);
  });

  it('is what others see, always with the HR name beside it', async () => {
    const sent = await call('POST', `/api/programmes/${programmeId}/requests`, sanne.cookie, {
      toPersonId: mentor.id,
      message: 'Hoi Bram, nog een keer: wil jij mijn mentor zijn? Graag!',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const texts = await notificationTexts(mentor);
    expect(texts).toContain('Sas (Sanne de Vries) asks you to be their mentor in Namen');
    // The people directory shows it too.
    const admin = await signedIn(ctx.app, 'org_admin', sanne.organisationId);
    const person = await call('GET', `/api/people/${sanne.id}`, admin.cookie);
    expect(person.statusCode, person.body).toBe(200);
    expect(person.json()).toMatchObject({
      name: 'Sanne de Vries',
      preferredName: 'Sas',
      displayName: 'Sas (Sanne de Vries)',
    });
  });

  it('an empty value clears it (audited), and the locale alone still saves as before', async () => {
    const cleared = await call('PATCH', '/api/me', sanne.cookie, { preferredName: '   ' });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().membership.preferredName).toBeNull();
    expect(cleared.json().user.displayName).toBe('Sanne de Vries');
    const events = await ctx.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, 'person.preferred_name_changed'));
    expect(events.filter((e) => e.subjectId === sanne.id).map((e) => e.details)).toEqual(
      expect.arrayContaining([{ from: 'Sas', to: null }]),
    );
    const locale = await call('PATCH', '/api/me', sanne.cookie, { locale: 'en' });
    expect(locale.statusCode).toBe(200);
    expect(locale.json().user.locale).toBe('en');
    expect(locale.json().membership.preferredName).toBeNull();
  });

  it('refuses a name that is too long or holds control characters: 400 naming the field', async () => {
    for (const preferredName of ['x'.repeat(41), 'Sas\u0000', 'Sas\nde Baas']) {
      const response = await call('PATCH', '/api/me', sanne.cookie, { preferredName });
      expect(response.statusCode, JSON.stringify(preferredName)).toBe(400);
      expect(response.json().error.details[0].field).toBe('body.preferredName');
    }
    const tooLong = await call('PATCH', '/api/me', sanne.cookie, { preferredName: 'x'.repeat(41) });
    expect(tooLong.json().error.details[0].message).toContain('at most 40 characters');
    expect((await call('GET', '/api/me', sanne.cookie)).json().membership.preferredName).toBeNull();
  });

  it('is for members only: a platform admin without an organisation gets 403; signed out 401', async () => {
    const admin = await createPlatformAdmin(ctx.app);
    const cookie = await signIn(ctx.app, admin.email);
    const response = await call('PATCH', '/api/me', cookie, { preferredName: 'Admin' });
    expect(response.statusCode).toBe(403);
    const signedOut = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/me',
      payload: { preferredName: 'Sas' },
    });
    expect(signedOut.statusCode).toBe(401);
  });
});

describe('GET /api/me', () => {
  it('is answered from the resolved caller: no query once the caller is known, a change shows at once', async () => {
    const first = await call('GET', '/api/me', sanne.cookie);
    expect(first.statusCode, first.body).toBe(200);
    const before = ctx.database.stats.queries;
    const again = await call('GET', '/api/me', sanne.cookie);
    expect(ctx.database.stats.queries - before).toBe(0);
    expect(again.json()).toEqual(first.json());
    expect(again.json().membership).toMatchObject({
      personId: sanne.id,
      givenName: 'Sanne',
      familyName: 'de Vries',
      organisation: { id: sanne.organisationId, name: expect.any(String) },
    });

    // A write clears the cached caller: the next answer carries the new name.
    const changed = await call('PATCH', '/api/me', sanne.cookie, { preferredName: 'Zus' });
    expect(changed.json().membership.preferredName).toBe('Zus');
    const after = (await call('GET', '/api/me', sanne.cookie)).json();
    expect(after.membership.preferredName).toBe('Zus');
    expect(after.user.displayName).toBe('Zus (Sanne de Vries)');
    await call('PATCH', '/api/me', sanne.cookie, { preferredName: null });
    expect((await call('GET', '/api/me', sanne.cookie)).json().membership.preferredName).toBeNull();
  });
});
