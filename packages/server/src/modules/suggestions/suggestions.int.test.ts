import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolment } from '../../db/schema.js';
import { createPerson, signedIn, signIn, type TestPerson } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/context.js';

/**
 * The rules behind suggestions and requests, through HTTP: nobody in the reporting line (either
 * direction, as many levels as the programme says), no team or department colleagues when the
 * programme says so, filters and search that narrow the list but never reveal an excluded person,
 * full mentors, and another organisation's member. Every test builds its own programme, so the
 * pools are small and the expected lists exact.
 */
let ctx: TestContext;
let org: string;
let manager: TestPerson & { cookie: string };

beforeAll(async () => {
  ctx = await createTestContext();
  manager = await signedIn(ctx.app, 'programme_manager');
  org = manager.organisationId;
});
afterAll(async () => ctx.close());

type Caller = TestPerson & { cookie: string };
type Locale = 'nl' | 'en';
type MeetingMode = 'online' | 'in_person' | 'either';
interface ConflictRules {
  reportingLineLevels: number;
  excludeSameTeam: boolean;
  excludeSameDepartment: boolean;
  excludeEarlierPairs: boolean;
}

const call = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  cookie: string,
  payload?: unknown,
  locale: Locale = 'nl',
) =>
  ctx.app.inject({
    method,
    url,
    headers: { cookie, 'x-klik-locale': locale },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

async function personWithProfile(
  profile: {
    offers?: string[];
    wants?: string[];
    hobbies?: string[];
    languages?: string[];
    place?: string;
    meetingMode?: MeetingMode;
  },
  extra: { managerId?: string; department?: string; team?: string; givenName?: string } = {},
): Promise<Caller> {
  const p = await createPerson(ctx.app, { organisationId: org, ...extra });
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
    meetingMode: profile.meetingMode ?? 'either',
    place: profile.place ?? 'Utrecht',
    about: '',
  });
  expect(saved.statusCode, saved.body).toBe(200);
  return { ...p, cookie };
}

