import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, signedIn, signIn, type TestPerson } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/context.js';

/**
 * Answers to a programme's questions are seen by those with a reason (the programme's managers,
 * the person asked in a request) and nobody else; one's own enrolment can be changed later.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

type Caller = TestPerson & { cookie: string };
const call = (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  cookie: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) =>
  ctx.app.inject({
    method,
    url,
    headers: { cookie, ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const fieldsOf = (body: { error: { details: { field: string }[] } }) =>
  body.error.details.map((d) => d.field).sort();

async function participant(
  organisationId: string,
  skills: { offers?: string[]; wants?: string[] },
): Promise<Caller> {
  const p = await createPerson(ctx.app, { organisationId });
  const cookie = await signIn(ctx.app, p.email);
  const saved = await call('PUT', '/api/me/profile', cookie, {
    offers: (skills.offers ?? []).map((skill) => ({ skill, level: 4 })),
    wants: (skills.wants ?? []).map((skill) => ({ skill, level: 3 })),
    hobbies: [],
    experiences: [],
    values: [],
    tags: [],
    languages: ['nl', 'en'],
    availability: [[33, 36]],
    timeZone: 'Europe/Amsterdam',
    meetingMode: 'either',
    place: null,
    about: '',
  });
  expect(saved.statusCode, saved.body).toBe(200);
  return { ...p, cookie };
}

async function enrol(caller: Caller, body: Record<string, unknown>) {
  const response = await call(
    'POST',
    `/api/programmes/${programmeId}/enrolment`,
    caller.cookie,
    body,
  );
  expect(response.statusCode, response.body).toBe(201);
}

async function ask(from: Caller, to: Caller): Promise<string> {
  const sent = await call('POST', `/api/programmes/${programmeId}/requests`, from.cookie, {
    toPersonId: to.id,
    message: 'Zou jij mijn mentor willen zijn?',
  });
  expect(sent.statusCode, sent.body).toBe(201);
  return sent.json().id;
}

const sanneHopes = 'Beter leren presenteren voor de directie';
let org: string;
let programmeId: string;
let manager: Caller;
let mentor: Caller;
let sanne: Caller;
let piet: Caller;
let requestId: string;

beforeAll(async () => {
  manager = await signedIn(ctx.app, 'programme_manager');
  org = manager.organisationId;
  const created = await call('POST', '/api/programmes', manager.cookie, {
    name: 'Mentoraat met vragen',
    type: 'classic',
    questions: [
      { labelNl: 'Wat wil je leren?', labelEn: 'What do you want to learn?', required: true },
      { labelNl: 'Nog iets?', labelEn: 'Anything else?', required: false },
    ],
  });
  expect(created.statusCode, created.body).toBe(201);
  programmeId = created.json().id;
  await call('POST', `/api/programmes/${programmeId}/publish`, manager.cookie);

  mentor = await participant(org, { offers: ['public-speaking', 'storytelling'] });
  sanne = await participant(org, { wants: ['public-speaking'] });
  piet = await participant(org, { wants: ['storytelling'] });
  await enrol(mentor, { role: 'mentor', capacity: 3, answers: { q1: 'Anderen laten groeien' } });
  await enrol(sanne, { role: 'mentee', answers: { q1: sanneHopes, q2: 'Liefst op dinsdag' } });
  await enrol(piet, { role: 'mentee', answers: { q1: 'Verhalen vertellen' } });
  requestId = await ask(sanne, mentor);
});

describe('who sees the answers', () => {
  it('shows every enrolment’s answers to the programme’s manager, not to a plain member', async () => {
    const list = await call('GET', `/api/programmes/${programmeId}/enrolments`, manager.cookie);
    expect(list.statusCode, list.body).toBe(200);
    const mine = list.json().items.find((e: { personId: string }) => e.personId === sanne.id);
    expect(mine.answers).toEqual({ q1: sanneHopes, q2: 'Liefst op dinsdag' });
    const plain = await call('GET', `/api/programmes/${programmeId}/enrolments`, piet.cookie);
    expect(plain.statusCode).toBe(403);
    expect(plain.body).not.toContain(sanneHopes);
    // Another organisation's manager does not even find the programme.
    const elsewhere = await signedIn(ctx.app, 'programme_manager');
    const foreign = await call(
      'GET',
      `/api/programmes/${programmeId}/enrolments`,
      elsewhere.cookie,
    );
    expect(foreign.statusCode).toBe(404);
  });

  it('shows the requester’s answers to the person asked, labelled in the screen’s language', async () => {
    const nl = await call('GET', `/api/requests/${requestId}`, mentor.cookie, undefined, {
      'x-klik-locale': 'nl',
    });
    expect(nl.statusCode, nl.body).toBe(200);
    expect(nl.json().otherAnswers).toEqual([
      { questionId: 'q1', question: 'Wat wil je leren?', answer: sanneHopes },
      { questionId: 'q2', question: 'Nog iets?', answer: 'Liefst op dinsdag' },
    ]);
    const en = await call('GET', `/api/requests/${requestId}`, mentor.cookie, undefined, {
      'x-klik-locale': 'en',
    });
    expect(en.json().otherAnswers[0]).toMatchObject({ question: 'What do you want to learn?' });
  });

  it('keeps them from everyone else: the sender sees none of the mentor’s, a bystander gets 404', async () => {
    const sent = await call('GET', `/api/requests/${requestId}`, sanne.cookie);
    expect(sent.statusCode).toBe(200);
    expect(sent.json().otherAnswers).toEqual([]);
    expect(sent.body).not.toContain('Anderen laten groeien');
    const bystander = await call('GET', `/api/requests/${requestId}`, piet.cookie);
    expect(bystander.statusCode).toBe(404);
    expect(bystander.body).not.toContain(sanneHopes);
    const stranger = await signedIn(ctx.app, 'org_admin');
    const foreign = await call('GET', `/api/requests/${requestId}`, stranger.cookie);
    expect(foreign.statusCode).toBe(404);
  });
});

describe('changing one’s enrolment', () => {
  it('updates answers, checked as on enrolling; the wizard reads them back', async () => {
    const bad = await call('PATCH', `/api/programmes/${programmeId}/enrolment`, sanne.cookie, {
      answers: { q1: '   ', nope: 'x' },
    });
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad.json())).toEqual(['body.answers.nope', 'body.answers.q1']);
    const tooLong = await call('PATCH', `/api/programmes/${programmeId}/enrolment`, sanne.cookie, {
      answers: { q1: 'x'.repeat(2001) },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(fieldsOf(tooLong.json())).toEqual(['body.answers.q1']);

    const changed = await call('PATCH', `/api/programmes/${programmeId}/enrolment`, sanne.cookie, {
      answers: { q1: 'Onderhandelen' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ role: 'mentee', answers: { q1: 'Onderhandelen' } });
    const programme = await call('GET', `/api/programmes/${programmeId}`, sanne.cookie);
    expect(programme.json().myEnrolment).toEqual({
      role: 'mentee',
      capacity: null,
      offersGroup: false,
      answers: { q1: 'Onderhandelen' },
    });
    const request = await call('GET', `/api/requests/${requestId}`, mentor.cookie);
    expect(request.json().otherAnswers).toEqual([
      { questionId: 'q1', question: 'Wat wil je leren?', answer: 'Onderhandelen' },
    ]);
  });

  it('updates role and capacity, never below the mentees one mentors now (422 on the field)', async () => {
    expect(
      (await call('POST', `/api/requests/${requestId}/accept`, mentor.cookie)).statusCode,
    ).toBe(200);
    const second = await ask(piet, mentor);
    expect((await call('POST', `/api/requests/${second}/accept`, mentor.cookie)).statusCode).toBe(
      200,
    );

    const below = await call('PATCH', `/api/programmes/${programmeId}/enrolment`, mentor.cookie, {
      capacity: 1,
    });
    expect(below.statusCode).toBe(422);
    expect(fieldsOf(below.json())).toEqual(['body.capacity']);
    expect(below.json().error.message).toContain('2');
    const asMentee = await call(
      'PATCH',
      `/api/programmes/${programmeId}/enrolment`,
      mentor.cookie,
      {
        role: 'mentee',
      },
    );
    expect(asMentee.statusCode).toBe(422);
    expect(fieldsOf(asMentee.json())).toEqual(['body.role']);
    const outOfRange = await call(
      'PATCH',
      `/api/programmes/${programmeId}/enrolment`,
      mentor.cookie,
      { capacity: 0, role: 'boss' },
    );
    expect(outOfRange.statusCode).toBe(400);
    expect(fieldsOf(outOfRange.json())).toEqual(['body.capacity', 'body.role']);

    const ok = await call('PATCH', `/api/programmes/${programmeId}/enrolment`, mentor.cookie, {
      role: 'both',
      capacity: 2,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    // Answers left out are kept.
    expect(ok.json()).toMatchObject({
      role: 'both',
      capacity: 2,
      answers: { q1: 'Anderen laten groeien' },
    });
    const seen = (await call('GET', `/api/programmes/${programmeId}/enrolments`, manager.cookie))
      .json()
      .items.find((e: { personId: string }) => e.personId === mentor.id);
    expect(seen).toMatchObject({ role: 'both', capacity: 2 });

    // A mentee who has a mentor now cannot stop being a mentee.
    const dropMentee = await call(
      'PATCH',
      `/api/programmes/${programmeId}/enrolment`,
      sanne.cookie,
      {
        role: 'mentor',
      },
    );
    expect(dropMentee.statusCode).toBe(422);
    expect(fieldsOf(dropMentee.json())).toEqual(['body.role']);
  });

  it('is one’s own enrolment only: 401 signed out, 404 not enrolled or another organisation', async () => {
    const url = `/api/programmes/${programmeId}/enrolment`;
    const anonymous = await ctx.app.inject({ method: 'PATCH', url, payload: { capacity: 2 } });
    expect(anonymous.statusCode).toBe(401);
    const colleague = await participant(org, { wants: ['public-speaking'] });
    expect((await call('PATCH', url, colleague.cookie, { capacity: 2 })).statusCode).toBe(404);
    const stranger = await signedIn(ctx.app, 'programme_manager');
    const foreign = await call('PATCH', url, stranger.cookie, { answers: { q1: 'Iets' } });
    expect(foreign.statusCode).toBe(404);
    // Nothing changed for the people enrolled.
    const list = (await call('GET', `/api/programmes/${programmeId}/enrolments`, manager.cookie))
      .json()
      .items.map((e: { answers: Record<string, string> }) => e.answers.q1);
    expect(list).not.toContain('Iets');
  });
});

describe('changing one’s role while requests are open', () => {
  const url = () => `/api/programmes/${programmeId}/enrolment`;
  const answers = { q1: 'Samen groeien' };

  it('refuses dropping the mentor side while a request to be mentored is pending; allows it once withdrawn', async () => {
    const anna = await participant(org, {
      offers: ['public-speaking'],
      wants: ['storytelling'],
    });
    const bram = await participant(org, { wants: ['public-speaking'] });
    await enrol(anna, { role: 'both', capacity: 2, answers });
    await enrol(bram, { role: 'mentee', answers });
    const asked = await ask(bram, anna);

    const refused = await call(
      'PATCH',
      url(),
      anna.cookie,
      { role: 'mentee' },
      {
        'x-klik-locale': 'nl',
      },
    );
    expect(refused.statusCode, refused.body).toBe(422);
    expect(fieldsOf(refused.json())).toEqual(['body.role']);
    expect(refused.json().error.details[0].message).toBe(
      'trek je openstaande verzoeken en introducties als mentor eerst in of beantwoord ze',
    );
    const unchanged = (await call('GET', `/api/programmes/${programmeId}`, anna.cookie)).json();
    expect(unchanged.myEnrolment.role).toBe('both');

    const withdrawn = await call('POST', `/api/requests/${asked}/withdraw`, bram.cookie);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const changed = await call('PATCH', url(), anna.cookie, { role: 'mentee' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ role: 'mentee', capacity: null });
  });

  it('refuses dropping the mentee side while one’s own request for a mentor is pending; allows it once declined', async () => {
    const anna = await participant(org, {
      offers: ['storytelling'],
      wants: ['public-speaking'],
    });
    const carla = await participant(org, { offers: ['public-speaking'] });
    await enrol(anna, { role: 'both', capacity: 2, answers });
    await enrol(carla, { role: 'mentor', capacity: 2, answers });
    const asked = await ask(anna, carla);

    const refused = await call(
      'PATCH',
      url(),
      anna.cookie,
      { role: 'mentor' },
      {
        'x-klik-locale': 'en',
      },
    );
    expect(refused.statusCode, refused.body).toBe(422);
    expect(fieldsOf(refused.json())).toEqual(['body.role']);
    expect(refused.json().error.details[0].message).toBe(
      'withdraw or answer your open requests and introductions as mentee first',
    );
    // Keeping the side the request is on is fine.
    const capacity = await call('PATCH', url(), anna.cookie, { capacity: 1 });
    expect(capacity.statusCode, capacity.body).toBe(200);

    const declined = await call('POST', `/api/requests/${asked}/decline`, carla.cookie, {
      reason: null,
    });
    expect(declined.statusCode, declined.body).toBe(200);
    const changed = await call('PATCH', url(), anna.cookie, { role: 'mentor' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ role: 'mentor' });
  });

  it('opens no relationship with someone no longer enrolled in the role the request needs', async () => {
    // Leaving and enrolling again in another role does not pass through the role-change checks.
    const dirk = await participant(org, {
      offers: ['public-speaking'],
      wants: ['storytelling'],
    });
    const eva = await participant(org, { wants: ['public-speaking'] });
    await enrol(dirk, { role: 'both', capacity: 2, answers });
    await enrol(eva, { role: 'mentee', answers });
    const toDirk = await ask(eva, dirk);
    expect((await call('DELETE', url(), dirk.cookie)).statusCode).toBe(204);
    // Leaving closed the request: Eva is not left waiting, and is free to ask someone else.
    const seenByEva = await call('GET', `/api/requests/${toDirk}`, eva.cookie);
    expect(seenByEva.json()).toMatchObject({ status: 'withdrawn' });
    await enrol(dirk, { role: 'mentee', answers });
    const asMentee = await call('POST', `/api/requests/${toDirk}/accept`, dirk.cookie);
    expect(asMentee.statusCode, asMentee.body).toBe(422);

    // A mentee who left the programme is not given a mentor either.
    const fenna = await participant(org, { wants: ['public-speaking'] });
    const gijs = await participant(org, { offers: ['public-speaking'] });
    await enrol(fenna, { role: 'mentee', answers });
    await enrol(gijs, { role: 'mentor', capacity: 2, answers });
    const toGijs = await ask(fenna, gijs);
    expect((await call('DELETE', url(), fenna.cookie)).statusCode).toBe(204);
    const left = await call('POST', `/api/requests/${toGijs}/accept`, gijs.cookie);
    expect(left.statusCode, left.body).toBe(422);

    const relationships = await call('GET', '/api/relationships', eva.cookie);
    expect(relationships.json().items).toEqual([]);
  });
});
