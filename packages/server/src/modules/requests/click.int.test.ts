import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox, notification, relationshipMentee } from '../../db/schema.js';
import { createPerson, signedIn, signIn, type TestPerson } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { runDueJobs } from '../jobs/runner.js';

/**
 * The heart of the product, through HTTP: a programme, enrolled people with profiles, suggestions
 * with reasons, a request, questions, accept/decline, capacity under concurrency, expiry.
 */
let ctx: TestContext;
let now = new Date('2027-03-01T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  ctx = await createTestContext({}, { clock: () => now });
});
afterAll(async () => ctx.close());

type Caller = TestPerson & { cookie: string };
const call = (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
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

async function personWithProfile(
  organisationId: string,
  profile: { offers?: string[]; wants?: string[]; hobbies?: string[]; languages?: string[] },
  extra: { managerId?: string; department?: string; givenName?: string } = {},
): Promise<Caller> {
  const p = await createPerson(ctx.app, { organisationId, ...extra });
  const cookie = await signIn(ctx.app, p.email);
  const saved = await call('PUT', '/api/me/profile', cookie, {
    offers: (profile.offers ?? []).map((skill) => ({ skill, level: 4 })),
    wants: (profile.wants ?? []).map((skill) => ({ skill, level: 3 })),
    hobbies: profile.hobbies ?? [],
    experiences: [],
    values: [],
    tags: [],
    languages: profile.languages ?? ['nl', 'en'],
    availability: [[33, 36]],
    timeZone: 'Europe/Amsterdam',
    meetingMode: 'either',
    place: 'Utrecht',
    about: '',
  });
  expect(saved.statusCode, saved.body).toBe(200);
  return { ...p, cookie };
}

async function enrol(
  caller: Caller,
  programmeId: string,
  role: 'mentee' | 'mentor' | 'both',
  capacity?: number,
) {
  const response = await call('POST', `/api/programmes/${programmeId}/enrolment`, caller.cookie, {
    role,
    ...(capacity ? { capacity } : {}),
    answers: { q1: 'Beter leren presenteren' },
  });
  expect(response.statusCode, response.body).toBe(201);
}

let org: string;
let programmeId: string;
let manager: Caller;
let boss: Caller;
let mentee: Caller;
let mentorA: Caller;
let mentorB: Caller;

beforeAll(async () => {
  const m = await signedIn(ctx.app, 'programme_manager');
  org = m.organisationId;
  manager = m;
  const created = await call('POST', '/api/programmes', manager.cookie, {
    name: 'Klassiek mentoraat',
    type: 'classic',
    questions: [
      { labelNl: 'Wat wil je leren?', labelEn: 'What do you want to learn?', required: true },
    ],
    requestExpiryDays: 10,
  });
  programmeId = created.json().id;
  await call('POST', `/api/programmes/${programmeId}/publish`, manager.cookie);

  boss = await personWithProfile(
    org,
    { offers: ['public-speaking', 'leading-teams'], hobbies: ['Zeilen'] },
    { givenName: 'Boss' },
  );
  mentee = await personWithProfile(
    org,
    { wants: ['public-speaking'], offers: ['social-media'], hobbies: ['Zeilen', 'Koken'] },
    { managerId: boss.id, givenName: 'Mentee' },
  );
  mentorA = await personWithProfile(
    org,
    { offers: ['public-speaking'], wants: ['social-media'], hobbies: ['Zeilen'] },
    { givenName: 'Anna' },
  );
  mentorB = await personWithProfile(
    org,
    { offers: ['public-speaking', 'storytelling'], hobbies: ['Koken'] },
    { givenName: 'Bram' },
  );
  await enrol(boss, programmeId, 'mentor');
  await enrol(mentee, programmeId, 'mentee');
  await enrol(mentorA, programmeId, 'mentor', 1);
  await enrol(mentorB, programmeId, 'mentor', 3);
});

describe('suggestions', () => {
  it('ranks mentors with reasons in the user’s language and never shows someone in the reporting line', async () => {
    const nl = await call(
      'GET',
      `/api/programmes/${programmeId}/suggestions?locale=nl`,
      mentee.cookie,
    );
    expect(nl.statusCode, nl.body).toBe(200);
    const ids = nl.json().items.map((s: { personId: string }) => s.personId);
    expect(ids).toEqual(expect.arrayContaining([mentorA.id, mentorB.id]));
    expect(ids).not.toContain(boss.id);
    const anna = nl.json().items.find((s: { personId: string }) => s.personId === mentorA.id);
    expect(anna.strength).toBeGreaterThan(0);
    expect(anna.reasons.length).toBeGreaterThan(0);
    const text = anna.reasons.map((r: { text: string }) => r.text).join(' | ');
    expect(text.toLowerCase()).toContain('zeilen');
    expect(nl.body).not.toContain('reporting');
    const en = await call(
      'GET',
      `/api/programmes/${programmeId}/suggestions?locale=en`,
      mentee.cookie,
    );
    const annaEn = en.json().items.find((s: { personId: string }) => s.personId === mentorA.id);
    expect(annaEn.reasons.map((r: { text: string }) => r.text).join(' ')).not.toEqual(
      text.replace(/ \| /g, ' '),
    );
  });

  it('filters by skill and search', async () => {
    const response = await call(
      'GET',
      `/api/programmes/${programmeId}/suggestions?skill=storytelling`,
      mentee.cookie,
    );
    expect(response.json().items.map((s: { personId: string }) => s.personId)).toEqual([
      mentorB.id,
    ]);
  });
});

describe('requests', () => {
  it('refuses a request to someone in the reporting line with a clear error', async () => {
    const response = await call('POST', `/api/programmes/${programmeId}/requests`, mentee.cookie, {
      toPersonId: boss.id,
      message: 'Wil jij mijn mentor zijn?',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details[0].field).toBe('body.toPersonId');
    expect(response.body).not.toContain('reporting');
  });

  it('sends, asks a question back, accepts: both see the new relationship', async () => {
    const sent = await call('POST', `/api/programmes/${programmeId}/requests`, mentee.cookie, {
      toPersonId: mentorA.id,
      message: 'Hoi Anna, ik wil graag leren presenteren. Help je me?',
      hopes: 'Zelfverzekerd presenteren voor het MT',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const requestId = sent.json().id;
    const second = await call('POST', `/api/programmes/${programmeId}/requests`, mentee.cookie, {
      toPersonId: mentorB.id,
      message: 'Nog een verzoek tegelijk?',
    });
    expect(second.statusCode).toBe(409);

    const inbox = await call('GET', '/api/requests?box=inbox', mentorA.cookie);
    expect(inbox.json().items.map((r: { id: string }) => r.id)).toContain(requestId);
    const detail = (await call('GET', `/api/requests/${requestId}`, mentorA.cookie)).json();
    expect(detail).toMatchObject({
      direction: 'received',
      myRole: 'mentor',
      status: 'pending',
      hopes: 'Zelfverzekerd presenteren voor het MT',
    });
    expect(detail.reasons.length).toBeGreaterThan(0);
    expect(detail.otherProfile).toMatchObject({
      wants: [{ skill: 'public-speaking', label: 'Presenteren' }],
    });
    expect(detail.otherProfile.interests).toContain('Zeilen');
    const [mail] = await ctx.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, mentorA.email));
    expect(mail?.subject).toContain('mentor');

    const question = await call('POST', `/api/requests/${requestId}/messages`, mentorA.cookie, {
      body: 'Hoe vaak wil je afspreken?',
    });
    expect(question.statusCode).toBe(200);
    const seen = (await call('GET', `/api/requests/${requestId}`, mentee.cookie)).json();
    expect(seen.messages.map((m: { body: string }) => m.body)).toEqual([
      'Hoe vaak wil je afspreken?',
    ]);
    expect(
      (await call('POST', `/api/requests/${requestId}/accept`, mentee.cookie)).statusCode,
    ).toBe(403);

    const accepted = await call('POST', `/api/requests/${requestId}/accept`, mentorA.cookie);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    for (const who of [mentee, mentorA]) {
      const relationships = (await call('GET', '/api/relationships', who.cookie)).json().items;
      expect(relationships).toHaveLength(1);
      expect(relationships[0]).toMatchObject({
        mentor: { id: mentorA.id },
        mentees: [{ id: mentee.id }],
        status: 'active',
      });
      const notes = await ctx.db
        .select()
        .from(notification)
        .where(
          and(eq(notification.personId, who.id), eq(notification.kind, 'relationship_started')),
        );
      expect(notes).toHaveLength(1);
    }
    // The "it clicked" mail says why, in the words kept on the relationship.
    const [kept] = await ctx.db
      .select({ reasons: relationshipMentee.reasons })
      .from(relationshipMentee)
      .where(eq(relationshipMentee.menteeId, mentee.id));
    expect(kept?.reasons.length).toBeGreaterThan(0);
    const clickedMail = (
      await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, mentee.email))
    ).find((m) => m.subject.startsWith('Jullie klikken'));
    expect(clickedMail?.text).toContain(kept!.reasons[0]!.nl);
    // In the app, the notification is written in the language the screen shows, even when the
    // person's saved language is another (a switch being saved must not race the list).
    await call('PATCH', '/api/me', mentee.cookie, { locale: 'nl' });
    const inEnglish = await ctx.app.inject({
      method: 'GET',
      url: '/api/notifications',
      headers: { cookie: mentee.cookie, 'x-klik-locale': 'en' },
    });
    expect(inEnglish.statusCode).toBe(200);
    const started = inEnglish
      .json()
      .items.find((n: { text: string }) => n.text.startsWith('It clicked'));
    // It leads straight into the new relationship's space.
    expect(started).toMatchObject({ isRead: false });
    expect(started.link).toMatch(/^\/mentoring\/[0-9a-f-]{36}$/);
    const inDutch = (await call('GET', '/api/notifications', mentee.cookie)).json().items;
    expect(
      inDutch.some((n: { text: string }) => /^Jullie klikken: .* is begonnen$/.test(n.text)),
    ).toBe(true);
    // Signed out, neither the list nor marking read is reachable.
    expect((await ctx.app.inject({ url: '/api/notifications' })).statusCode).toBe(401);
    expect(
      (await ctx.app.inject({ method: 'POST', url: '/api/notifications/read' })).statusCode,
    ).toBe(401);
    expect((await call('POST', '/api/notifications/read', mentee.cookie)).statusCode).toBe(204);
    const afterRead = (await call('GET', '/api/notifications', mentee.cookie)).json().items;
    expect(afterRead.every((n: { isRead: boolean }) => n.isRead)).toBe(true);
    // Anna is now full: she shows as full, and cannot be asked.
    const other = await personWithProfile(org, { wants: ['public-speaking'] });
    await enrol(other, programmeId, 'mentee');
    const suggestions = (
      await call('GET', `/api/programmes/${programmeId}/suggestions`, other.cookie)
    ).json().items;
    expect(suggestions.find((s: { personId: string }) => s.personId === mentorA.id)?.isFull).toBe(
      true,
    );
    const full = await call('POST', `/api/programmes/${programmeId}/requests`, other.cookie, {
      toPersonId: mentorA.id,
      message: 'Heb je nog plek voor mij?',
    });
    expect(full.statusCode).toBe(422);
  });

  it('lets only one of two racing accepts take a mentor’s last place', async () => {
    const mentorC = await personWithProfile(
      org,
      { offers: ['public-speaking'] },
      { givenName: 'Chris' },
    );
    await enrol(mentorC, programmeId, 'mentor', 1);
    const requestIds: string[] = [];
    for (let i = 0; i < 2; i++) {
      const m = await personWithProfile(org, { wants: ['public-speaking'] });
      await enrol(m, programmeId, 'mentee');
      const sent = await call('POST', `/api/programmes/${programmeId}/requests`, m.cookie, {
        toPersonId: mentorC.id,
        message: 'Mag ik jou als mentor?',
      });
      expect(sent.statusCode, sent.body).toBe(201);
      requestIds.push(sent.json().id);
    }
    const results = await Promise.all(
      requestIds.map((id) => call('POST', `/api/requests/${id}/accept`, mentorC.cookie)),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const relationships = (await call('GET', '/api/relationships', mentorC.cookie)).json().items;
    expect(relationships).toHaveLength(1);
    expect(relationships[0].mentees).toHaveLength(1);
  });

  it('keeps one pending request per mentee even when two are sent at once', async () => {
    const asker = await personWithProfile(org, { wants: ['public-speaking'] });
    await enrol(asker, programmeId, 'mentee');
    const other = await personWithProfile(org, { offers: ['public-speaking'] });
    await enrol(other, programmeId, 'mentor', 2);
    const sent = await Promise.all(
      [mentorB, other].map((to) =>
        call('POST', `/api/programmes/${programmeId}/requests`, asker.cookie, {
          toPersonId: to.id,
          message: 'Tegelijk verstuurd',
        }),
      ),
    );
    expect(sent.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('declines with a private reason: the requester is free to ask someone else', async () => {
    const asker = await personWithProfile(org, { wants: ['storytelling'] });
    await enrol(asker, programmeId, 'mentee');
    const sent = (
      await call('POST', `/api/programmes/${programmeId}/requests`, asker.cookie, {
        toPersonId: mentorB.id,
        message: 'Wil je mij helpen met verhalen vertellen?',
      })
    ).json();
    const declined = await call('POST', `/api/requests/${sent.id}/decline`, mentorB.cookie, {
      reason: 'Te druk dit kwartaal',
    });
    expect(declined.json()).toMatchObject({
      status: 'declined',
      declineReason: 'Te druk dit kwartaal',
    });
    const seenByAsker = (await call('GET', `/api/requests/${sent.id}`, asker.cookie)).json();
    expect(seenByAsker).toMatchObject({ status: 'declined', declineReason: null });
    expect(JSON.stringify(seenByAsker)).not.toContain('Te druk');
    const next = await call('POST', `/api/programmes/${programmeId}/requests`, asker.cookie, {
      toPersonId: mentorB.id,
      message: 'Misschien later toch?',
    });
    expect(next.statusCode).toBe(201);
  });

  it('reminds halfway and expires after the programme’s days, via the job runner', async () => {
    const asker = await personWithProfile(org, { wants: ['public-speaking'] });
    await enrol(asker, programmeId, 'mentee');
    const mentorD = await personWithProfile(org, { offers: ['public-speaking'] });
    await enrol(mentorD, programmeId, 'mentor');
    const sent = (
      await call('POST', `/api/programmes/${programmeId}/requests`, asker.cookie, {
        toPersonId: mentorD.id,
        message: 'Zou jij mijn mentor willen zijn?',
      })
    ).json();
    const start = now;
    try {
      now = new Date(start.getTime() + 4 * DAY);
      await runDueJobs(ctx.db, ctx.app.jobHandlers, now);
      const early = await ctx.db
        .select()
        .from(notification)
        .where(
          and(eq(notification.personId, mentorD.id), eq(notification.kind, 'request_reminder')),
        );
      expect(early).toHaveLength(0);
      now = new Date(start.getTime() + 5 * DAY + 1000);
      await runDueJobs(ctx.db, ctx.app.jobHandlers, now);
      const reminded = await ctx.db
        .select()
        .from(notification)
        .where(
          and(eq(notification.personId, mentorD.id), eq(notification.kind, 'request_reminder')),
        );
      expect(reminded).toHaveLength(1);
      now = new Date(start.getTime() + 10 * DAY + 1000);
      await runDueJobs(ctx.db, ctx.app.jobHandlers, now);
      expect((await call('GET', `/api/requests/${sent.id}`, asker.cookie)).json().status).toBe(
        'expired',
      );
      expect(
        (await call('POST', `/api/requests/${sent.id}/accept`, mentorD.cookie)).statusCode,
      ).toBe(422);
      const again = await call('POST', `/api/programmes/${programmeId}/requests`, asker.cookie, {
        toPersonId: mentorD.id,
        message: 'Nog een keer proberen?',
      });
      expect(again.statusCode).toBe(201);
    } finally {
      now = start;
    }
  });
});

describe('mentors offer', () => {
  it('lets a mentor offer, tells the mentee it is an offer, and the mentee accepts', async () => {
    const created = await call('POST', '/api/programmes', manager.cookie, {
      name: 'Mentoren bieden aan',
      type: 'classic',
      matchingMode: 'mentors_offer',
      questions: [
        { labelNl: 'Wat wil je leren?', labelEn: 'What do you want to learn?', required: true },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const offerProgramme = created.json().id;
    await call('POST', `/api/programmes/${offerProgramme}/publish`, manager.cookie);
    const mentor = await personWithProfile(org, { offers: ['negotiating'] }, { givenName: 'Olga' });
    const learner = await personWithProfile(org, { wants: ['negotiating'] });
    await enrol(mentor, offerProgramme, 'mentor', 2);
    await enrol(learner, offerProgramme, 'mentee');

    // In this mode a mentee does not ask; the mentor offers.
    const asked = await call('POST', `/api/programmes/${offerProgramme}/requests`, learner.cookie, {
      toPersonId: mentor.id,
      message: 'Wil je mijn mentor zijn?',
    });
    expect(asked.statusCode).toBe(422);
    const offered = await call(
      'POST',
      `/api/programmes/${offerProgramme}/requests`,
      mentor.cookie,
      {
        toPersonId: learner.id,
        message: 'Ik help je graag met onderhandelen.',
      },
    );
    expect(offered.statusCode, offered.body).toBe(201);

    const told = await ctx.app.inject({
      method: 'GET',
      url: '/api/notifications',
      headers: { cookie: learner.cookie, 'x-klik-locale': 'nl' },
    });
    expect(told.json().items[0].text).toMatch(/^Olga .* biedt aan je mentor te zijn in Mentoren/);

    const accepted = await call(
      'POST',
      `/api/requests/${offered.json().id}/accept`,
      learner.cookie,
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    const relationships = (await call('GET', '/api/relationships', learner.cookie)).json().items;
    expect(relationships).toHaveLength(1);
    expect(relationships[0]).toMatchObject({
      myRole: 'mentee',
      mentor: { id: mentor.id },
      programme: { id: offerProgramme },
    });
  });
});

describe('another organisation’s member', () => {
  it('gets 404 on every programme, enrolment, suggestion and request route', async () => {
    const outsider = await signedIn(ctx.app, 'programme_manager');
    const asker = await personWithProfile(org, { wants: ['public-speaking'] });
    await enrol(asker, programmeId, 'mentee');
    const target = await personWithProfile(org, { offers: ['public-speaking'] });
    await enrol(target, programmeId, 'mentor');
    const sent = (
      await call('POST', `/api/programmes/${programmeId}/requests`, asker.cookie, {
        toPersonId: target.id,
        message: 'Een verzoek om te testen',
      })
    ).json();
    const attempts = await Promise.all([
      call('GET', `/api/programmes/${programmeId}`, outsider.cookie),
      call('GET', `/api/programmes/${programmeId}/enrolments`, outsider.cookie),
      call('POST', `/api/programmes/${programmeId}/enrolment`, outsider.cookie, {
        role: 'mentee',
        answers: {},
      }),
      call('DELETE', `/api/programmes/${programmeId}/enrolment`, outsider.cookie),
      call('GET', `/api/programmes/${programmeId}/suggestions`, outsider.cookie),
      call('POST', `/api/programmes/${programmeId}/requests`, outsider.cookie, {
        toPersonId: target.id,
        message: 'Ik kom van buiten',
      }),
      call('GET', `/api/requests/${sent.id}`, outsider.cookie),
      call('POST', `/api/requests/${sent.id}/messages`, outsider.cookie, { body: 'hallo' }),
      call('POST', `/api/requests/${sent.id}/accept`, outsider.cookie),
      call('POST', `/api/requests/${sent.id}/decline`, outsider.cookie, {}),
      call('POST', `/api/requests/${sent.id}/withdraw`, outsider.cookie),
    ]);
    for (const response of attempts) {
      expect(response.statusCode, response.body).toBe(404);
      expect(response.body).not.toContain('Een verzoek om te testen');
    }
    expect((await call('GET', '/api/requests?box=inbox', outsider.cookie)).json().items).toEqual(
      [],
    );
    expect((await call('GET', '/api/relationships', outsider.cookie)).json().items).toEqual([]);
  });

  it('cannot even see that a colleague in the same organisation sent a request to someone else', async () => {
    const bystander = await personWithProfile(org, { wants: ['public-speaking'] });
    const inbox = (await call('GET', '/api/requests?box=inbox', bystander.cookie)).json().items;
    expect(inbox).toEqual([]);
  });
});