/** A published classic programme in the test organisation; default conflict rules unless given. */
async function createProgramme(
  conflictRules?: ConflictRules,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const created = await call('POST', '/api/programmes', manager.cookie, {
    name: 'Regels en suggesties',
    type: 'classic',
    ...extra,
    questions: [
      { labelNl: 'Wat wil je leren?', labelEn: 'What do you want to learn?', required: true },
    ],
    ...(conflictRules ? { conflictRules } : {}),
  });
  expect(created.statusCode, created.body).toBe(201);
  const id: string = created.json().id;
  if (conflictRules) expect(created.json().conflictRules).toEqual(conflictRules);
  const published = await call('POST', `/api/programmes/${id}/publish`, manager.cookie);
  expect(published.statusCode, published.body).toBe(200);
  return id;
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

async function suggestions(programmeId: string, caller: Caller, query = '') {
  const response = await call(
    'GET',
    `/api/programmes/${programmeId}/suggestions?k=50${query ? `&${query}` : ''}`,
    caller.cookie,
  );
  expect(response.statusCode, response.body).toBe(200);
  return response;
}

/** The suggested person ids, sorted: the tests compare sets, not the ranking. */
async function suggestedIds(programmeId: string, caller: Caller, query = '') {
  const response = await suggestions(programmeId, caller, query);
  return response
    .json()
    .items.map((s: { personId: string }) => s.personId)
    .sort();
}

const sorted = (...people: TestPerson[]) => people.map((p) => p.id).sort();

const ask = (programmeId: string, from: Caller, to: TestPerson, locale: Locale = 'nl') =>
  call(
    'POST',
    `/api/programmes/${programmeId}/requests`,
    from.cookie,
    { toPersonId: to.id, message: 'Wil jij mijn mentor zijn?' },
    locale,
  );

/** A refused request: 422 on the toPersonId field, without saying which rule refused it. */
function expectRefusedWithoutReason(response: Awaited<ReturnType<typeof ask>>) {
  expect(response.statusCode, response.body).toBe(422);
  const { error } = response.json();
  expect(error.details.map((d: { field: string }) => d.field)).toEqual(['body.toPersonId']);
  expect(response.body).not.toMatch(
    /rapportage|reporting|leidinggevende|manager|team|afdeling|department/i,
  );
}

const rules = (overrides: Partial<ConflictRules>): ConflictRules => ({
  reportingLineLevels: 2,
  excludeSameTeam: false,
  excludeSameDepartment: false,
  excludeEarlierPairs: true,
  ...overrides,
});

describe('reporting lines', () => {
  it('never suggests the manager’s manager, and refuses a request to them without saying why', async () => {
    const programmeId = await createProgramme();
    const grandBoss = await personWithProfile(
      { offers: ['public-speaking'] },
      { givenName: 'Grootbaas' },
    );
    const boss = await personWithProfile({}, { managerId: grandBoss.id });
    const mentee = await personWithProfile({ wants: ['public-speaking'] }, { managerId: boss.id });
    const stranger = await personWithProfile({ offers: ['public-speaking'] });
    await enrol(grandBoss, programmeId, 'mentor');
    await enrol(mentee, programmeId, 'mentee');
    await enrol(stranger, programmeId, 'mentor');

    const listed = await suggestions(programmeId, mentee);
    expect(listed.json().items.map((s: { personId: string }) => s.personId)).toEqual([stranger.id]);
    expect(listed.body).not.toContain(grandBoss.id);
    expect(listed.body).not.toContain('Grootbaas');
    // Even asking for exactly what the manager's manager offers does not bring them back.
    expect(await suggestedIds(programmeId, mentee, 'skill=public-speaking')).toEqual([stranger.id]);

    for (const locale of ['nl', 'en'] as const) {
      expectRefusedWithoutReason(await ask(programmeId, mentee, grandBoss, locale));
    }
    // The refusal is about this pair only: the same mentee may ask someone else.
    expect((await ask(programmeId, mentee, stranger)).statusCode).toBe(201);
  });

  it('never suggests a mentor who reports to the mentee, directly or two levels down', async () => {
    const programmeId = await createProgramme();
    const seniorMentee = await personWithProfile({ wants: ['social-media'] });
    const directReport = await personWithProfile(
      { offers: ['social-media'] },
      { managerId: seniorMentee.id },
    );
    const secondLevel = await personWithProfile(
      { offers: ['social-media'] },
      { managerId: directReport.id },
    );
    const outsider = await personWithProfile({ offers: ['social-media'] });
    await enrol(seniorMentee, programmeId, 'mentee');
    await enrol(directReport, programmeId, 'mentor');
    await enrol(secondLevel, programmeId, 'mentor');
    await enrol(outsider, programmeId, 'mentor');

    expect(await suggestedIds(programmeId, seniorMentee)).toEqual([outsider.id]);
    expectRefusedWithoutReason(await ask(programmeId, seniorMentee, directReport, 'en'));
    expectRefusedWithoutReason(await ask(programmeId, seniorMentee, secondLevel, 'en'));
  });

  it('allows three levels away by default, and excludes it when the programme counts three levels', async () => {
    const top = await personWithProfile({ offers: ['budgeting'] }, { givenName: 'Top' });
    const middle = await personWithProfile({}, { managerId: top.id });
    const lead = await personWithProfile({}, { managerId: middle.id });
    const mentee = await personWithProfile({ wants: ['budgeting'] }, { managerId: lead.id });
    const other = await personWithProfile({ offers: ['budgeting'] });

    const byDefault = await createProgramme();
    const strict = await createProgramme(rules({ reportingLineLevels: 3 }));
    for (const programmeId of [byDefault, strict]) {
      await enrol(top, programmeId, 'mentor');
      await enrol(other, programmeId, 'mentor');
      await enrol(mentee, programmeId, 'mentee');
    }

    expect(await suggestedIds(byDefault, mentee)).toEqual(sorted(top, other));
    expect(await suggestedIds(strict, mentee)).toEqual([other.id]);
    expectRefusedWithoutReason(await ask(strict, mentee, top));
    const allowed = await ask(byDefault, mentee, top);
    expect(allowed.statusCode, allowed.body).toBe(201);
  });
});

describe('team and department rules', () => {
  it('excludes colleagues of the same team only when the programme says so', async () => {
    const mentee = await personWithProfile(
      { wants: ['negotiating'] },
      { department: 'Financiën', team: 'Team Noord' },
    );
    const teamMate = await personWithProfile(
      { offers: ['negotiating'] },
      { department: 'Financiën', team: 'Team Noord' },
    );
    const sameDepartment = await personWithProfile(
      { offers: ['negotiating'] },
      { department: 'Financiën', team: 'Team Zuid' },
    );
    const elsewhere = await personWithProfile(
      { offers: ['negotiating'] },
      { department: 'Marketing', team: 'Team West' },
    );
    const open = await createProgramme();
    const noTeam = await createProgramme(rules({ excludeSameTeam: true }));
    for (const programmeId of [open, noTeam]) {
      for (const mentor of [teamMate, sameDepartment, elsewhere]) {
        await enrol(mentor, programmeId, 'mentor');
      }
      await enrol(mentee, programmeId, 'mentee');
    }

    expect(await suggestedIds(open, mentee)).toEqual(sorted(teamMate, sameDepartment, elsewhere));
    expect(await suggestedIds(noTeam, mentee)).toEqual(sorted(sameDepartment, elsewhere));
    expectRefusedWithoutReason(await ask(noTeam, mentee, teamMate, 'en'));
  });

  it('excludes colleagues of the same department when the programme says so', async () => {
    const mentee = await personWithProfile(
      { wants: ['negotiating'] },
      { department: 'Juridische Zaken', team: 'Contracten' },
    );
    const teamMate = await personWithProfile(
      { offers: ['negotiating'] },
      { department: 'Juridische Zaken', team: 'Contracten' },
    );
    const sameDepartment = await personWithProfile(
      { offers: ['negotiating'] },
      { department: 'Juridische Zaken', team: 'Privacy' },
    );
    const elsewhere = await personWithProfile(
      { offers: ['negotiating'] },
      { department: 'Inkoop', team: 'Contracten' },
    );
    const noDepartment = await createProgramme(rules({ excludeSameDepartment: true }));
    for (const mentor of [teamMate, sameDepartment, elsewhere]) {
      await enrol(mentor, noDepartment, 'mentor');
    }
    await enrol(mentee, noDepartment, 'mentee');

    expect(await suggestedIds(noDepartment, mentee)).toEqual([elsewhere.id]);
    expectRefusedWithoutReason(await ask(noDepartment, mentee, sameDepartment, 'en'));
    expectRefusedWithoutReason(await ask(noDepartment, mentee, teamMate, 'nl'));
  });
});

describe('filters and search', () => {
  let programmeId: string;
  let mentee: Caller;
  let boss: Caller;
  let utrechtInPerson: Caller;
  let berlinOnline: Caller;
  let amsterdamEither: Caller;

  beforeAll(async () => {
    programmeId = await createProgramme();
    // The boss's given name is the one searched for below.
    boss = await personWithProfile(
      { offers: ['public-speaking'], languages: ['nl', 'de'] },
      { givenName: 'Quirijn' },
    );
    mentee = await personWithProfile(
      { wants: ['public-speaking', 'negotiating'], languages: ['nl', 'de'] },
      { managerId: boss.id },
    );
    utrechtInPerson = await personWithProfile(
      {
        offers: ['public-speaking'],
        hobbies: ['Zeilen'],
        languages: ['nl'],
        place: 'Utrecht',
        meetingMode: 'in_person',
      },
      { givenName: 'Quirijn' },
    );
    berlinOnline = await personWithProfile(
      { offers: ['negotiating'], languages: ['de'], place: 'Berlin', meetingMode: 'online' },
      { givenName: 'Dieter' },
    );
    amsterdamEither = await personWithProfile(
      {
        offers: ['public-speaking', 'negotiating'],
        languages: ['nl', 'de'],
        place: 'Amsterdam',
        meetingMode: 'either',
      },
      { givenName: 'Femke' },
    );
    for (const mentor of [boss, utrechtInPerson, berlinOnline, amsterdamEither]) {
      await enrol(mentor, programmeId, 'mentor');
    }
    await enrol(mentee, programmeId, 'mentee');
  });

  it('lists everyone the rules allow when no filter is given', async () => {
    expect(await suggestedIds(programmeId, mentee)).toEqual(
      sorted(utrechtInPerson, berlinOnline, amsterdamEither),
    );
  });

  it('filters by language', async () => {
    expect(await suggestedIds(programmeId, mentee, 'language=nl')).toEqual(
      sorted(utrechtInPerson, amsterdamEither),
    );
    expect(await suggestedIds(programmeId, mentee, 'language=de')).toEqual(
      sorted(berlinOnline, amsterdamEither),
    );
    expect(await suggestedIds(programmeId, mentee, 'language=fr')).toEqual([]);
  });

  it('filters by place, whatever the case', async () => {
    expect(await suggestedIds(programmeId, mentee, 'place=utrecht')).toEqual([utrechtInPerson.id]);
    expect(await suggestedIds(programmeId, mentee, 'place=Berlin')).toEqual([berlinOnline.id]);
    expect(await suggestedIds(programmeId, mentee, 'place=Rotterdam')).toEqual([]);
  });

  it('filters by meeting mode: someone who meets either way passes both', async () => {
    expect(await suggestedIds(programmeId, mentee, 'meetingMode=online')).toEqual(
      sorted(berlinOnline, amsterdamEither),
    );
    expect(await suggestedIds(programmeId, mentee, 'meetingMode=in_person')).toEqual(
      sorted(utrechtInPerson, amsterdamEither),
    );
  });

  it('filters by skill, and combines filters', async () => {
    expect(await suggestedIds(programmeId, mentee, 'skill=negotiating')).toEqual(
      sorted(berlinOnline, amsterdamEither),
    );
    expect(await suggestedIds(programmeId, mentee, 'skill=public-speaking')).toEqual(
      sorted(utrechtInPerson, amsterdamEither),
    );
    expect(
      await suggestedIds(programmeId, mentee, 'skill=negotiating&meetingMode=in_person'),
    ).toEqual([amsterdamEither.id]);
    expect(await suggestedIds(programmeId, mentee, 'skill=budgeting')).toEqual([]);
  });

  it('searches names, skill labels in both languages and interests', async () => {
    expect(await suggestedIds(programmeId, mentee, 'search=dieter')).toEqual([berlinOnline.id]);
    expect(await suggestedIds(programmeId, mentee, 'search=Onderhandel')).toEqual(
      sorted(berlinOnline, amsterdamEither),
    );
    expect(await suggestedIds(programmeId, mentee, 'search=public%20speaking')).toEqual(
      sorted(utrechtInPerson, amsterdamEither),
    );
    expect(await suggestedIds(programmeId, mentee, 'search=zeilen')).toEqual([utrechtInPerson.id]);
    expect(await suggestedIds(programmeId, mentee, 'search=nobody-is-called-this')).toEqual([]);
  });

  it('never lists someone a rule excludes, even when the search names them', async () => {
    const byName = await suggestions(programmeId, mentee, 'search=quirijn');
    expect(byName.json().items.map((s: { personId: string }) => s.personId)).toEqual([
      utrechtInPerson.id,
    ]);
    expect(byName.body).not.toContain(boss.id);
    const bySkill = await suggestions(
      programmeId,
      mentee,
      'search=presenteren&language=de&meetingMode=either',
    );
    expect(bySkill.json().items.map((s: { personId: string }) => s.personId)).toEqual([
      amsterdamEither.id,
    ]);
    expect(bySkill.body).not.toContain(boss.id);
  });

  it('answers a bad filter with a 400 that names the field', async () => {
    for (const query of ['language=Dutch', 'meetingMode=telepathy', 'k=0']) {
      const response = await call(
        'GET',
        `/api/programmes/${programmeId}/suggestions?${query}`,
        mentee.cookie,
        undefined,
        'en',
      );
      expect(response.statusCode, query).toBe(400);
      const field = query.split('=')[0];
      expect(
        response.json().error.details.map((d: { field: string }) => d.field),
        query,
      ).toContain(`querystring.${field}`);
    }
  });
});

describe('full mentors', () => {
  it('shows a full mentor as full, and refuses a request to them', async () => {
    const programmeId = await createProgramme();
    const mentor = await personWithProfile({ offers: ['storytelling'] });
    const roomy = await personWithProfile({ offers: ['storytelling'] });
    const first = await personWithProfile({ wants: ['storytelling'] });
    const second = await personWithProfile({ wants: ['storytelling'] });
    await enrol(mentor, programmeId, 'mentor', 1);
    await enrol(roomy, programmeId, 'mentor', 2);
    await enrol(first, programmeId, 'mentee');
    await enrol(second, programmeId, 'mentee');

    const before = (await suggestions(programmeId, second)).json().items;
    expect(before.find((s: { personId: string }) => s.personId === mentor.id)).toMatchObject({
      isFull: false,
      remainingCapacity: 1,
    });

    const sent = await ask(programmeId, first, mentor);
    expect(sent.statusCode, sent.body).toBe(201);
    const accepted = await call('POST', `/api/requests/${sent.json().id}/accept`, mentor.cookie);
    expect(accepted.statusCode, accepted.body).toBe(200);

    const after = (await suggestions(programmeId, second)).json().items;
    const fullOf = Object.fromEntries(
      after.map((s: { personId: string; isFull: boolean }) => [s.personId, s.isFull]),
    );
    expect(fullOf).toEqual({ [mentor.id]: true, [roomy.id]: false });
    expect(after.find((s: { personId: string }) => s.personId === mentor.id)).toMatchObject({
      remainingCapacity: 0,
    });

    const refused = await ask(programmeId, second, mentor, 'en');
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'body.toPersonId',
    ]);
    expect((await ask(programmeId, second, roomy)).statusCode).toBe(201);
  });
});

