import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  introduction,
  mailOutbox,
  mentoringRequest,
  notification,
  relationshipMentee,
} from '../../db/schema.js';
import { createPerson, signedIn, signIn, type TestPerson } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/context.js';

/**
 * What accepting keeps and closes: the reasons why two people clicked, kept on the relationship
 * in both languages at the moment of acceptance (requests and introductions), and "mentor full":
 * taking a mentor's last place closes their other pending requests in that programme and tells
 * each mentee, who can ask someone else at once.
 */
let ctx: TestContext;
const now = new Date('2027-03-01T09:00:00Z');

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

async function person(
  organisationId: string,
  givenName: string,
  profile: { offers?: string[]; wants?: string[]; hobbies?: string[] },
): Promise<Caller> {
  const p = await createPerson(ctx.app, { organisationId, givenName });
  const cookie = await signIn(ctx.app, p.email);
  const saved = await call('PUT', '/api/me/profile', cookie, {
    offers: (profile.offers ?? []).map((skill) => ({ skill, level: 4 })),
    wants: (profile.wants ?? []).map((skill) => ({ skill, level: 2 })),
    hobbies: profile.hobbies ?? [],
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

async function enrol(who: Caller, programme: string, role: 'mentee' | 'mentor', capacity = 1) {
  const response = await call('POST', `/api/programmes/${programme}/enrolment`, who.cookie, {
    role,
    ...(role === 'mentor' ? { capacity } : {}),
    answers: {},
  });
  expect(response.statusCode, response.body).toBe(201);
}

async function createProgramme(name: string, mode = 'participants_choose') {
  const created = await call('POST', '/api/programmes', manager.cookie, {
    name,
    type: 'classic',
    matchingMode: mode,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  await call('POST', `/api/programmes/${id}/publish`, manager.cookie);
  return id;
}

async function ask(from: Caller, to: Caller, programme: string) {
  const sent = await call('POST', `/api/programmes/${programme}/requests`, from.cookie, {
    toPersonId: to.id,
    message: 'Zou jij mijn mentor willen zijn?',
  });
  expect(sent.statusCode, sent.body).toBe(201);
  return sent.json().id as string;
}

const keptOf = async (menteeId: string) => {
  const [row] = await ctx.db
    .select()
    .from(relationshipMentee)
    .where(eq(relationshipMentee.menteeId, menteeId));
  return row!;
};

let org: string;
let manager: Caller;
let programmeId: string;

beforeAll(async () => {
  manager = await signedIn(ctx.app, 'programme_manager');
  org = manager.organisationId;
  programmeId = await createProgramme('Klassiek');
});

describe('reasons kept at acceptance', () => {
  it('keeps the reasons of an accepted request in Dutch and English, as they were then', async () => {
    const mentor = await person(org, 'Anna', {
      offers: ['public-speaking'],
      hobbies: ['Zeilen'],
    });
    const mentee = await person(org, 'Bram', { wants: ['public-speaking'], hobbies: ['Zeilen'] });
    await enrol(mentor, programmeId, 'mentor', 2);
    await enrol(mentee, programmeId, 'mentee');
    const requestId = await ask(mentee, mentor, programmeId);
    const accepted = await call('POST', `/api/requests/${requestId}/accept`, mentor.cookie);
    expect(accepted.statusCode, accepted.body).toBe(200);

    const kept = await keptOf(mentee.id);
    expect(kept.relationshipId).toBe(accepted.json().relationshipId);
    expect(kept.strength).toBeGreaterThan(0);
    expect(kept.reasons.length).toBeGreaterThan(0);
    expect(kept.reasons.length).toBeLessThanOrEqual(5);
    for (const reason of kept.reasons) {
      expect(reason.code).toBeTruthy();
      expect(reason.nl).toBeTruthy();
      expect(reason.en).toBeTruthy();
      expect(reason.nl).not.toBe(reason.en);
    }
    const nl = kept.reasons.map((r) => r.nl).join(' ');
    const en = kept.reasons.map((r) => r.en).join(' ');
    expect(nl.toLowerCase()).toContain('zeilen');
    expect(nl).toContain('Presenteren');
    // Written for both readers alike: names, not "you".
    expect(en).toMatch(/Anna/);
    expect(en).not.toMatch(/\byou\b/i);

    // A later change of profile does not change what was kept.
    await call('PUT', '/api/me/profile', mentee.cookie, {
      offers: [],
      wants: [],
      hobbies: [],
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
    expect((await keptOf(mentee.id)).reasons).toEqual(kept.reasons);
  });

  it('keeps the reasons of an introduction both accepted', async () => {
    const introProgramme = await createProgramme('Introducties', 'manager_proposes');
    const mentor = await person(org, 'Cas', { offers: ['negotiating'], hobbies: ['Koken'] });
    const mentee = await person(org, 'Dewi', { wants: ['negotiating'], hobbies: ['Koken'] });
    await enrol(mentor, introProgramme, 'mentor', 2);
    await enrol(mentee, introProgramme, 'mentee');
    const [row] = await ctx.db
      .insert(introduction)
      .values({
        programmeId: introProgramme,
        organisationId: org,
        menteeId: mentee.id,
        mentorId: mentor.id,
        score: 10,
      })
      .returning();
    for (const who of [mentee, mentor]) {
      const answered = await call('POST', `/api/introductions/${row!.id}/accept`, who.cookie);
      expect(answered.statusCode, answered.body).toBe(200);
    }
    const kept = await keptOf(mentee.id);
    expect(kept.strength).toBeGreaterThan(0);
    expect(
      kept.reasons
        .map((r) => r.nl)
        .join(' ')
        .toLowerCase(),
    ).toContain('koken');
    expect(kept.reasons.map((r) => r.en).join(' ')).toMatch(/both love Koken/i);
  });
});

describe('mentor full', () => {
  it('closes the mentor’s other pending requests in the programme and tells each mentee', async () => {
    const mentor = await person(org, 'Eva', { offers: ['storytelling'] });
    const otherMentor = await person(org, 'Frank', { offers: ['storytelling'] });
    await enrol(mentor, programmeId, 'mentor', 2);
    await enrol(otherMentor, programmeId, 'mentor', 3);
    const mentees: Caller[] = [];
    for (const name of ['Gijs', 'Hanna', 'Ilse', 'Jan']) {
      const m = await person(org, name, { wants: ['storytelling'] });
      await enrol(m, programmeId, 'mentee');
      mentees.push(m);
    }
    const [gijs, hanna, ilse, jan] = mentees as [Caller, Caller, Caller, Caller];
    const toMentor = [gijs, hanna, ilse].map((m) => ask(m, mentor, programmeId));
    const [first, second, third] = await Promise.all(toMentor);
    const toOther = await ask(jan, otherMentor, programmeId);
    // The mentor's request in another programme stays open.
    const elsewhere = await createProgramme('Elders');
    await enrol(mentor, elsewhere, 'mentor', 1);
    const asker = await person(org, 'Kim', { wants: ['storytelling'] });
    await enrol(asker, elsewhere, 'mentee');
    const inOtherProgramme = await ask(asker, mentor, elsewhere);

    // One place of two taken: nothing closes.
    expect((await call('POST', `/api/requests/${first}/accept`, mentor.cookie)).statusCode).toBe(
      200,
    );
    const status = async (id: string) =>
      (await ctx.db.select().from(mentoringRequest).where(eq(mentoringRequest.id, id)))[0]!;
    expect((await status(second!)).status).toBe('pending');
    expect((await status(third!)).status).toBe('pending');

    // The last place: the third request closes as mentor_full, in the same answer.
    expect((await call('POST', `/api/requests/${second}/accept`, mentor.cookie)).statusCode).toBe(
      200,
    );
    expect(await status(third!)).toMatchObject({ status: 'closed', closedReason: 'mentor_full' });
    expect((await status(toOther)).status).toBe('pending');
    expect((await status(inOtherProgramme)).status).toBe('pending');

    // Ilse is told, in the app and by mail, with the way to the programme's suggestions.
    const told = await ctx.db
      .select()
      .from(notification)
      .where(
        and(
          eq(notification.personId, ilse.id),
          eq(notification.kind, 'request_closed_mentor_full'),
        ),
      );
    expect(told).toHaveLength(1);
    expect(told[0]!.payload).toMatchObject({
      programme: 'Klassiek',
      link: `/programmes/${programmeId}/suggestions`,
    });
    expect(told[0]!.payload.mentor).toContain('Eva');
    const mails = await ctx.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, ilse.email));
    expect(mails.some((m) => m.subject.includes('Eva'))).toBe(true);
    const inApp = await ctx.app.inject({
      url: '/api/notifications',
      headers: { cookie: ilse.cookie, 'x-klik-locale': 'en' },
    });
    expect(inApp.json().items[0]).toMatchObject({
      link: `/programmes/${programmeId}/suggestions`,
    });
    expect(inApp.json().items[0].text).toMatch(/no place left/);
    // Nobody else heard of it.
    for (const who of [gijs, hanna, jan, asker]) {
      const other = await ctx.db
        .select()
        .from(notification)
        .where(
          and(
            eq(notification.personId, who.id),
            eq(notification.kind, 'request_closed_mentor_full'),
          ),
        );
      expect(other).toEqual([]);
    }

    // The request's pages say why (both sides), and answering it is refused.
    const detail = (await call('GET', `/api/requests/${third}`, ilse.cookie)).json();
    expect(detail).toMatchObject({ status: 'closed', closedReason: 'mentor_full' });
    const outbox = (await call('GET', '/api/requests?box=outbox', ilse.cookie)).json().items;
    expect(outbox.find((r: { id: string }) => r.id === third)).toMatchObject({
      status: 'closed',
      closedReason: 'mentor_full',
    });
    const inbox = (await call('GET', '/api/requests?box=inbox', mentor.cookie)).json().items;
    expect(inbox.find((r: { id: string }) => r.id === first)).toMatchObject({
      status: 'accepted',
      closedReason: null,
    });
    expect((await call('POST', `/api/requests/${third}/accept`, mentor.cookie)).statusCode).toBe(
      409,
    );

    // Ilse asks someone else at once.
    const next = await call('POST', `/api/programmes/${programmeId}/requests`, ilse.cookie, {
      toPersonId: otherMentor.id,
      message: 'Eva zit vol; wil jij mijn mentor zijn?',
    });
    expect(next.statusCode, next.body).toBe(201);
  });

  it('closes them too when an introduction takes the last place', async () => {
    const introProgramme = await createProgramme('Voorstellen', 'manager_proposes');
    const mentor = await person(org, 'Lot', { offers: ['negotiating'] });
    const mentee = await person(org, 'Mo', { wants: ['negotiating'] });
    const waiting = await person(org, 'Noor', { wants: ['negotiating'] });
    await enrol(mentor, introProgramme, 'mentor', 1);
    await enrol(mentee, introProgramme, 'mentee');
    await enrol(waiting, introProgramme, 'mentee');
    // A request from before the programme let its manager propose (sending one is refused now).
    const [request] = await ctx.db
      .insert(mentoringRequest)
      .values({
        programmeId: introProgramme,
        organisationId: org,
        fromPersonId: waiting.id,
        toPersonId: mentor.id,
        menteeId: waiting.id,
        mentorId: mentor.id,
        message: 'Van voor de voorstellen',
        expiresAt: new Date(now.getTime() + 5 * 86_400_000),
      })
      .returning();
    const [row] = await ctx.db
      .insert(introduction)
      .values({
        programmeId: introProgramme,
        organisationId: org,
        menteeId: mentee.id,
        mentorId: mentor.id,
        score: 10,
      })
      .returning();
    for (const who of [mentor, mentee]) {
      const answered = await call('POST', `/api/introductions/${row!.id}/accept`, who.cookie);
      expect(answered.statusCode, answered.body).toBe(200);
    }
    const [closed] = await ctx.db
      .select()
      .from(mentoringRequest)
      .where(eq(mentoringRequest.id, request!.id));
    expect(closed).toMatchObject({ status: 'closed', closedReason: 'mentor_full' });
    const told = await ctx.db
      .select()
      .from(notification)
      .where(
        and(
          eq(notification.personId, waiting.id),
          eq(notification.kind, 'request_closed_mentor_full'),
        ),
      );
    expect(told).toHaveLength(1);
  });

  it('never leaves a request waiting on a full mentor when it is sent while the last place is taken', async () => {
    const programme = await createProgramme('Race om de laatste plek');
    const mentor = await person(org, 'Rosa', { offers: ['public-speaking'] });
    const first = await person(org, 'Sem', { wants: ['public-speaking'] });
    const second = await person(org, 'Tess', { wants: ['public-speaking'] });
    await enrol(mentor, programme, 'mentor', 1);
    await enrol(first, programme, 'mentee');
    await enrol(second, programme, 'mentee');
    const requestId = await ask(first, mentor, programme);
    // The accept and the second request race for the one place, again and again would be the
    // same: whichever wins, the second request is refused or closed as mentor_full.
    const [, sent] = await Promise.all([
      call('POST', `/api/requests/${requestId}/accept`, mentor.cookie),
      call('POST', `/api/programmes/${programme}/requests`, second.cookie, {
        toPersonId: mentor.id,
        message: 'Heb jij nog plek?',
      }),
    ]);
    const waiting = await ctx.db
      .select()
      .from(mentoringRequest)
      .where(
        and(eq(mentoringRequest.programmeId, programme), eq(mentoringRequest.menteeId, second.id)),
      );
    if (sent.statusCode === 201) {
      expect(waiting).toHaveLength(1);
      expect(waiting[0]).toMatchObject({ status: 'closed', closedReason: 'mentor_full' });
    } else {
      expect(sent.statusCode, sent.body).toBe(422);
      expect(waiting).toHaveLength(0);
    }
  });
});