describe('another organisation’s member', () => {
  it('gets 404 on the suggestions of a programme they cannot see', async () => {
    const programmeId = await createProgramme();
    const mentor = await personWithProfile(
      { offers: ['public-speaking'] },
      { givenName: 'Intern' },
    );
    await enrol(mentor, programmeId, 'mentor');

    const outsider = await signedIn(ctx.app, 'member');
    const outsiderManager = await signedIn(ctx.app, 'programme_manager');
    for (const caller of [outsider, outsiderManager]) {
      const response = await call(
        'GET',
        `/api/programmes/${programmeId}/suggestions`,
        caller.cookie,
      );
      expect(response.statusCode, response.body).toBe(404);
      expect(response.body).not.toContain(mentor.id);
      expect(response.body).not.toContain('Intern');
      const asked = await ask(programmeId, caller, mentor);
      expect(asked.statusCode, asked.body).toBe(404);
    }
    // Beside it, the positive case: a member of the organisation who is not enrolled is told to
    // enrol, not that the programme does not exist.
    const colleague = await personWithProfile({ wants: ['public-speaking'] });
    const notEnrolled = await call(
      'GET',
      `/api/programmes/${programmeId}/suggestions`,
      colleague.cookie,
    );
    expect(notEnrolled.statusCode, notEnrolled.body).toBe(422);
  });
});

describe('no dead ends', () => {
  const ids = (response: Awaited<ReturnType<typeof suggestions>>) =>
    response
      .json()
      .items.map((s: { personId: string }) => s.personId)
      .sort();

  it('tells someone who has their mentor who it is and where to go, and offers no one else', async () => {
    const programmeId = await createProgramme();
    const mentor = await personWithProfile(
      { offers: ['storytelling'] },
      { givenName: 'Mentorina' },
    );
    const other = await personWithProfile({ offers: ['storytelling'] });
    const mentee = await personWithProfile({ wants: ['storytelling'] });
    await enrol(mentor, programmeId, 'mentor', 3);
    await enrol(other, programmeId, 'mentor', 3);
    await enrol(mentee, programmeId, 'mentee');

    const before = await suggestions(programmeId, mentee);
    expect(before.json().requestBlock).toBeNull();
    expect(ids(before)).toEqual(sorted(mentor, other));

    const sent = await ask(programmeId, mentee, mentor);
    expect(sent.statusCode, sent.body).toBe(201);
    // While the request waits, asking someone else can only fail: the page is told so.
    const waiting = (await suggestions(programmeId, mentee)).json();
    expect(waiting.requestBlock).toEqual({
      reason: 'waiting_for_answer',
      name: expect.stringContaining('Mentorina'),
      relationshipId: null,
      requestId: sent.json().id,
    });
    expect(waiting.items.find((s: { personId: string }) => s.personId === mentor.id)).toMatchObject(
      { isRequested: true },
    );
    expect((await ask(programmeId, mentee, other)).statusCode).toBe(409);

    const accepted = await call('POST', `/api/requests/${sent.json().id}/accept`, mentor.cookie);
    expect(accepted.statusCode, accepted.body).toBe(200);
    const relationshipId: string = accepted.json().relationshipId;
    expect(relationshipId).toBeTruthy();

    for (const locale of ['nl', 'en'] as const) {
      const response = await call(
        'GET',
        `/api/programmes/${programmeId}/suggestions?k=50`,
        mentee.cookie,
        undefined,
        locale,
      );
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({
        role: 'mentee',
        requestBlock: {
          reason: 'has_mentor',
          name: expect.stringContaining('Mentorina'),
          relationshipId,
          requestId: null,
        },
        items: [],
      });
    }
    // The button it no longer shows would indeed have failed.
    expect((await ask(programmeId, mentee, other)).statusCode).toBe(409);
    // Another mentee of the same programme still gets suggestions and may ask.
    const newcomer = await personWithProfile({ wants: ['storytelling'] });
    await enrol(newcomer, programmeId, 'mentee');
    const theirs = await suggestions(programmeId, newcomer);
    expect(theirs.json().requestBlock).toBeNull();
    expect(ids(theirs)).toEqual(sorted(mentor, other));
  });

  it('never suggests again someone who declined the caller’s request, in that programme only', async () => {
    const programmeId = await createProgramme();
    const elsewhere = await createProgramme();
    const decliner = await personWithProfile({ offers: ['budgeting'] }, { givenName: 'Neenee' });
    const other = await personWithProfile({ offers: ['budgeting'] });
    const mentee = await personWithProfile({ wants: ['budgeting'] });
    for (const id of [programmeId, elsewhere]) {
      await enrol(decliner, id, 'mentor', 3);
      await enrol(other, id, 'mentor', 3);
      await enrol(mentee, id, 'mentee');
    }
    const sent = await ask(programmeId, mentee, decliner);
    expect(sent.statusCode, sent.body).toBe(201);
    const declined = await call(
      'POST',
      `/api/requests/${sent.json().id}/decline`,
      decliner.cookie,
      { reason: null },
    );
    expect(declined.statusCode, declined.body).toBe(200);

    const after = await suggestions(programmeId, mentee);
    expect(after.json().requestBlock).toBeNull();
    expect(ids(after)).toEqual([other.id]);
    expect(after.body).not.toContain('Neenee');
    // Searching for them by name or skill does not bring them back.
    expect(await suggestedIds(programmeId, mentee, 'search=neenee')).toEqual([]);
    expect(await suggestedIds(programmeId, mentee, 'skill=budgeting')).toEqual([other.id]);
    // k counts what is shown: the one left out does not shorten the list.
    const one = await call('GET', `/api/programmes/${programmeId}/suggestions?k=1`, mentee.cookie);
    expect(one.json().items.map((s: { personId: string }) => s.personId)).toEqual([other.id]);
    // In another programme they may still click.
    expect(await suggestedIds(elsewhere, mentee)).toEqual(sorted(decliner, other));
    // Someone else still sees the mentor who declined this mentee.
    const colleague = await personWithProfile({ wants: ['budgeting'] });
    await enrol(colleague, programmeId, 'mentee');
    expect(await suggestedIds(programmeId, colleague)).toEqual(sorted(decliner, other));
  });

  it('never suggests again a mentor who declined an introduction to the caller', async () => {
    const programmeId = await createProgramme(undefined, { matchingMode: 'manager_proposes' });
    const decliner = await personWithProfile({ offers: ['social-media'] });
    const other = await personWithProfile({ offers: ['social-media'] });
    const mentee = await personWithProfile({ wants: ['social-media'] });
    await enrol(decliner, programmeId, 'mentor', 1);
    await enrol(other, programmeId, 'mentor', 1);
    await enrol(mentee, programmeId, 'mentee');
    // Only this mentor is proposed to the mentee.
    const forbid = await call('POST', `/api/programmes/${programmeId}/pair-rules`, manager.cookie, {
      kind: 'forbid',
      menteeId: mentee.id,
      mentorId: other.id,
    });
    expect(forbid.statusCode, forbid.body).toBe(201);
    const run = await call(
      'POST',
      `/api/programmes/${programmeId}/proposals/run`,
      manager.cookie,
      {},
    );
    expect(run.statusCode, run.body).toBe(200);
    const send = await call(
      'POST',
      `/api/programmes/${programmeId}/proposals/send`,
      manager.cookie,
      {
        runId: run.json().runId,
      },
    );
    expect(send.statusCode, send.body).toBe(200);

    // Where the manager proposes, the mentee is told so instead of being offered buttons.
    const before = (await suggestions(programmeId, mentee)).json();
    expect(before.requestBlock).toMatchObject({ reason: 'manager_proposes' });
    expect(before.items.map((s: { personId: string }) => s.personId).sort()).toEqual(
      sorted(decliner, other),
    );

    const [intro] = (await call('GET', '/api/introductions', decliner.cookie)).json().items;
    const declined = await call('POST', `/api/introductions/${intro.id}/decline`, decliner.cookie);
    expect(declined.statusCode, declined.body).toBe(200);
    expect(await suggestedIds(programmeId, mentee)).toEqual([other.id]);
  });
});

describe('the cached pool', () => {
  it('answers in one statement while nothing changed, and sees every change at once', async () => {
    const programmeId = await createProgramme();
    const mentor = await personWithProfile({ offers: ['storytelling'] });
    const mentee = await personWithProfile({ wants: ['storytelling'] });
    await enrol(mentor, programmeId, 'mentor', 2);
    await enrol(mentee, programmeId, 'mentee');
    expect(await suggestedIds(programmeId, mentee)).toEqual([mentor.id]);

    const before = ctx.database.stats.queries;
    expect(await suggestedIds(programmeId, mentee)).toEqual([mentor.id]);
    expect(ctx.database.stats.queries - before).toBe(1);

    // A mentor who enrols, a changed profile, a deactivated enrolment: each shows at once.
    const late = await personWithProfile({ offers: ['storytelling'] });
    await enrol(late, programmeId, 'mentor', 2);
    expect(await suggestedIds(programmeId, mentee)).toEqual(sorted(mentor, late));
    const saved = await call('PUT', '/api/me/profile', late.cookie, {
      offers: [],
      wants: [],
      hobbies: [],
      experiences: [],
      values: [],
      tags: [],
      languages: ['fr'],
      availability: [],
      timeZone: 'Europe/Paris',
      meetingMode: 'either',
      place: 'Lyon',
      about: '',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // No shared language any more: the rules leave them out.
    expect(await suggestedIds(programmeId, mentee)).toEqual([mentor.id]);
    // Written by another process (straight into the database): seen as well.
    await ctx.db
      .update(enrolment)
      .set({ isActive: false })
      .where(and(eq(enrolment.programmeId, programmeId), eq(enrolment.personId, mentor.id)));
    expect(await suggestedIds(programmeId, mentee)).toEqual([]);
  });
});
